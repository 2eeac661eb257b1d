import type { UiStrings } from '../i18n/index.js';
import type { ArticleData, ImageInfo } from '../model/types.js';
import type { Theme } from '../theme/engine.js';
import type { ArticleItemPartialView, SiteView } from '../theme/views.js';
import { hashOf } from '../util/hash.js';
import { listItemView } from './article-views.js';

/** What an article's list entry is rendered with besides the article: the theme and what its partial reads. */
export interface ListItemDeps {
  readonly theme: Theme;
  readonly strings: UiStrings;
  readonly site: SiteView;
}

/**
 * An article's entry in list pages (`partials/article-item`): rendered with the article's page, and
 * again for a list page that shows an article whose meta came from the build cache, which keeps only
 * the entry's hash (model/types.ts `ArticleMeta.listHtml`).
 */
export function renderListItem(deps: ListItemDeps, url: string, data: ArticleData, regionUrl: string, image?: ImageInfo): string {
  const view: ArticleItemPartialView = { t: deps.strings, site: deps.site, item: listItemView(url, data, regionUrl, image) };
  return deps.theme.render('partials/article-item', view);
}

/** What a list page's key holds of an entry: its HTML and the date that orders it (build/plan.ts). */
export function listItemHash(html: string, iso: string): string {
  return hashOf(html, iso);
}
