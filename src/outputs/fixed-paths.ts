import { outputPathFor, type UrlScheme } from '../model/urls.js';
import type { ArticleMeta } from '../model/types.js';
import { parseOldAddress, placeOldAddress } from '../content/aliases.js';
import { redirectFilePath } from './redirects.js';
import type { OutputSource } from './types.js';
import { aliasOwner, owner } from '../i18n/owners.js';

/**
 * Files the site-wide generators always write, with the owner names they claim them under. They
 * are reserved before any source is claimed, so that a page or alias on one of them is reported
 * together with every other clash instead of in a second run after those are fixed.
 */
export function fixedOutputs(urls: UrlScheme, search: boolean): [path: string, owner: string][] {
  return [
    ...(search ? ([[outputPathFor(urls.search()), owner('searchPage')]] as [string, string][]) : []),
    ['404.html', owner('notFoundPage')],
    [outputPathFor(urls.feed('rss')), owner('siteFeeds')],
    [outputPathFor(urls.feed('atom')), owner('siteFeeds')],
    [outputPathFor(urls.feed('json')), owner('siteFeeds')],
    ['sitemap.xml', owner('sitemap')],
    ['robots.txt', 'robots.txt'],
  ];
}

/**
 * The redirect pages of an article's aliases (those under the base path without a query; the rest
 * only the server files redirect), under the owner names the redirects generator uses: claimed
 * with the article, so that an alias on another page is reported in the same run as every other
 * clash. The generator claims them again later, as the same owner.
 */
export function aliasOutputs(article: ArticleMeta, displayPrefix: string, host: string, basePath: string): [path: string, owner: string, source: OutputSource][] {
  const out: [string, string, OutputSource][] = [];
  for (const alias of new Set(article.data.aliases)) {
    const parsed = parseOldAddress(alias);
    if (!parsed.ok) continue;
    const placed = placeOldAddress(parsed.address, host, basePath);
    if (placed.kind !== 'this-host' || placed.pageAt === undefined) continue;
    out.push([redirectFilePath(placed.pageAt), aliasOwner(`${displayPrefix}${article.src}`, alias), { src: article.src, field: `aliases.${article.data.aliases.indexOf(alias)}` }]);
  }
  return out;
}
