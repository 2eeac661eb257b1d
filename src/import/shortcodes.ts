/**
 * Shortcodes of the old system inside text: WordPress `[gallery ids="1,2"]`, `[embed]…[/embed]`,
 * Hugo `{{< youtube id >}}`, Liquid `{% include x.html %}`. They are text to the HTML parser, so they
 * are found in text nodes (never in HTML source) and left out, each one reported.
 */

/** WordPress shortcodes whose enclosed content is an embed, not text: dropped with it. */
const DROPPED_WITH_CONTENT = new Set(['embed', 'video', 'audio', 'playlist', 'gallery', 'googlemaps', 'wpvideo', 'youtube', 'vimeo']);
/** WordPress shortcodes known by name; others count only when they carry attributes (`[x a="b"]`) or an underscore. */
const KNOWN = new Set([...DROPPED_WITH_CONTENT, 'caption', 'wp_caption', 'contact-form', 'contact-form-7', 'gravityform', 'ninja_form', 'slider', 'button', 'pdf-embedder', 'iframe', 'soundcloud', 'instagram', 'tweet', 'fb_plugin']);

const WP_TAG = /\[(\/?)([a-z][a-z0-9_-]*)((?:\s+[^\]]*)?)\]/gi;
const TEMPLATE_TAG = /\{\{[<%]\s*\/?\s*([A-Za-z][\w-]*)[^}]*?[>%]\}\}|\{%-?\s*([A-Za-z][\w-]*)[^%]*?-?%\}|\{\{-?\s*([^}]*?)\s*-?\}\}/g;

function isWordPressShortcode(name: string, attrs: string, closing: boolean, text: string): boolean {
  const lower = name.toLowerCase();
  if (KNOWN.has(lower) || lower.includes('_')) return true;
  if (attrs.includes('=')) return true;
  // `[/x]` closes a shortcode only if `[x` opened one in the same text.
  return closing && text.toLowerCase().includes(`[${lower}`);
}

export interface StrippedText {
  readonly text: string;
  /** The shortcodes found, as written by their name: `[gallery]`, `{{< youtube >}}`, `{% include %}`. */
  readonly found: readonly string[];
}

/** Removes shortcodes from a text; enclosing embed shortcodes lose their content too. */
export function stripShortcodes(text: string): StrippedText {
  if (!text.includes('[') && !text.includes('{')) return { text, found: [] };
  const found: string[] = [];
  let out = text;
  // Enclosed embeds first: `[embed]https://…[/embed]` disappears entirely.
  for (const name of DROPPED_WITH_CONTENT) {
    const enclosed = new RegExp(`\\[${name}(?:\\s[^\\]]*)?\\][\\s\\S]*?\\[\\/${name}\\]`, 'gi');
    out = out.replace(enclosed, () => {
      found.push(`[${name}]`);
      return '';
    });
  }
  const original = out;
  out = out.replace(WP_TAG, (match, closing: string, name: string, attrs: string) => {
    if (!isWordPressShortcode(name, attrs, closing === '/', original)) return match;
    if (closing !== '/') found.push(`[${name.toLowerCase()}]`);
    return '';
  });
  out = out.replace(TEMPLATE_TAG, (match, hugo?: string, liquid?: string, expr?: string) => {
    if (hugo) {
      if (!/\{\{[<%]\s*\//.test(match)) found.push(`{{< ${hugo} >}}`);
    } else if (liquid) {
      if (!/^end/.test(liquid)) found.push(`{% ${liquid} %}`);
    } else found.push(`{{ ${(expr ?? '').split(/\s/)[0]} }}`);
    return '';
  });
  return { text: out, found };
}
