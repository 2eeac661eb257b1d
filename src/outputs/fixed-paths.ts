import { outputPathFor, type UrlScheme } from '../model/urls.js';
import type { ArticleMeta } from '../model/types.js';
import { redirectFilePath } from './redirects.js';
import type { OutputSource } from './types.js';

/**
 * Files the site-wide generators always write, with the owner names they claim them under. They
 * are reserved before any source is claimed, so that a page or alias on one of them is reported
 * together with every other clash instead of in a second run after those are fixed.
 */
export function fixedOutputs(urls: UrlScheme, search: boolean): [path: string, owner: string][] {
  return [
    ...(search ? ([[outputPathFor(urls.search()), 'the search page']] as [string, string][]) : []),
    ['404.html', 'the 404 page'],
    [outputPathFor(urls.feed('rss')), 'the site feeds'],
    [outputPathFor(urls.feed('atom')), 'the site feeds'],
    [outputPathFor(urls.feed('json')), 'the site feeds'],
    ['sitemap.xml', 'the sitemap'],
    ['robots.txt', 'robots.txt'],
  ];
}

/**
 * The redirect pages of an article's aliases, under the owner names the redirects generator uses:
 * claimed with the article, so that an alias on another page is reported in the same run as every
 * other clash. The generator claims them again later, as the same owner.
 */
export function aliasOutputs(article: ArticleMeta, displayPrefix: string): [path: string, owner: string, source: OutputSource][] {
  return [...new Set(article.data.aliases)].map((alias) => {
    let decoded = alias;
    try {
      decoded = decodeURIComponent(alias);
    } catch {
      /* kept as written, as the redirects generator does */
    }
    return [redirectFilePath(decoded), `${displayPrefix}${article.src} (alias ${alias})`, { src: article.src, field: `aliases.${article.data.aliases.indexOf(alias)}` }];
  });
}
