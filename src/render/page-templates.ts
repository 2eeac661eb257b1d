/**
 * The templates each kind of cached page is rendered with, and the frame every page has
 * (render/site-chrome.ts). What these reach through layouts and partials (theme/template-deps.ts)
 * makes one fingerprint per kind in the build cache (build/cache-stage.ts), so that a template edit
 * renders again only the kind of page that can show it. A template rendered for a kind and missing
 * here would let such an edit keep pages it changed: test/scale/template-edits.test.ts edits each
 * template of the default theme and compares the build with a cold one.
 */
const FRAME = ['partials/head-links', 'partials/header', 'partials/footer'];

/**
 * A source's own pages, by the source stage (render/page-step.ts: the page, its list entry) and the
 * article-page stage (its links to other articles).
 */
export const SOURCE_PAGE_TEMPLATES: readonly string[] = ['article', 'page', 'partials/article-item', 'partials/article-context', ...FRAME];

/**
 * The list and overview pages (build/plan.ts). Their entries are not here: each list page's key holds
 * the hash of each entry as rendered in this build (render/list-item.ts), so an edit of the entry's
 * template changes the keys.
 */
export const LIST_PAGE_TEMPLATES: readonly string[] = ['list', 'archive', 'regions', 'topics', ...FRAME];
