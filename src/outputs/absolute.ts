import { absoluteUrl, withBasePath } from '../model/urls.js';
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
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function dropLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '');
}

const URL_ATTRIBUTE = /(\s(?:href|src|poster|cite|action)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;
const SRCSET_ATTRIBUTE = /(\s(?:srcset)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;

/**
 * Makes the URLs inside rendered body HTML absolute, because feed readers show the HTML away from
 * the site: links like `/presse/medien/x.jpg` (already with the base path) get the origin, and
 * `#fragment` links point into the article page.
 */
export function absolutizeHtml(html: string, origin: string, pageUrl: string): string {
  const fix = (value: string): string => {
    if (value.startsWith('/') && !value.startsWith('//')) return origin + value;
    if (value.startsWith('#')) return pageUrl + value;
    return value;
  };
  return html
    .replace(URL_ATTRIBUTE, (_m, head: string, dq: string | undefined, sq: string | undefined) => (dq !== undefined ? `${head}"${fix(dq)}"` : `${head}'${fix(sq ?? '')}'`))
    .replace(SRCSET_ATTRIBUTE, (_m, head: string, dq: string | undefined, sq: string | undefined) => {
      const list = (dq ?? sq ?? '')
        .split(',')
        .map((part) => {
          const trimmed = part.trim();
          const space = trimmed.search(/\s/);
          return space === -1 ? fix(trimmed) : fix(trimmed.slice(0, space)) + trimmed.slice(space);
        })
        .join(', ');
      return dq !== undefined ? `${head}"${list}"` : `${head}'${list}'`;
    });
}
