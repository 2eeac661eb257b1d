import { outputPathFor } from '../model/urls.js';
import type { PageChrome } from '../theme/views.js';
import { searchBundlePaths } from '../search/parts.js';
import { snapshotSearchParts } from './search-parts.js';
import type { GeneratedFile, SiteSnapshot } from './types.js';
import { owner } from '../i18n/owners.js';

/**
 * The search page (`/suche/`): a form with region and year filters whose options come from the
 * published articles. The Pagefind bundle it loads is written by the search step of the build.
 */
export function searchPage(s: SiteSnapshot): GeneratedFile[] {
  const { renderer } = s;
  if (!renderer.context.search) return [];
  const t = renderer.strings;
  const url = renderer.urls.search();
  const chrome: PageChrome = { kind: 'search', section: 'search', title: t.search, url, description: s.site.config.description, feeds: renderer.siteFeeds() };
  // The newest part is loaded first; the others are merged into it when the reader searches (search/parts.ts).
  const parts = snapshotSearchParts(s);
  const [primary = '/pagefind/', ...merged] = searchBundlePaths(parts);
  const html = renderer.renderPage('search', chrome, {
    bundle: `${primary}pagefind.js`,
    mergedBundles: merged,
    // Above any part's size: the search script weights the parts by its powers to keep them in date
    // order and to tell from a result's score which part it came from.
    partBase: Math.max(0, ...parts.map((p) => p.articles.length)) + 2,
    regions: s.model.regions.map((r) => r.name),
    topics: s.model.topics.map((r) => r.name),
    years: s.model.years.map((y) => y.year),
    archiveUrl: renderer.urls.archive(),
    regionsUrl: renderer.urls.regions(),
  });
  return [{ path: outputPathFor(url), content: html, owner: owner('searchPage') }];
}
