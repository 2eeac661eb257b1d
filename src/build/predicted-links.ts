import type { CachedSource } from '../cache/cache.js';
import type { ArticleMeta } from '../model/types.js';
import type { ArticleLinks } from '../theme/views.js';
import { articleLinksOf, articleNeighbours, type Neighbours } from './article-neighbours.js';
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
 * The links are made when asked for: 100,000 articles' links held at once would be some 100 MB.
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
  const predicted = new Map<string, Neighbours>();
  for (const [meta, neighbours] of articleNeighbours(modelSite(articles))) predicted.set(meta.src, neighbours);
  return (rel) => {
    const neighbours = predicted.get(rel);
    return neighbours && articleLinksOf(neighbours);
  };
}
