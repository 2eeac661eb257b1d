import type { CacheData } from '../cache/cache.js';
import type { HtmlPageEntry, SiteModel } from '../model/site.js';
import type { PageMeta } from '../model/types.js';
import { outputPathFor } from '../model/urls.js';
import type { RenderPool } from '../render/pool.js';
import { hashOf } from '../util/hash.js';
import type { OutputClaims } from '../write/claims.js';
import type { SiteOutput } from '../write/site-output.js';
import type { ListGroup, ListPage } from './plan.js';
import { owner } from '../i18n/owners.js';

/** Sitemap entries of the articles and standalone pages: the day each last changed. */
export function sourcePageEntries(model: SiteModel, pages: readonly PageMeta[]): HtmlPageEntry[] {
  const entries: HtmlPageEntry[] = [];
  for (const a of model.articles) entries.push({ url: a.url, lastmod: (a.data.updated ?? a.data.date).iso });
  for (const p of pages) entries.push({ url: p.url, ...(p.data.updated ? { lastmod: p.data.updated.iso } : {}) });
  return entries;
}

/** The newest day any article appeared or changed: overviews (regions, archive) change with it. */
function newestChange(model: SiteModel): string | undefined {
  let newest: { ms: number; iso: string } | undefined;
  for (const a of model.articles) {
    const d = a.data.updated ?? a.data.date;
    if (!newest || d.epochMs > newest.ms) newest = { ms: d.epochMs, iso: d.iso };
  }
  return newest?.iso;
}

/** Cache entries of paginated lists' keys (build/plan.ts `ListGroup`): `list-group:<first page's URL>`. */
const LIST_GROUP_PREFIX = 'list-group:';
/** Cache entries of list pages: `list:<URL>`. */
const LIST_PAGE_PREFIX = 'list:';
/** The names of every cache entry this stage makes begin with one of these (build/cache-stage.ts keeps them together). */
export const LIST_OUTPUT_PREFIXES: readonly string[] = [LIST_PAGE_PREFIX, LIST_GROUP_PREFIX];

export interface ListPagesInput {
  /** The planned pages, in plan order; taken one at a time (build/plan.ts listPagePlan). */
  readonly lists: Iterable<ListPage>;
  readonly model: SiteModel;
  readonly claims: OutputClaims;
  readonly output: SiteOutput;
  readonly pool: RenderPool;
  readonly previous: CacheData;
  readonly next: CacheData;
}

/**
 * The list-page stage: claims each planned list page, keeps it from the last build when its key is
 * unchanged, and renders and writes the others on the pool. Returns their sitemap entries. Pages are
 * claimed and handed to the pool as the plan makes them, so only the pages in flight are in memory.
 */
export async function writeListPages(input: ListPagesInput): Promise<{ entries: HtmlPageEntry[]; rendered: number }> {
  const { claims, output, previous, next } = input;
  const newest = newestChange(input.model);
  const entries: HtmlPageEntry[] = [];
  let rendered = 0;
  // Whether a list's pages all have the last build's keys (build/plan.ts `ListGroup`); its entry is carried to the next build once.
  const sameGroup = (group: ListGroup): boolean => {
    const name = `${LIST_GROUP_PREFIX}${group.first}`;
    const last = previous.outputs.get(name);
    const same = last?.key === group.key;
    if (!next.outputs.has(name)) next.outputs.set(name, same ? last! : { key: group.key, files: [] });
    return same;
  };
  function* toRender(): Generator<ListPage> {
    for (const lp of input.lists) {
      const outPath = outputPathFor(lp.url);
      if (!claims.claim(outPath, owner('generatedPage', lp.url))) continue;
      const lastmod = lp.lastmod ?? newest;
      entries.push({ url: lp.url, ...(lastmod ? { lastmod } : {}) });
      const cached = previous.outputs.get(`${LIST_PAGE_PREFIX}${lp.url}`);
      const groupSame = lp.group !== undefined && sameGroup(lp.group);
      // The page's own key is made only where its list changed.
      const unchanged = cached !== undefined && (groupSame || cached.key === lp.key);
      if (unchanged && cached.files[0] && output.keep(outPath, cached.files[0][1])) {
        next.outputs.set(`${LIST_PAGE_PREFIX}${lp.url}`, cached);
        continue;
      }
      rendered++;
      yield lp;
    }
  }
  await input.pool.renderPages(toRender(), (lp, html) => {
    const outPath = outputPathFor(lp.url);
    const hash = hashOf(html);
    next.outputs.set(`${LIST_PAGE_PREFIX}${lp.url}`, { key: lp.key, files: [[outPath, hash]] });
    output.put(outPath, html, hash);
  });
  return { entries, rendered };
}
