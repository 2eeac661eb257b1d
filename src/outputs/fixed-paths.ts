import { outputPathFor, type UrlScheme } from '../model/urls.js';

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
