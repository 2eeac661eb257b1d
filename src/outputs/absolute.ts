import type { Element } from 'hast';
import { createRequire } from 'node:module';
import { absoluteUrl, withBasePath } from '../model/urls.js';
import { LONE_SURROGATE } from '../util/text.js';
import type { SiteSnapshot } from './types.js';

/** Turns site paths (`/2025/…`, without the base path) into absolute URLs under the base URL. */
export function absoluteUrlFor(s: SiteSnapshot): (sitePath: string) => string {
  const { baseUrl } = s.renderer.context.config;
  return (sitePath) => absoluteUrl(baseUrl, sitePath);
}

/** A site path with the base path in front, as it is written into HTML (`/presse/2025/…`). */
export function withBasePathFor(s: SiteSnapshot): (sitePath: string) => string {
  const { basePath } = s.renderer.context;
  return (sitePath) => withBasePath(basePath, sitePath);
}

// Lone surrogates cannot be encoded in UTF-8: JSON feeds drop them here, XML output in `xmlEscape`.

export function dropLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '');
}

/** hast property names of the attributes that hold one URL. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'cite', 'action'] as const;

/**
 * Whether parsing can find anything to rewrite. Bodies come from hast-util-to-html, which writes
 * `name="value"` and joins srcset candidates with `, `: a value that starts with `/` or `#` follows
 * `="` (or `='`) or `, `. Most feed bodies have none and skip the parse; a screen only, the rewrite
 * itself is decided on the tree.
 */
function mayHoldSitePath(html: string): boolean {
  return ['="/', '="#', "='/", "='#", ', /'].some((needle) => html.includes(needle));
}

/** The HTML parser and serializer (some 90 modules), loaded when a feed body has a site path to rewrite, not by every build. */
interface HtmlTools {
  readonly fromHtml: typeof import('hast-util-from-html').fromHtml;
  readonly toHtml: typeof import('hast-util-to-html').toHtml;
  readonly visit: typeof import('unist-util-visit').visit;
}
let htmlTools: HtmlTools | undefined;
function loadHtmlTools(): HtmlTools {
  if (htmlTools) return htmlTools;
  // require() of these ES modules is synchronous from Node 20.19 on (the engine the package requires): feeds are made synchronously.
  const load = createRequire(import.meta.url);
  const { fromHtml } = load('hast-util-from-html') as typeof import('hast-util-from-html');
  const { toHtml } = load('hast-util-to-html') as typeof import('hast-util-to-html');
  const { visit } = load('unist-util-visit') as typeof import('unist-util-visit');
  return (htmlTools = { fromHtml, toHtml, visit });
}

/**
 * Makes the URLs inside rendered body HTML absolute, because feed readers show the HTML away from
 * the site: links like `/presse/medien/x.jpg` (already with the base path) get the origin, and
 * `#fragment` links point into the article page. Works on the parsed tree, so markup shown as text
 * (a code span with `<a href="/x">`) stays as written. Returns the input itself when nothing changes,
 * so bodies without site links keep their bytes.
 */
export function absolutizeHtml(html: string, origin: string, pageUrl: string): string {
  const fix = (value: string): string => {
    if (value.startsWith('/') && !value.startsWith('//')) return origin + value;
    if (value.startsWith('#')) return pageUrl + value;
    return value;
  };
  if (!mayHoldSitePath(html)) return html;
  const { fromHtml, toHtml, visit } = loadHtmlTools();
  const tree = fromHtml(html, { fragment: true });
  let changed = false;
  visit(tree, 'element', (node: Element) => {
    const props = node.properties;
    for (const name of URL_PROPERTIES) {
      const value = props[name];
      if (typeof value !== 'string') continue;
      const fixed = fix(value);
      if (fixed !== value) {
        props[name] = fixed;
        changed = true;
      }
    }
    // `srcset` is a comma-separated list of "URL descriptor" candidates; hast keeps it as one text.
    if (typeof props.srcSet === 'string') {
      const fixed = props.srcSet
        .split(',')
        .map((candidate) => {
          const text = candidate.trim();
          const space = text.search(/\s/);
          return space === -1 ? fix(text) : fix(text.slice(0, space)) + text.slice(space);
        })
        .join(', ');
      if (fixed !== props.srcSet) {
        props.srcSet = fixed;
        changed = true;
      }
    }
  });
  return changed ? toHtml(tree) : html;
}
