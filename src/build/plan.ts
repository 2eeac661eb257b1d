import type { Renderer } from '../render/renderer.js';
import type { ArticleMeta } from '../model/types.js';
import type { RegionSummary, SiteModel } from '../model/site.js';
import type { FilterView, PageChrome, PaginationView, TemplateJob } from '../theme/views.js';
import { hashOf, hashOfList } from '../util/hash.js';

/** A list page's pagination, as the `list` template sees it. */
export type Pagination = PaginationView;

/** The templates of generated list and overview pages. */
export type ListTemplate = 'list' | 'regions' | 'topics' | 'archive';

/** A generated list or overview page: what to render and a key of everything it shows. */
export type ListPage = TemplateJob<ListTemplate> & {
  readonly url: string;
  /** Hash of the page's inputs; equal keys render equal bytes. */
  readonly key: string;
  /** The day its newest entry appeared (sitemap `lastmod`); undefined for overviews. */
  readonly lastmod?: string;
  /**
   * The paginated list it is a page of, by its first page's URL, and a key of the whole list: equal
   * to the last build's, every page of it has its last key, which then need not be made (a build
   * from the cache plans 2,800 list pages of 10,000 articles; each key is the JSON of the page's data).
   */
  readonly group?: ListGroup;
};

/** A paginated list (home, a region, a region's year, a topic, a year, a month) as one key. */
export interface ListGroup {
  readonly first: string;
  readonly key: string;
}

/** Newest first; same instant: by source path, so the order never depends on the file system. */
export function compareNewestFirst(a: ArticleMeta, b: ArticleMeta): number {
  return b.data.date.epochMs - a.data.date.epochMs || (a.src < b.src ? -1 : a.src > b.src ? 1 : 0);
}

function paginationFor(current: number, total: number, urlOf: (n: number) => string): PaginationView {
  const numbers = new Set<number>([1, total, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= total));
  const pages: PaginationView['pages'][number][] = [];
  let last = 0;
  for (const n of [...numbers].sort((a, b) => a - b)) {
    if (n - last > 1) pages.push({ gap: true });
    pages.push({ number: n, url: urlOf(n), current: n === current });
    last = n;
  }
  return {
    current,
    total,
    ...(current > 1 ? { prev: urlOf(current - 1) } : {}),
    ...(current < total ? { next: urlOf(current + 1) } : {}),
    pages,
  };
}

function groupBy<K>(items: readonly ArticleMeta[], keyOf: (a: ArticleMeta) => K): Map<K, ArticleMeta[]> {
  const map = new Map<K, ArticleMeta[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}

/** Groups published articles by region, year and month. Regions are keyed by their URL slug. */
export function modelSite(published: readonly ArticleMeta[]): SiteModel {
  const articles = [...published].sort(compareNewestFirst);
  const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });
  const byName = (a: RegionSummary, b: RegionSummary): number => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1);
  const regions = [...groupBy(articles, (a) => a.regionSlug).entries()]
    .map(([slug, list]) => ({ name: list[0]!.data.region, slug, count: list.length, articles: list }))
    .sort(byName);
  // An article is listed under each of its topics; names are the config's, so one spelling per slug.
  const topicLists = new Map<string, { name: string; articles: ArticleMeta[] }>();
  for (const a of articles) {
    (a.topicSlugs ?? []).forEach((slug, i) => {
      const entry = topicLists.get(slug);
      if (entry) entry.articles.push(a);
      else topicLists.set(slug, { name: a.data.topics![i]!, articles: [a] });
    });
  }
  const topics = [...topicLists.entries()].map(([slug, t]) => ({ name: t.name, slug, count: t.articles.length, articles: t.articles })).sort(byName);
  const years = [...groupBy(articles, (a) => a.data.date.day.slice(0, 4)).entries()].map(([year, list]) => ({
    year,
    articles: list,
    months: [...groupBy(list, (a) => a.data.date.day.slice(5, 7)).entries()].map(([month, items]) => ({ month, articles: items })),
  }));
  return { articles, regions, topics, years };
}

/** Plans every list and overview page: home, regions, region × year, years, months. */
export function planListPages(model: SiteModel, renderer: Renderer, perPage: number): ListPage[] {
  return [...listPagePlan(model, renderer, perPage)];
}

