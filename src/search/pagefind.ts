import type { CacheData } from '../cache/cache.js';
import type { ResolvedSite } from '../config.js';
import type { OutputWriter } from '../core/write.js';
import type { ArticleMeta } from '../core/types.js';

export interface SearchInput {
  readonly writer: OutputWriter;
  readonly site: ResolvedSite;
  readonly articles: readonly ArticleMeta[];
  readonly previous: CacheData;
  readonly next: CacheData;
  readonly claim: (outPath: string, owner: string) => boolean;
}

/** Builds the Pagefind index of all published articles (implemented in the search module). */
export async function indexSearch(_input: SearchInput): Promise<void> {
  // Filled in by the search feature.
}
