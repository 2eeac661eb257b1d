/**
 * The scan of the external-resource check (checks/external-resources.ts): what an HTML page or a
 * stylesheet makes the browser fetch from other hosts. Pure functions of the text, so that the
 * output writer's file thread (checks/scan-file.ts) runs them as the main thread does.
 */
import { namesHost } from '../util/url-ref.js';
import { StartTagScanner } from './start-tags.js';

/** One resource a page would make the browser fetch from another host. */
export interface ExternalResource {
  readonly kind: 'script' | 'style' | 'font' | 'image' | 'iframe' | 'media' | 'connection';
  readonly url: string;
  readonly host: string;
}

// Tags whose attributes make the browser fetch something, and which attributes do.
const FETCHING: ReadonlyMap<string, { attrs: readonly string[]; kind: ExternalResource['kind'] }> = new Map(Object.entries({
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
}));

// `<link rel>` values that load or connect; alternate, canonical and the like only name a URL.
const FETCHING_LINKS = new Set(['stylesheet', 'preload', 'modulepreload', 'prefetch', 'preconnect', 'dns-prefetch', 'icon', 'apple-touch-icon', 'manifest', 'prerender']);

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

/** Tags whose attributes can fetch something: the ones of FETCHING, and `<link>`. */
const FETCHING_TAGS: ReadonlySet<string> = new Set([...FETCHING.keys(), 'link']);
const FONT_FILE = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;

/** Whether `<style` (any case) is in the text: two searches for `<s`/`<S` cost less than one case-insensitive expression. */
function hasStyleTag(text: string): boolean {
  for (const start of ['<s', '<S']) {
    for (let i = text.indexOf(start); i !== -1; i = text.indexOf(start, i + 2)) {
      // `| 0x20` makes an ASCII letter lower case; only `T`/`t` give `t`, and so on.
      if ((text.charCodeAt(i + 2) | 0x20) === 0x74 && (text.charCodeAt(i + 3) | 0x20) === 0x79 && (text.charCodeAt(i + 4) | 0x20) === 0x6c && (text.charCodeAt(i + 5) | 0x20) === 0x65) return true;
    }
  }
  return false;
}

const startTags = new StartTagScanner(FETCHING_TAGS);

/** A tag's attribute, its entities decoded (`&amp;` and the few that can hide a URL's slashes and quotes). */
function attribute(attrs: ReadonlyMap<string, string>, name: string): string | undefined {
  const value = attrs.get(name);
  return value?.includes('&') ? decodeAttr(value) : value;
}

/**
 * Every resource an HTML page loads from another host than the site's own: scripts, styles,
 * fonts (through CSS), images, frames and media. Links (`<a>`, canonical, alternate) load nothing.
 */
export function findExternalResources(html: string, siteHost: string): ExternalResource[] {
  const found: ExternalResource[] = [];
  const add = (kind: ExternalResource['kind'], url: string): void => {
    const host = hostOf(url, siteHost);
    if (host) found.push({ kind, url: url.trim(), host });
  };
  const text = html.includes('<!--') ? html.replace(/<!--[\s\S]*?-->/g, '') : html;
  // Most tags (a, p, meta, li…) fetch nothing: the scan hands on only those that can, and any with a style.
  startTags.scan(text, (tag, attrs) => {
    const style = attribute(attrs, 'style');
    if (style) for (const u of cssUrls(style)) add(FONT_FILE.test(u) ? 'font' : 'image', u);
    if (tag === 'link') {
      const rels = (attribute(attrs, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = attribute(attrs, 'href');
      if (!href || !rels.some((r) => FETCHING_LINKS.has(r))) return;
      const as = attribute(attrs, 'as');
      const kind = rels.includes('stylesheet') || as === 'style' ? 'style' : as === 'font' ? 'font' : as === 'script' || rels.includes('modulepreload') ? 'script' : rels.includes('preconnect') || rels.includes('dns-prefetch') ? 'connection' : 'image';
      add(kind, href);
      return;
    }
    const spec = FETCHING.get(tag);
    if (!spec) return;
    for (const name of spec.attrs) {
      const value = attribute(attrs, name);
      if (value === undefined) continue;
      if (name === 'srcset') for (const candidate of value.split(',')) add(spec.kind, candidate.trim().split(/\s+/)[0] ?? '');
      else add(spec.kind, value);
    }
  });
  if (hasStyleTag(text)) for (const m of text.matchAll(STYLE_BLOCK)) for (const u of cssUrls(m[1] ?? '')) add(FONT_FILE.test(u) ? 'font' : 'style', u);
  return found;
}

/** External resources of a stylesheet: `@import`s and `url()`s (fonts, images). */
export function findExternalCssResources(css: string, siteHost: string): ExternalResource[] {
  const found: ExternalResource[] = [];
  for (const u of cssUrls(css.replace(/\/\*[\s\S]*?\*\//g, ''))) {
    const host = hostOf(u, siteHost);
    if (host) found.push({ kind: FONT_FILE.test(u) ? 'font' : /\.css(\?|#|$)/i.test(u) ? 'style' : 'image', url: u.trim(), host });
  }
  return found;
}

