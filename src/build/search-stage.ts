import type { CachedOutput, CachedSource } from '../cache/cache.js';
import { SearchIndexing, type SearchInput, type SearchResult } from '../search/pagefind.js';

/**
 * Up to this many articles the search index is built while list pages and site files are made;
 * above, after them, once the file thread's heap is gone: Pagefind's process is the build's peak
 * of memory there (a year of 100,000 articles: 0.6 GiB of its own), and the target is 1.5 GiB.
 */
const BESIDE_BUILD_MAX_ARTICLES = 25_000;
/** What the build knows before its cache lookups: whether the cache held, and the last build. */
export interface SearchGuessContext {
  readonly cacheHit: boolean;
  readonly staleSearch: boolean;
  readonly sources: number;
  readonly lastSources: ReadonlyMap<string, CachedSource>;
  readonly lastParts: ReadonlyMap<string, CachedOutput>;
  readonly language: string;
  readonly outDir: string;
}

/**
 * The search index as a stage of the build (search/pagefind.ts `SearchIndexing`): begun from the
 * last pages as the build finds an edited article, sent to its thread once the article pages are
 * final, and taken where the build writes it — so that Pagefind works while the build does.
 */
export class SearchStage {
  private readonly indexing = new SearchIndexing();
  private started = false;

  private lastSources: ReadonlyMap<string, CachedSource> | undefined;

  /**
   * Before the cache lookups: on a build from the cache (an edit; a template or config change
   * renders every page, and its parts are mostly kept), the parts of changed articles may be begun
   * from their last pages as the lookups find them (`changed`).
   */
  prepare(context: SearchGuessContext): void {
    if (!context.cacheHit || context.staleSearch || context.sources > BESIDE_BUILD_MAX_ARTICLES) return;
    this.lastSources = context.lastSources;
    this.indexing.allowGuesses({ language: context.language, lastParts: context.lastParts, outDir: context.outDir });
  }

  /** A source the cache lookups found changed: the part its article was in is begun at once. (Bound: handed to the lookups as it is.) */
  readonly changed = (rel: string): void => {
    const last = this.lastSources?.get(rel);
    if (last?.kind === 'article') this.indexing.guess(last.meta.url);
  };

  /** Once every article page is final: the parts to build go to the search thread, unless the site is too large to index beside the build. */
  beside(input: SearchInput): void {
    if (input.articles.length > BESIDE_BUILD_MAX_ARTICLES) return;
    this.indexing.start(input);
    this.started = true;
  }

  /** Where the build writes the index: the bundles are taken (on a large site first built, after `beforeIndexing`). */
  async finish(input: SearchInput, beforeIndexing: () => void): Promise<SearchResult> {
    if (!this.started) {
      beforeIndexing();
      this.indexing.start(input);
      this.started = true;
    }
    return this.indexing.finish();
  }

  /** Ends the search thread when the build fails before `finish`. */
  close(): void {
    this.indexing.close();
  }
}
