import type { MovedAddress } from './addresses.js';
import type { RenderBudget } from '../render/budget.js';
import type { ResolvedSite, SiteOptions } from '../config/config.js';
import type { Problem } from '../model/problem.js';
import type { ArticleMeta, PageMeta } from '../model/types.js';
import type { SearchResult, SearchStatus } from '../search/pagefind.js';
import type { WriteStats } from '../write/writer.js';

export interface BuildOptions extends SiteOptions {
  /** Include `draft: true` articles. */
  drafts?: boolean;
  /** Include articles dated in the future. */
  future?: boolean;
  /** The build's notion of "now" in ms; defaults to SOURCE_DATE_EPOCH, then the clock. */
  now?: number;
  /** Validate and render everything, write nothing (the `check` command). */
  dryRun?: boolean;
  /** Ignore and do not write the build cache. */
  noCache?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Worker threads for rendering: 0 renders in the main thread; default: one per core for large builds. */
  workers?: number;
  /** Time and memory each source may take to render (render/budget.ts); default 20 s and 1024 MB. */
  renderBudget?: RenderBudget;
  /** A site resolved before (the dev server resolves once per config change). */
  resolved?: ResolvedSite;
  /**
   * Keep the last search index when articles changed instead of indexing the whole archive again;
   * the report says `search: 'stale'`. The dev server does this while an editor works.
   */
  staleSearch?: boolean;
  /** Extra checks on the published articles and pages, reported with the build's own problems (`check`). */
  inspect?: (model: { readonly articles: readonly ArticleMeta[]; readonly pages: readonly PageMeta[] }) => readonly Problem[];
}

export interface BuildReport {
  readonly articles: number;
  readonly pages: number;
  readonly files: number;
  /** What had to be rendered: sources (articles and pages) and list pages; the rest came from the cache. */
  readonly rendered: { readonly sources: number; readonly lists: number };
  /** Worker threads that rendered; 0 when the build was small enough for this thread alone. */
  readonly threads: number;
  readonly write?: WriteStats;
  readonly warnings: readonly Problem[];
  readonly durationMs: number;
  /**
   * The build cache as this build found it: `hit`, or `partial` where only templates that no source's
   * page uses changed (article pages kept), `stale` after a template, config or version change
   * (pages rendered again from stored Markdown; the list pages kept where their own templates did not change).
   */
  readonly cache: 'hit' | 'partial' | 'missing' | 'invalid' | 'stale' | 'off';
  /** The search index: built again, kept as it was, kept although articles changed, or none. */
  readonly search: SearchStatus | 'off';
  /** How many parts the search index has and how many of them (and their articles) were indexed again. */
  readonly searchIndex?: SearchResult;
  /** Day of the next scheduled article, so CI can schedule a rebuild. */
  readonly nextScheduled?: { readonly date: string; readonly src: string };
  readonly excluded: { readonly drafts: number; readonly future: number; readonly expired: number };
  readonly outDir: string;
  /** Old addresses (path and query) that only the server files redirect: outside the base path, or with a query. */
  readonly serverOnlyAliases: readonly string[];
  /** Articles whose address changed since the last successful build (the dev server moves open tabs). */
  readonly moved?: readonly MovedAddress[];
}

/** The build's "now" in ms: the option, else SOURCE_DATE_EPOCH (reproducible builds), else the clock. */
export function buildNow(options: BuildOptions): number {
  if (options.now !== undefined) return options.now;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return Number(epoch) * 1000;
  return Date.now();
}
