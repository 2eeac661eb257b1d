import type { ArticleMeta } from '../model/types.js';
import { outputPathFor } from '../model/urls.js';
import { xmlEscape } from '../theme/engine.js';
import { rfc3339 } from '../util/dates.js';
import { rfc822InZone } from '../util/rfc822.js';
import type { SocialImage } from '../model/types.js';
import { absolutizeHtml, absoluteUrlFor, dropLoneSurrogates } from './absolute.js';
import type { KeyedFile, SiteSnapshot } from './types.js';
import { hashOf } from '../util/hash.js';
import { VERSION } from '../version.js';
import { owner } from '../i18n/owners.js';

const GENERATOR = 'Stadtbote';

/** One feed's scope: the whole site or one region, with its newest articles. */
interface FeedScope {
  readonly title: string;
  readonly description: string;
  /** Absolute URL of the HTML page the feed belongs to. */
  readonly pageUrl: string;
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
  /** Output paths of the RSS, Atom and JSON files. */
  readonly files: readonly [string, string, string];
  /** Who produced it, for duplicate-path messages. */
  readonly owner: string;
  /** The newest articles: each is part of the scope's key (`itemKey`) and an item of its feeds. */
  readonly articles: readonly ArticleMeta[];
}

/** A scope whose items are made once, when one of its three files must be made. */
interface ScopeFeeds extends FeedScope {
  readonly items: () => readonly FeedItem[];
}

/** What every feed format needs of an article, computed once per article. */
interface FeedItem {
  readonly url: string;
  readonly title: string;
  readonly teaser: string;
  readonly region: string;
  /** The region and the article's topics: RSS and Atom `category`, JSON Feed `tags`. */
  readonly categories: readonly string[];
  readonly published: number;
  readonly modified?: number;
  /** The article photo's share image (1200 px): JSON Feed `image`, RSS and Atom enclosure. */
  readonly image?: SocialImage & { readonly absoluteUrl: string };
  readonly contentHtml: string;
  /** `contentHtml` escaped for RSS and Atom: an item is in up to three scopes' feeds (site, region, topics), escaped once. */
  readonly contentXml: () => string;
}

const text = xmlEscape;

/** The instant a feed last changed: its newest item's date, never the clock, so output is reproducible. */
function lastChange(items: readonly FeedItem[]): number {
  let newest = 0;
  for (const item of items) newest = Math.max(newest, item.modified ?? item.published);
  return newest;
}

function feedItem(s: SiteSnapshot, meta: ArticleMeta, absolute: (p: string) => string, origin: string): FeedItem {
  const { data } = meta;
  const url = absolute(meta.url);
  const body = s.feedBodies.get(meta.src) ?? `<p>${text(data.teaser)}</p>`;
  let figure = '';
  // The share image (at most 1200 px) is plenty for a feed reader's column and keeps feeds light.
  const share = meta.image ? (meta.image.social ?? { url: meta.image.url, width: meta.image.width, height: meta.image.height }) : undefined;
  if (share && data.image) {
    // The article image is part of the page, not of the Markdown body; readers should see it too.
    const caption = [data.image.caption, data.image.credit ? `${s.renderer.strings.photoCredit}: ${data.image.credit}` : undefined].filter(Boolean).join(' – ');
    figure = `<figure><img src="${text(absolute(share.url))}" width="${share.width}" height="${share.height}" alt="${text(data.image.alt)}">${caption ? `<figcaption>${text(caption)}</figcaption>` : ''}</figure>\n`;
  }
  const contentHtml = dropLoneSurrogates(figure + absolutizeHtml(body, origin, url));
  let contentXml: string | undefined;
  return {
    url,
    title: data.title,
    teaser: data.teaser,
    region: data.region,
    categories: [data.region, ...(data.topics ?? [])],
    published: data.date.epochMs,
    ...(data.updated ? { modified: data.updated.epochMs } : {}),
    ...(share ? { image: { ...share, absoluteUrl: absolute(share.url) } } : {}),
    contentHtml,
    contentXml: () => (contentXml ??= text(contentHtml)),
  };
}

