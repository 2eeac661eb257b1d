import type { ArticleMeta } from '../model/types.js';

/**
 * How the search index is split. Pagefind cannot update an index, only build it whole; its search
 * merges several indexes at query time (`mergeIndex`). Parts of whole years mean an edit re-indexes
 * its part alone, and a new article only the newest part.
 * - `none`: one index (the fewest requests per search; every change indexes the whole archive);
 * - `year`: one part per year of publication;
 * - `auto`: from {@link SPLIT_FROM_ARTICLES} articles on, parts of as many years as it takes for
 *   about {@link PART_ARTICLES} articles each, so that a search asks few parts; below, one index.
 */
export type SearchSplit = 'auto' | 'year' | 'none';

/**
 * Below this size indexing the whole archive takes about a second, less than the extra requests of a
 * split index cost readers (each part brings its own entry, metadata and word chunks).
 */
export const SPLIT_FROM_ARTICLES = 2000;

/**
 * Articles a part holds on average under `auto`: re-indexing one part stays a small share of the
 * build (10,000 articles: about 6 % of a cold build), while a search asks a few parts, not one per year.
 */
export const PART_ARTICLES = 2000;

/** Folder of the search bundles inside the output; the search page imports `<base>pagefind/…/pagefind.js`. */
export const SEARCH_DIR = 'pagefind';

/** One Pagefind bundle: its folder under the search folder ('' for a single index) and its articles. */
export interface SearchPart {
  readonly name: string;
  readonly articles: readonly ArticleMeta[];
}

/**
 * Years per part: 0 for one index, else a span of years. Parts start at multiples of the span
 * (2012–2014, 2015–2017, …), so their bounds do not move as the archive grows; only a change of
 * the span itself (the archive's size per year changed a lot) re-indexes every part once.
 */
export function yearsPerPart(articles: readonly ArticleMeta[], split: SearchSplit): number {
  if (split === 'none' || articles.length === 0) return 0;
  if (split === 'year') return 1;
  if (articles.length < SPLIT_FROM_ARTICLES) return 0;
  // A loop, not Math.max(...years): a call takes some 120,000 arguments at most (util/hash.ts `hashOfList`).
  let first = Infinity;
  let last = -Infinity;
  for (const a of articles) {
    const year = Number(a.data.date.day.slice(0, 4));
    first = Math.min(first, year);
    last = Math.max(last, year);
  }
  const perYear = articles.length / (last - first + 1);
  return Math.max(1, Math.ceil(PART_ARTICLES / perYear));
}

/**
 * The parts of the index, newest first (the newest part is the one the search page loads first),
 * each named by its years (`2024`, or `2024-2026` for a span). Articles keep their given order
 * inside a part, which keeps every bundle byte-identical across runs.
 */
export function searchParts(articles: readonly ArticleMeta[], split: SearchSplit): SearchPart[] {
  const span = yearsPerPart(articles, split);
  if (span === 0) return [{ name: '', articles }];
  const parts = new Map<number, ArticleMeta[]>();
  for (const a of articles) {
    const first = Math.floor(Number(a.data.date.day.slice(0, 4)) / span) * span;
    let list = parts.get(first);
    if (!list) parts.set(first, (list = []));
    list.push(a);
  }
  return [...parts.keys()]
    .sort((a, b) => b - a)
    .map((first) => ({ name: span === 1 ? String(first) : `${first}-${first + span - 1}`, articles: parts.get(first)! }));
}

/** Site paths of the parts' bundles, each ending in `/`; the first is the primary index the search page loads. */
export function searchBundlePaths(parts: readonly SearchPart[]): string[] {
  return parts.map((p) => (p.name ? `/${SEARCH_DIR}/${p.name}/` : `/${SEARCH_DIR}/`));
}
