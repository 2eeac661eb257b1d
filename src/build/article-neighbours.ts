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

/** An article's neighbours, worked out when first asked for; undefined for an article not in the model. */
export type NeighboursOf = (a: ArticleMeta) => Neighbours | undefined;

/**
 * Related articles and previous/next of a published article, deterministic: related are those
 * sharing the most topics (nearest in date first, then by path), then articles of the same region
 * nearest in date, at most three; previous/next follow the archive's order by date. Each article's
 * are worked out when asked for, and only the lists it is on are indexed: a build that renders one
 * edited article of 10,000 needs one article's neighbours, not all (some 100 ms here).
 */
export function neighboursOf(model: SiteModel): NeighboursOf {
  const position = new Map<readonly ArticleMeta[], Map<ArticleMeta, number>>();
  const positionIn = (list: readonly ArticleMeta[]): Map<ArticleMeta, number> => {
    let at = position.get(list);
    if (!at) position.set(list, (at = new Map(list.map((a, i) => [a, i]))));
    return at;
  };
  const topicList = new Map(model.topics.map((t) => [t.slug, t.articles]));
  const regionList = new Map(model.regions.map((r) => [r.slug, r.articles]));
  /** Up to `n` articles of a date-sorted list nearest to `a` in date, each side in turn. */
  const nearest = (list: readonly ArticleMeta[], a: ArticleMeta, n: number): ArticleMeta[] => {
    const at = positionIn(list).get(a)!;
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
  const worked = new Map<ArticleMeta, Neighbours>();
  return (a) => {
    const known = worked.get(a);
    if (known) return known;
    const i = positionIn(model.articles).get(a);
    if (i === undefined) return undefined;
    const own = new Set(a.topicSlugs ?? []);
    const shared = (b: ArticleMeta): number => (b.topicSlugs ?? []).filter((s) => own.has(s)).length;
    const candidates = new Set<ArticleMeta>();
    for (const slug of own) {
      const list = topicList.get(slug);
      if (list) for (const b of nearest(list, a, 2 * WINDOW)) candidates.add(b);
    }
    const distance = (b: ArticleMeta): number => Math.abs(b.data.date.epochMs - a.data.date.epochMs);
    const related = [...candidates].sort((x, y) => shared(y) - shared(x) || distance(x) - distance(y) || bySrc(x, y)).slice(0, RELATED);
    const regionArticles = regionList.get(a.regionSlug);
    if (related.length < RELATED && regionArticles) {
      const taken = new Set(related);
      for (const b of nearest(regionArticles, a, RELATED + related.length)) {
        if (related.length >= RELATED) break;
        if (!taken.has(b)) related.push(b);
      }
    }
    const previous = model.articles[i + 1];
    const next = i > 0 ? model.articles[i - 1] : undefined;
    const n: Neighbours = { related, ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
    worked.set(a, n);
    return n;
  };
}

/** {@link neighboursOf} of every published article at once. */
export function articleNeighbours(model: SiteModel): Map<ArticleMeta, Neighbours> {
  const of = neighboursOf(model);
  return new Map(model.articles.map((a) => [a, of(a)!]));
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