/**
 * The list pages of {@link planListPages}, in the same order, one at a time: the build renders them
 * as they are planned, so memory holds the pages in flight, not all of them (100,000 articles make
 * some 25,000 list pages, each with its entries, pagination and key).
 */
export function* listPagePlan(model: SiteModel, renderer: Renderer, perPage: number): Generator<ListPage> {
  const { urls, strings: t } = renderer;
  // Filled and emptied by each step below: a group's pages are handed on before the next group is planned.
  const pages: ListPage[] = [];
  const siteFeeds = renderer.siteFeeds();
  // An entry of a cached article is rendered again once, for the first page that shows it; an
  // article is on some six lists (home, region, region's year, topics, year, month).
  const entryHtml = new Map<ArticleMeta, string>();
  const htmlOf = (a: ArticleMeta): string => {
    if (a.listHtml !== undefined) return a.listHtml;
    let html = entryHtml.get(a);
    if (html === undefined) entryHtml.set(a, (html = renderer.listItemHtml(a)));
    return html;
  };
  const keyOf = (job: TemplateJob<ListTemplate>, entries: readonly ArticleMeta[]): string =>
    hashOf(job.template, JSON.stringify(job.chrome), JSON.stringify({ ...job.data, items: entries.map((a) => a.listHash) }));
  const push = (url: string, job: TemplateJob<ListTemplate>): void => {
    pages.push({ ...job, url, key: keyOf(job, []) });
  };
  const paginate = (
    items: readonly ArticleMeta[],
    urlOf: (n: number) => string,
    base: { kind: string; section: string; heading: string; description: string; feeds: PageChrome['feeds']; intro?: string; filters?: FilterView },
  ): void => {
    const total = Math.max(1, Math.ceil(items.length / perPage));
    const urls = Array.from({ length: total }, (_, i) => urlOf(i + 1));
    // Everything each page below is made of: the list's settings and words, its pages' addresses and
    // its entries, by the hash each got when it was rendered (render/list-item.ts).
    const group: ListGroup = { first: urls[0]!, key: hashOfList(['list', JSON.stringify({ base, perPage, urls, page: t.page, pageOf: t.pageOf }), ...items.map((a) => a.listHash)]) };
    const job = (n: number): TemplateJob<'list'> => {
      const entries = items.slice((n - 1) * perPage, n * perPage);
      const slice = entries.map((a) => ({ html: htmlOf(a), iso: a.data.date.iso }));
      const pagination = paginationFor(n, total, urlOf);
      const title = n > 1 ? `${base.heading} – ${t.page} ${n}` : base.heading;
      // Each page of a list describes itself, so search engines do not see the same description many times.
      const description = n > 1 ? `${base.description} (${t.pageOf.replace('{n}', String(n)).replace('{total}', String(total))})` : base.description;
      const chrome = { kind: base.kind, section: base.section, title, url: urls[n - 1]!, description, feeds: base.feeds, pageNumber: n } satisfies PageChrome;
      // `start` keeps the numbering of the ordered list going from page to page.
      return { template: 'list', chrome, data: { heading: base.heading, intro: base.intro, items: slice, start: (n - 1) * perPage + 1, pagination, filters: base.filters } };
    };
    for (let n = 1; n <= total; n++) {
      // Made when asked for: a list whose group key is the last build's needs neither its pages' data nor their keys.
      let made: TemplateJob<'list'> | undefined;
      let key: string | undefined;
      const page = (): TemplateJob<'list'> => (made ??= job(n));
      const lastmod = items[(n - 1) * perPage]?.data.date.iso;
      pages.push({
        template: 'list',
        url: urls[n - 1]!,
        group,
        ...(lastmod ? { lastmod } : {}),
        get chrome() {
          return page().chrome;
        },
        get data() {
          return page().data;
        },
        get key() {
          return (key ??= keyOf(page(), items.slice((n - 1) * perPage, n * perPage)));
        },
      });
    }
  };

  const site = renderer.context.config;
  paginate(model.articles, (n) => urls.home(n), { kind: 'home', section: 'home', heading: t.news, description: site.description, feeds: siteFeeds });
  yield* pages.splice(0);

  // Region and topic pages: each paginated, with a page per year and a filter leading between them.
  const groupPages = (group: RegionSummary, kind: 'region' | 'topic', feeds: PageChrome['feeds'], urlOf: (n: number, year?: string) => string): void => {
    const byYear = groupBy(group.articles, (a) => a.data.date.day.slice(0, 4));
    const yearFilter = (current?: string): FilterView => ({
      label: `${t.year}: ${group.name}`,
      items: [{ label: t.allYears, url: urlOf(1), current: current === undefined }, ...[...byYear.keys()].map((y) => ({ label: y, url: urlOf(1, y), current: current === y }))],
    });
    const description = kind === 'topic' ? `${t.news} ${t.topic}: ${group.name}` : `${t.news}: ${group.name}`;
    const section = kind === 'topic' ? 'topics' : 'regions';
    paginate(group.articles, (n) => urlOf(n), { kind, section, heading: group.name, description, feeds, filters: yearFilter() });
    for (const [year, items] of byYear) {
      paginate(items, (n) => urlOf(n, year), { kind: `${kind}-year`, section, heading: `${group.name} ${year}`, description: `${description} ${year}`, feeds, filters: yearFilter(year) });
    }
  };
  for (const region of model.regions) {
    const feeds = [...siteFeeds, ...renderer.regionFeeds(region.slug, region.name)];
    groupPages(region, 'region', feeds, (n, year) => (year ? urls.regionYear(region.slug, year, n) : urls.region(region.slug, n)));
    yield* pages.splice(0);
  }
  for (const topic of model.topics) {
    const feeds = [...siteFeeds, ...renderer.topicFeeds(topic.slug, topic.name)];
    groupPages(topic, 'topic', feeds, (n, year) => (year ? urls.topicYear(topic.slug, year, n) : urls.topic(topic.slug, n)));
    yield* pages.splice(0);
  }
  // The overview exists whenever the config lists topics: the navigation links to it then.
  if (site.topics.length > 0) {
    push(urls.topics(), {
      template: 'topics',
      chrome: { kind: 'topics', section: 'topics', title: t.topics, url: urls.topics(), description: t.topicsIntro, feeds: siteFeeds },
      data: { topics: model.topics.map((r) => ({ name: r.name, url: urls.topic(r.slug), count: r.count })) },
    });
  }
  push(urls.regions(), {
    template: 'regions',
    chrome: { kind: 'regions', section: 'regions', title: t.regions, url: urls.regions(), description: t.regionsIntro, feeds: siteFeeds },
    data: { regions: model.regions.map((r) => ({ name: r.name, url: urls.region(r.slug), count: r.count })) },
  });

  for (const y of model.years) {
    const monthName = (month: string): string => t.months[Number(month) - 1] ?? month;
    // Year and month pages lead to each other, as region pages lead to their years.
    const monthFilter = (current?: string): FilterView => ({
      label: `${t.month}: ${y.year}`,
      items: [
        { label: t.wholeYear, url: urls.year(y.year), current: current === undefined },
        ...y.months.map((m) => ({ label: monthName(m.month), url: urls.month(y.year, m.month), current: current === m.month })),
      ],
    });
    paginate(y.articles, (n) => urls.year(y.year, n), { kind: 'year', section: 'archive', heading: y.year, description: `${t.news} ${y.year}`, feeds: siteFeeds, filters: monthFilter() });
    for (const m of y.months) {
      const name = monthName(m.month);
      paginate(m.articles, (n) => urls.month(y.year, m.month, n), { kind: 'month', section: 'archive', heading: `${name} ${y.year}`, description: `${t.news} ${name} ${y.year}`, feeds: siteFeeds, filters: monthFilter(m.month) });
    }
    yield* pages.splice(0);
  }
  push(urls.archive(), {
    template: 'archive',
    chrome: { kind: 'archive', section: 'archive', title: t.archive, url: urls.archive(), description: t.archiveIntro, feeds: siteFeeds },
    data: {
      years: model.years.map((y) => ({
        year: y.year,
        url: urls.year(y.year),
        count: y.articles.length,
        months: y.months.map((m) => ({ month: m.month, url: urls.month(y.year, m.month), count: m.articles.length })),
      })),
    },
  });
  yield* pages.splice(0);
}
