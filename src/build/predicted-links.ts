import type { CachedSource } from '../cache/cache.js';
import type { ArticleMeta } from '../model/types.js';
import type { ArticleLinks, ArticleLinkView } from '../theme/views.js';
import { articleLinksOf, articleNeighbours, linkView } from './article-neighbours.js';
import { modelSite } from './plan.js';
import { publicationOf, type PublishPolicy } from './publish.js';

/**
 * What each article page will link to of other articles (related, previous, next), predicted from
 * the last build's articles before anything is rendered, so that a render thread can write the
 * page finished, once. Without it every rendered article page is written, read back once all
 * articles are known, and written again (build/article-pages.ts) — after a template edit that is
 * every page of the archive twice. A prediction is never trusted: the article-page stage compares
 * it with the links computed from this build's articles and renders a page again where they differ
 * (an edit that moved an article's neighbours). Returns undefined without a last build to go by.
 * What is held until rendering is done is small: each article's link view made once and shared,
 * not the last build's whole metadata (100,000 articles: that kept a template edit's peak 0.2 GB higher).
 */
export function predictArticleLinks(last: ReadonlyMap<string, CachedSource>, sources: readonly string[], policy: PublishPolicy): ((rel: string) => ArticleLinks | undefined) | undefined {
  if (last.size === 0) return undefined;
  const articles: ArticleMeta[] = [];
  for (const rel of sources) {
    const entry = last.get(rel);
    if (entry?.kind !== 'article') continue;
    const meta = entry.meta as ArticleMeta;
    if (publicationOf(meta.data, policy) === 'published') articles.push(meta);
  }
  const views = new Map<ArticleMeta, ArticleLinkView>();
  const view = (a: ArticleMeta): ArticleLinkView => {
    let v = views.get(a);
    if (!v) views.set(a, (v = linkView(a)));
    return v;
  };
  const predicted = new Map<string, ArticleLinks>();
  // Made as the article-page stage makes them (articleLinksOf), which compares the two as JSON.
  for (const [meta, n] of articleNeighbours(modelSite(articles))) predicted.set(meta.src, articleLinksOf(n, view));
  return (rel) => predicted.get(rel);
}
