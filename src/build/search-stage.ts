import type { CachedOutput, CachedSource } from '../cache/cache.js';
import { SearchIndexing, type SearchInput, type SearchResult } from '../search/pagefind.js';

/** What the build knows before its cache lookups: whether the cache held, and the last build. */
export interface SearchGuessContext {
  readonly cacheHit: boolean;
  readonly staleSearch: boolean;
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
  private lastSources: ReadonlyMap<string, CachedSource> | undefined;
  /** Set by `plan`: whether the parts are built beside the build, on the search thread. */
  private beside: boolean | undefined;

  /**
   * Before the cache lookups: on a build from the cache (an edit; a template or config change
   * renders every page, and its parts are mostly kept), the parts of changed articles may be begun
   * from their last pages as the lookups find them (`changed`). Not while the dev server keeps a
   * stale index: it builds the index only when editing pauses.
   */
  prepare(context: SearchGuessContext): void {
    if (!context.cacheHit || context.staleSearch) return;
    this.lastSources = context.lastSources;
    this.indexing.allowGuesses({ language: context.language, lastParts: context.lastParts, outDir: context.outDir });
  }

  /** A source the cache lookups found changed: the part its article was in is begun at once. (Bound: handed to the lookups as it is.) */
  readonly changed = (rel: string): void => {
    const last = this.lastSources?.get(rel);
    if (last?.kind === 'article') this.indexing.guess(last.meta.url);
  };

  /** Once every article page is final: the parts are planned, and go to the search thread unless they are too large to build beside the build. */
  plan(input: SearchInput): void {
    this.beside = this.indexing.start(input);
  }

  /**
   * Where the build writes the index: the bundles are taken (large parts built now, after
   * `beforeIndexing`, told whether any part is indexed here rather than kept from the last build).
   */
  async finish(beforeIndexing: (indexesHere: boolean) => void): Promise<SearchResult> {
    if (this.beside === undefined) throw new Error('SearchStage.finish before plan');
    if (!this.beside) beforeIndexing(this.indexing.indexesHere);
    return this.indexing.finish();
  }

  /** Ends the search thread when the build fails before `finish`. */
  close(): void {
    this.indexing.close();
  }
}