function scopes(s: SiteSnapshot): FeedScope[] {
  const { config } = s.renderer.context;
  const { urls, strings } = s.renderer;
  const absolute = absoluteUrlFor(s);
  const newest = (list: readonly ArticleMeta[]): ArticleMeta[] => list.slice(0, config.feedItems);

  const result: FeedScope[] = [
    {
      title: config.title,
      description: config.description,
      pageUrl: absolute(urls.home()),
      rss: absolute(urls.feed('rss')),
      atom: absolute(urls.feed('atom')),
      json: absolute(urls.feed('json')),
      files: [outputPathFor(urls.feed('rss')), outputPathFor(urls.feed('atom')), outputPathFor(urls.feed('json'))],
      owner: owner('siteFeeds'),
      articles: newest(s.model.articles),
    },
  ];
  for (const region of s.model.regions) {
    result.push({
      title: `${region.name} – ${config.title}`,
      description: `${strings.news}: ${region.name}`,
      pageUrl: absolute(urls.region(region.slug)),
      rss: absolute(urls.feed('rss', region.slug)),
      atom: absolute(urls.feed('atom', region.slug)),
      json: absolute(urls.feed('json', region.slug)),
      files: [outputPathFor(urls.feed('rss', region.slug)), outputPathFor(urls.feed('atom', region.slug)), outputPathFor(urls.feed('json', region.slug))],
      owner: owner('regionFeeds', region.name),
      articles: newest(region.articles),
    });
  }
  for (const topic of s.model.topics) {
    const files = (['rss', 'atom', 'json'] as const).map((kind) => urls.topicFeed(kind, topic.slug));
    result.push({
      title: `${strings.topic} ${topic.name} – ${config.title}`,
      description: `${strings.news} ${strings.topic}: ${topic.name}`,
      pageUrl: absolute(urls.topic(topic.slug)),
      rss: absolute(files[0]!),
      atom: absolute(files[1]!),
      json: absolute(files[2]!),
      files: [outputPathFor(files[0]!), outputPathFor(files[1]!), outputPathFor(files[2]!)],
      owner: owner('topicFeeds', topic.name),
      articles: newest(topic.articles),
    });
  }
  return result;
}

/** RSS needs type and length on an enclosure; an image whose size is unknown (an old cache) gets none. */
function rssEnclosure(image: FeedItem['image']): string[] {
  return image?.type && image.bytes !== undefined ? [`<enclosure url="${text(image.absoluteUrl)}" length="${image.bytes}" type="${text(image.type)}"/>`] : [];
}

function atomEnclosure(image: FeedItem['image']): string[] {
  return image ? [`<link rel="enclosure" href="${text(image.absoluteUrl)}"${image.type ? ` type="${text(image.type)}"` : ''}${image.bytes !== undefined ? ` length="${image.bytes}"` : ''}/>`] : [];
}

function rssFeed(scope: ScopeFeeds, language: string, timeZone: string): string {
  const items = scope.items();
  const updated = lastChange(items);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '<channel>',
    `<title>${text(scope.title)}</title>`,
    `<link>${text(scope.pageUrl)}</link>`,
    `<description>${text(scope.description)}</description>`,
    `<language>${text(language)}</language>`,
    `<generator>${GENERATOR}</generator>`,
    ...(items.length > 0 ? [`<pubDate>${rfc822InZone(items[0]!.published, timeZone)}</pubDate>`, `<lastBuildDate>${rfc822InZone(updated, timeZone)}</lastBuildDate>`] : []),
    `<atom:link href="${text(scope.rss)}" rel="self" type="application/rss+xml"/>`,
  ];
  for (const item of items) {
    lines.push(
      '<item>',
      `<title>${text(item.title)}</title>`,
      `<link>${text(item.url)}</link>`,
      `<guid isPermaLink="true">${text(item.url)}</guid>`,
      `<pubDate>${rfc822InZone(item.published, timeZone)}</pubDate>`,
      ...item.categories.map((c) => `<category>${text(c)}</category>`),
      `<description>${text(item.teaser)}</description>`,
      ...rssEnclosure(item.image),
      `<content:encoded>${item.contentXml()}</content:encoded>`,
      '</item>',
    );
  }
  lines.push('</channel>', '</rss>', '');
  return lines.join('\n');
}

