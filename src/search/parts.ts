import type { ArticleMeta } from '../model/types.js';

/**
 * How the search index is split. Pagefind cannot update an index, only build it whole; its search
 * merges several indexes at query time (`mergeIndex`). One part per year means an edit re-indexes
 * that year alone, and a new article only the current year's part.
 * - `none`: one index (the smallest download; every change indexes the whole archive);
 * - `year`: one index per year of publication;
 * - `auto`: `year` from {@link SPLIT_FROM_ARTICLES} articles on, `none` below.
 */
export type SearchSplit = 'auto' | 'year' | 'none';

/**
 * Below this size indexing the whole archive takes about a second, less than the extra requests of a
 * split index cost readers (each part brings its own entry file and WebAssembly module).
 */
export const SPLIT_FROM_ARTICLES = 2000;

/** Folder of the search bundles inside the output; the search page imports `<base>pagefind/…/pagefind.js`. */
export const SEARCH_DIR = 'pagefind';

/** One Pagefind bundle: its folder under the search folder ('' for a single index) and its articles. */
export interface SearchPart {
  readonly name: string;
  readonly articles: readonly ArticleMeta[];
}

/**
 * The parts of the index, newest year first (the newest part is the one the search page loads first).
 * Articles keep their given order inside a part, which keeps every bundle byte-identical across runs.
 */
export function searchParts(articles: readonly ArticleMeta[], split: SearchSplit): SearchPart[] {
  const byYear = split === 'year' || (split === 'auto' && articles.length >= SPLIT_FROM_ARTICLES);
  if (!byYear) return [{ name: '', articles }];
  const years = new Map<string, ArticleMeta[]>();
  for (const a of articles) {
    const year = a.data.date.day.slice(0, 4);
    let list = years.get(year);
    if (!list) years.set(year, (list = []));
    list.push(a);
  }
  return [...years.keys()]
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
    .map((year) => ({ name: year, articles: years.get(year)! }));
}

/** Site paths of the parts' bundles, each ending in `/`; the first is the primary index the search page loads. */
export function searchBundlePaths(parts: readonly SearchPart[]): string[] {
  return parts.map((p) => (p.name ? `/${SEARCH_DIR}/${p.name}/` : `/${SEARCH_DIR}/`));
}
