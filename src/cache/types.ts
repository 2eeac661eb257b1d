import type { ProcessedAsset } from '../content/assets.js';
import type { Problem } from '../model/problem.js';
import type { ArticleMeta, PageMeta, PendingLink } from '../model/types.js';

/** What the build cache holds: its own module, so that cache.ts and well-formed.ts both depend on it and not on each other. */
export interface CachedSource {
  readonly hash: string;
  /** The source file's identity (size, times, inode) when its bytes had `hash`: equal in a later build, the file is not read again (content/file-stamp.ts). */
  readonly stamp?: string;
  readonly kind: 'article' | 'page';
  readonly meta: ArticleMeta | PageMeta;
  readonly problems: readonly Problem[];
  readonly links: readonly PendingLink[];
  /** Content files the page refers to, and a key of their state when it was rendered. */
  readonly assets: readonly string[];
  readonly assetKey: string;
  /** Hash of the page as rendered, before links were filled in. */
  readonly htmlHash: string;
  /** The rendered page, kept only when it has links to fill in on every build. */
  readonly html?: string;
  /** The body, kept only for articles that were in a feed. */
  readonly bodyHtml?: string;
}

export interface CachedOutput {
  readonly key: string;
  readonly files: readonly (readonly [string, string])[];
  /** An article page's: the hash of what the search index is made from (theme/search-view.ts). */
  readonly search?: string;
  /** A search part's: its articles' site paths, in the order they were indexed (search/pagefind.ts `guess`). */
  readonly pages?: readonly string[];
}

export interface CacheData {
  sources: Map<string, CachedSource>;
  /** Generated outputs (list pages, feeds, search index…) by name: key of their inputs and files written. */
  outputs: Map<string, CachedOutput>;
  assets: Map<string, ProcessedAsset>;
}