function atomFeed(scope: ScopeFeeds, language: string, timeZone: string, publisher: { name: string; url?: string }): string {
  const items = scope.items();
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${text(language)}">`,
    `<id>${text(scope.atom)}</id>`,
    `<title type="text">${text(scope.title)}</title>`,
    `<subtitle type="text">${text(scope.description)}</subtitle>`,
    `<link rel="alternate" type="text/html" href="${text(scope.pageUrl)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${text(scope.atom)}"/>`,
    `<updated>${rfc3339(lastChange(items), timeZone)}</updated>`,
    `<author><name>${text(publisher.name)}</name>${publisher.url ? `<uri>${text(publisher.url)}</uri>` : ''}</author>`,
    `<generator>${GENERATOR}</generator>`,
  ];
  for (const item of items) {
    lines.push(
      '<entry>',
      `<id>${text(item.url)}</id>`,
      `<title type="text">${text(item.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${text(item.url)}"/>`,
      `<published>${rfc3339(item.published, timeZone)}</published>`,
      `<updated>${rfc3339(item.modified ?? item.published, timeZone)}</updated>`,
      ...item.categories.map((c) => `<category term="${text(c)}"/>`),
      `<summary type="text">${text(item.teaser)}</summary>`,
      ...atomEnclosure(item.image),
      `<content type="html">${item.contentXml()}</content>`,
      '</entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

function jsonFeed(scope: ScopeFeeds, language: string, timeZone: string, publisher: { name: string; url?: string }): string {
  const clean = (value: string): string => dropLoneSurrogates(value);
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: clean(scope.title),
    home_page_url: scope.pageUrl,
    feed_url: scope.json,
    description: clean(scope.description),
    language,
    authors: [{ name: clean(publisher.name), ...(publisher.url ? { url: publisher.url } : {}) }],
    items: scope.items().map((item) => ({
      id: item.url,
      url: item.url,
      title: clean(item.title),
      summary: clean(item.teaser),
      content_html: item.contentHtml,
      date_published: rfc3339(item.published, timeZone),
      ...(item.modified !== undefined ? { date_modified: rfc3339(item.modified, timeZone) } : {}),
      ...(item.image ? { image: item.image.absoluteUrl } : {}),
      tags: item.categories.map(clean),
    })),
  };
  return JSON.stringify(feed, null, 2) + '\n';
}

/**
 * What an article gives a feed besides the settings (in the scope's key): its source's
 * bytes (title, dates, teaser, photo caption), its address, its photo's share image (an asset) and
 * its body with the links to other sources filled in (their addresses change with them).
 */
function itemKey(s: SiteSnapshot, meta: ArticleMeta): string {
  // No body (the item shows its teaser) is not an empty body.
  return hashOf(meta.src, meta.hash, meta.url, JSON.stringify(meta.image ?? null), JSON.stringify(s.feedBodies.get(meta.src) ?? null));
}

/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site, every region and every topic; each scope's three files made only when its key changed. */
export function feeds(s: SiteSnapshot): KeyedFile[] {
  const { config } = s.renderer.context;
  const language = s.renderer.strings.locale;
  const absolute = absoluteUrlFor(s);
  const origin = new URL(config.baseUrl).origin;
  // An article is in up to three scopes (the site, its region, its topics): keyed and made once.
  const keys = new Map<ArticleMeta, string>();
  const keyOf = (meta: ArticleMeta): string => {
    let key = keys.get(meta);
    if (key === undefined) keys.set(meta, (key = itemKey(s, meta)));
    return key;
  };
  const items = new Map<ArticleMeta, FeedItem>();
  const itemOf = (meta: ArticleMeta): FeedItem => {
    let item = items.get(meta);
    if (!item) items.set(meta, (item = feedItem(s, meta, absolute, origin)));
    return item;
  };
  const files: KeyedFile[] = [];
  for (const scope of scopes(s)) {
    const { files: paths, owner, articles, ...head } = scope;
    // Complete without the cache fingerprint, so that a template edit keeps the feeds: the code's version and every setting they show.
    const settings = { version: VERSION, ...head, paths, language, timezone: config.timezone, publisher: config.publisher, photoCredit: s.renderer.strings.photoCredit };
    const key = hashOf(JSON.stringify(settings), ...articles.map(keyOf));
    let made: readonly FeedItem[] | undefined;
    const full: ScopeFeeds = { ...scope, items: () => (made ??= articles.map(itemOf)) };
    files.push(
      { path: paths[0], owner, key, make: () => rssFeed(full, language, config.timezone) },
      { path: paths[1], owner, key, make: () => atomFeed(full, language, config.timezone, config.publisher) },
      { path: paths[2], owner, key, make: () => jsonFeed(full, language, config.timezone, config.publisher) },
    );
  }
  return files;
}
