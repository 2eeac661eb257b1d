/**
 * The external-resource scan as it was before the start-tag scanner (checks/start-tags.ts): one
 * regular expression per tag. Kept as the oracle of the scanner's tests, which must find exactly
 * what this found on any text. Only fixed: `FETCHING[tag]` read `Object.prototype` for a tag named
 * `constructor` and failed on it (the scanner reads a Map).
 */
import { namesHost } from '../../src/util/url-ref.js';

export interface OracleResource {
  readonly kind: string;
  readonly url: string;
  readonly host: string;
}

const FETCHING: Record<string, { attrs: readonly string[]; kind: string }> = {
  script: { attrs: ['src'], kind: 'script' },
  img: { attrs: ['src', 'srcset'], kind: 'image' },
  source: { attrs: ['src', 'srcset'], kind: 'media' },
  iframe: { attrs: ['src'], kind: 'iframe' },
  frame: { attrs: ['src'], kind: 'iframe' },
  embed: { attrs: ['src'], kind: 'iframe' },
  object: { attrs: ['data'], kind: 'iframe' },
  video: { attrs: ['src', 'poster'], kind: 'media' },
  audio: { attrs: ['src'], kind: 'media' },
  track: { attrs: ['src'], kind: 'media' },
  input: { attrs: ['src'], kind: 'image' },
  image: { attrs: ['href', 'xlink:href'], kind: 'image' },
  use: { attrs: ['href', 'xlink:href'], kind: 'image' },
};

// `<link rel>` values that load or connect; alternate, canonical and the like only name a URL.
const FETCHING_LINKS = new Set(['stylesheet', 'preload', 'modulepreload', 'prefetch', 'preconnect', 'dns-prefetch', 'icon', 'apple-touch-icon', 'manifest', 'prerender']);

const TAG = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g;
const STYLE_BLOCK = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

function decodeAttr(value: string): string {
  return value.replace(/&(amp|quot|apos|#39|#x27|#47|#x2f);/gi, (m, e: string) => ({ amp: '&', quot: '"', apos: "'", '#39': "'", '#x27': "'", '#47': '/', '#x2f': '/' })[e.toLowerCase()] ?? m);
}

/** The host a URL in a page points to, or undefined for same-site, `data:` and other non-fetching URLs. */
function hostOf(raw: string, siteHost: string): string | undefined {
  const value = raw.trim();
  // Relative URLs stay on the site; only absolute and protocol-relative ones can leave it.
  if (!namesHost(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, 'https://stadtbote.invalid/');
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.host === siteHost ? undefined : url.host;
}

function cssUrls(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(CSS_URL)) {
    const u = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5];
    if (u) out.push(u);
  }
  return out;
}

/**
 * Every resource an HTML page loads from another host than the site's own: scripts, styles,
 * fonts (through CSS), images, frames and media. Links (`<a>`, canonical, alternate) load nothing.
 */
export function oracleExternalResources(html: string, siteHost: string): OracleResource[] {
  const found: OracleResource[] = [];
  const add = (kind: string, url: string): void => {
    const host = hostOf(url, siteHost);
    if (host) found.push({ kind, url: url.trim(), host });
  };
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of text.matchAll(TAG)) {
    const tag = m[1]!.toLowerCase();
    // Most tags (a, p, meta, li…) fetch nothing: skip parsing their attributes unless they carry a style.
    if (tag !== 'link' && !Object.hasOwn(FETCHING, tag) && !/style/i.test(m[2] ?? '')) continue;
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(ATTR)) attrs.set(a[1]!.toLowerCase(), decodeAttr(a[2] ?? a[3] ?? a[4] ?? ''));
    const style = attrs.get('style');
    if (style) for (const u of cssUrls(style)) add(/\.(woff2?|ttf|otf|eot)(\?|#|$)/i.test(u) ? 'font' : 'image', u);
    if (tag === 'link') {
      const rels = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attrs.get('href');
      if (!href || !rels.some((r) => FETCHING_LINKS.has(r))) continue;
      const as = attrs.get('as');
      const kind = rels.includes('stylesheet') || as === 'style' ? 'style' : as === 'font' ? 'font' : as === 'script' || rels.includes('modulepreload') ? 'script' : rels.includes('preconnect') || rels.includes('dns-prefetch') ? 'connection' : 'image';
      add(kind, href);
      continue;
    }
    const spec = Object.hasOwn(FETCHING, tag) ? FETCHING[tag] : undefined;
    if (!spec) continue;
    for (const name of spec.attrs) {
      const value = attrs.get(name);
      if (value === undefined) continue;
      if (name === 'srcset') for (const candidate of value.split(',')) add(spec.kind, candidate.trim().split(/\s+/)[0] ?? '');
      else add(spec.kind, value);
    }
  }
  for (const m of text.matchAll(STYLE_BLOCK)) for (const u of cssUrls(m[1] ?? '')) add(/\.(woff2?|ttf|otf|eot)(\?|#|$)/i.test(u) ? 'font' : 'style', u);
  return found;
}
