import type { CacheData } from '../cache/cache.js';
import type { SiteModel } from '../model/site.js';
import type { SourceFile } from '../model/types.js';
import { outputPathFor } from '../model/urls.js';
import { fillArticleContext } from '../render/article-context-slot.js';
import type { Renderer } from '../render/renderer.js';
import { hashOf } from '../util/hash.js';
import { searchViewHash } from '../theme/search-view.js';
import type { SiteOutput } from '../write/site-output.js';
import { articleContextKey, articleLinksJson, articleLinksOf, linkView, neighboursOf, type NeighboursOf } from './article-neighbours.js';
import type { ArticleMeta } from '../model/types.js';
import type { ArticlePage } from './collect.js';

/** The cache's name of an article page's output: its key covers what it shows of other articles. */
export const articlePageOutput = (url: string): string => `article:${url}`;

/** The cache's entry of `articleContextKey`: what all article pages show of each other, as one key. */
export const ARTICLE_CONTEXT_OUTPUT = 'article-context';

export interface ArticlePagesInput {
  readonly pages: readonly ArticlePage[];
  readonly model: SiteModel;
  /** The renderer of this thread: the context partial, and the rare page whose own HTML must be rendered again. */
  readonly renderer: Renderer;
  readonly read: (rel: string) => SourceFile;
  readonly output: SiteOutput;
  readonly previous: CacheData;
  readonly next: CacheData;
  /** Whether the site has search: then each page's search view is hashed (theme/search-view.ts). */
  readonly search: boolean;
}

/**
 * The article-page stage: each page gets its links to other articles (related, previous, next,
 * `partials/article-context`). The page's key is its own HTML's hash and what it shows of the
 * others (their URLs, titles and dates), so a page is kept from the last build only when neither
 * changed: editing article B's title changes the key of every page that links to B. A cached page
 * whose key changed is rendered again here.
 */
export async function writeArticlePages(input: ArticlePagesInput): Promise<{ rerendered: number }> {
  const { output, previous, next, renderer } = input;
  if (output.dryRun) return { rerendered: 0 };
  // Everything the pages show of each other as the last build's: a page whose own HTML is the last
  // build's too is kept without its neighbours being worked out, which then happens only if a page needs it.
  const contextKey = articleContextKey(input.model);
  const lastContext = previous.outputs.get(ARTICLE_CONTEXT_OUTPUT);
  const sameContext = lastContext?.key === contextKey;
  next.outputs.set(ARTICLE_CONTEXT_OUTPUT, sameContext ? lastContext! : { key: contextKey, files: [] });
  let neighbours: NeighboursOf | undefined;
  const viewJsons = new Map<ArticleMeta, string>();
  const viewJson = (a: ArticleMeta): string => {
    let json = viewJsons.get(a);
    if (json === undefined) viewJsons.set(a, (json = JSON.stringify(linkView(a))));
    return json;
  };
  let rerendered = 0;
  for (const page of input.pages) {
    const outPath = outputPathFor(page.meta.url);
    const name = articlePageOutput(page.meta.url);
    const last = previous.outputs.get(name);
    // Links between sources (filled in by build/links.ts) depend on other URLs too: such a page is finished from its HTML on every build.
    const own = page.html;
    // Neither rendered nor written in this build: the page came from its source's cache entry, its own HTML is the last build's.
    const asLastBuilt = own === undefined && !page.written && !page.finished;
    // With the context unchanged too, its key is the last one: kept without its neighbours worked out.
    if (sameContext && asLastBuilt && last?.files[0] && output.keep(outPath, last.files[0][1])) {
      next.outputs.set(name, last);
      continue;
    }
    const n = (neighbours ??= neighboursOf(input.model))(page.meta);
    if (!n) continue;
    const shownJson = articleLinksJson(n, viewJson);
    // What the page shows of others is data: the partial that renders it is covered by the cache's fingerprints (render/page-templates.ts).
    const key = hashOf(own === undefined ? page.htmlHash : hashOf(own), shownJson);
    // Rendered finished with predicted links (build/predicted-links.ts) that turned out right: written once, done.
    if (page.finished && page.finished.linksHash === hashOf(shownJson)) {
      next.outputs.set(name, { key, files: [[outPath, page.finished.hash]], ...(page.finished.searchHash ? { search: page.finished.searchHash } : {}) });
      continue;
    }
    if (asLastBuilt && last && last.key === key && last.files[0] && output.keep(outPath, last.files[0][1])) {
      next.outputs.set(name, last);
      continue;
    }
    const context = renderer.articleContext(articleLinksOf(n));
    let base = own;
    // A page written finished with links that turned out wrong is rendered again (rare: an edit moved its neighbours).
    if (base === undefined && page.written && !page.finished) base = output.read(outPath).toString('utf8');
    if (base === undefined) {
      const result = await renderer.renderSourceLoaded(input.read(page.meta.src));
      rerendered++;
      base = result.kind === 'article' ? result.html : '';
    }
    const html = fillArticleContext(base, context);
    const hash = hashOf(html);
    // Its own HTML passed the written-file checks when it was put; the context adds only site links.
    if (page.written) output.replace(outPath, html, hash);
    else output.put(outPath, html, hash);
    // The same entry as the last build's when nothing changed: the cache then need not be written again (build/cache-stage.ts).
    // With search on, the hash of what the index is made of of this page (theme/search-view.ts), for the search stage's key.
    const unchanged = last && last.key === key && last.files.length === 1 && last.files[0]![1] === hash && (!input.search || last.search !== undefined);
    next.outputs.set(name, unchanged ? last : { key, files: [[outPath, hash]], ...(input.search ? { search: searchViewHash(html) } : {}) });
  }
  return { rerendered };
}
