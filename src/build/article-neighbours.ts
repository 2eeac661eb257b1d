import type { SiteModel } from '../model/site.js';
import type { ArticleMeta } from '../model/types.js';
import type { ArticleLinks, ArticleLinkView } from '../theme/views.js';
import { hashOfList } from '../util/hash.js';

/** What an article page links to of other articles. */
export interface Neighbours {
  readonly related: readonly ArticleMeta[];
  /** The next older article of the archive. */
  readonly previous?: ArticleMeta;
  /** The next newer one. */
  readonly next?: ArticleMeta;
}

const RELATED = 3;
/** Candidates per topic list: the nearest in date on each side, so the cost stays linear in the archive. */
const WINDOW = 10;

const bySrc = (a: ArticleMeta, b: ArticleMeta): number => (a.src < b.src ? -1 : a.src > b.src ? 1 : 0);

/**
 * Related articles and previous/next for every published article, deterministic: related are
 * those sharing the most topics (nearest in date first, then by path), then articles of the same
 * region nearest in date, at most three; previous/next follow the archive's order by date.
 */
export function articleNeighbours(model: SiteModel): Map<ArticleMeta, Neighbours> {
  const lists = [...model.topics.map((t) => t.articles), ...model.regions.map((r) => r.articles)];
  const position = new Map<readonly ArticleMeta[], Map<ArticleMeta, number>>();
  for (const list of lists) position.set(list, new Map(list.map((a, i) => [a, i])));
  const topicList = new Map(model.topics.map((t) => [t.slug, t.articles]));
  const regionList = new Map(model.regions.map((r) => [r.slug, r.articles]));
  /** Up to `n` articles of a date-sorted list nearest to `a` in date, each side in turn. */
  const nearest = (list: readonly ArticleMeta[], a: ArticleMeta, n: number): ArticleMeta[] => {
    const at = position.get(list)!.get(a)!;
    const found: ArticleMeta[] = [];
    let newer = at - 1;
    let older = at + 1;
    while (found.length < n && (newer >= 0 || older < list.length)) {
      const dNewer = newer >= 0 ? list[newer]!.data.date.epochMs - a.data.date.epochMs : Infinity;
      const dOlder = older < list.length ? a.data.date.epochMs - list[older]!.data.date.epochMs : Infinity;
      found.push(dNewer <= dOlder ? list[newer--]! : list[older++]!);
    }
    return found;
  };

  const result = new Map<ArticleMeta, Neighbours>();
  model.articles.forEach((a, i) => {
    const own = new Set(a.topicSlugs ?? []);
    const shared = (b: ArticleMeta): number => (b.topicSlugs ?? []).filter((s) => own.has(s)).length;
    const candidates = new Set<ArticleMeta>();
    for (const slug of own) for (const b of nearest(topicList.get(slug) ?? [], a, 2 * WINDOW)) candidates.add(b);
    const distance = (b: ArticleMeta): number => Math.abs(b.data.date.epochMs - a.data.date.epochMs);
    const related = [...candidates].sort((x, y) => shared(y) - shared(x) || distance(x) - distance(y) || bySrc(x, y)).slice(0, RELATED);
    if (related.length < RELATED) {
      const taken = new Set(related);
      for (const b of nearest(regionList.get(a.regionSlug) ?? [], a, RELATED + related.length)) {
        if (related.length >= RELATED) break;
        if (!taken.has(b)) related.push(b);
      }
    }
    const previous = model.articles[i + 1];
    const next = i > 0 ? model.articles[i - 1] : undefined;
    result.set(a, { related, ...(previous ? { previous } : {}), ...(next ? { next } : {}) });
  });
  return result;
}

export const linkView = (a: ArticleMeta): ArticleLinkView => ({ url: a.url, title: a.data.title, date: { day: a.data.date.day, iso: a.data.date.iso } });

/** What a page shows of its neighbours (`partials/article-context`); built the same way wherever it is compared. */
export function articleLinksOf(n: Neighbours, view: (a: ArticleMeta) => ArticleLinkView = linkView): ArticleLinks {
  return { related: n.related.map(view), ...(n.previous ? { previous: view(n.previous) } : {}), ...(n.next ? { next: view(n.next) } : {}) };
}

/**
 * `JSON.stringify(articleLinksOf(n))`, the same bytes, made from each neighbour's JSON (`viewJson`,
 * made once per article): the article-page stage keys 10,000 pages by it in every build, and most
 * articles are a neighbour of several pages.
 */
export function articleLinksJson(n: Neighbours, viewJson: (a: ArticleMeta) => string): string {
  const previous = n.previous ? `,"previous":${viewJson(n.previous)}` : '';
  const next = n.next ? `,"next":${viewJson(n.next)}` : '';
  return `{"related":[${n.related.map(viewJson).join(',')}]${previous}${next}}`;
}

/**
 * One key of everything `articleNeighbours` and `linkView` read of every article, in the archive's
 * order: its path, address, title, dates, region and topics. Equal to the last build's, every
 * article has the neighbours it had and shows them as it did, so a page whose own HTML is also the
 * last build's needs no neighbours worked out (build/article-pages.ts). A teaser or body edit
 * leaves it as it is.
 */
export function articleContextKey(model: SiteModel): string {
  return hashOfList(
    model.articles.map((a) => {
      const { title, date } = a.data;
      return `${a.src}\u0000${a.url}\u0000${title}\u0000${date.day}\u0000${date.iso}\u0000${date.epochMs}\u0000${a.regionSlug}\u0000${(a.topicSlugs ?? []).join('\u0000')}`;
    }),
  );
}
