/**
 * The templates a source's own pages are rendered with, by the source stage (render/page-step.ts:
 * the page, its list entry) and the article-page stage (its links to other articles), each with the
 * frame every page has (render/site-chrome.ts). What these reach through layouts and partials
 * (theme/template-deps.ts) makes the build cache's second fingerprint (build/cache-stage.ts): a
 * template edit elsewhere — a list page's, the 404 page's — keeps every article page. A template
 * rendered for a source and missing here would let such an edit keep pages it changed: the cache
 * tests edit each template of the default theme and compare with a cold build.
 */
export const SOURCE_PAGE_TEMPLATES: readonly string[] = [
  'article',
  'page',
  'partials/article-item',
  'partials/article-context',
  'partials/head-links',
  'partials/header',
  'partials/footer',
];
