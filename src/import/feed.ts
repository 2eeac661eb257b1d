import type { SourceArchive, SourceImage, SourceItem } from './types.js';
import { attrOf, decodeXmlText, listOf, textOf, type XmlNode } from './xml.js';

/** The generator name Stadtbote writes into its feeds: their categories are region names. */
const STADTBOTE_GENERATOR = 'Stadtbote';

/** An RFC 822 (RSS) or RFC 3339 (Atom, Dublin Core) date as an instant `parseSiteDate` reads. */
export function feedDate(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function node(value: unknown): XmlNode {
  const first = Array.isArray(value) ? value[0] : value;
  return first && typeof first === 'object' ? (first as XmlNode) : {};
}

/** An enclosure or Media RSS element that is an image, as the item's picture. */
function imageOf(item: XmlNode): SourceImage | undefined {
  for (const enc of listOf(item.enclosure)) {
    const type = attrOf(enc, 'type');
    const url = attrOf(enc, 'url');
    if (url && (type.startsWith('image/') || (type === '' && /\.(jpe?g|png|gif|webp|avif)$/i.test(url)))) return { url };
  }
  for (const media of [...listOf(item['media:content']), ...listOf(item['media:thumbnail'])]) {
    const url = attrOf(media, 'url');
    const medium = attrOf(media, 'medium');
    if (url && (medium === '' || medium === 'image')) {
      const m = node(media);
      const alt = textOf(m['media:description']) || textOf(m['media:title']);
      return alt ? { url, alt } : { url };
    }
  }
  return undefined;
}

/** What an RSS item and an Atom entry have in common, as the importer's item: the body is the full content, else the summary. */
function feedItem(f: {
  key: string;
  title: string;
  date: string | undefined;
  link: string;
  otherUrls: string[];
  content: string;
  summary: string;
  categories: string[];
  image: SourceImage | undefined;
  origin: string;
}): SourceItem {
  return {
    key: f.key,
    kind: 'article',
    title: f.title.trim(),
    ...(f.date ? { date: f.date } : {}),
    ...(f.link ? { oldUrl: f.link } : {}),
    otherUrls: f.otherUrls,
    body: { format: 'html', text: f.content || f.summary },
    ...(f.content && f.summary ? { excerpt: f.summary } : {}),
    categories: f.categories,
    tags: [],
    draft: false,
    ...(f.image ? { image: f.image } : {}),
    ...(f.link ? { mediaBase: f.link } : {}),
    origin: f.origin,
  };
}

function rssItem(item: XmlNode, origin: string, index: number): SourceItem {
  // FeedBurner replaces the link by its own tracking address and keeps the real one here.
  const link = textOf(item['feedburner:origLink']).trim() || textOf(item.link).trim() || attrOf(item, 'rdf:about');
  const guid = textOf(item.guid).trim();
  const content = textOf(item['content:encoded']);
  const description = textOf(item.description);
  const categories = [...listOf(item.category), ...listOf(item['dc:subject'])].map(textOf).map((c) => c.trim()).filter(Boolean);
  const date = feedDate(textOf(item.pubDate)) ?? feedDate(textOf(item['dc:date']));
  const image = imageOf(item);
  const otherUrls = guid && guid !== link && /^https?:/i.test(guid) ? [guid] : [];
  return feedItem({ key: guid || link || `#${index + 1}`, title: textOf(item.title), date, link, otherUrls, content, summary: description, categories, image, origin });
}

function atomText(value: unknown): string {
  const type = attrOf(value, 'type');
  const raw = textOf(value);
  // `xhtml` content is markup (kept raw by the parser); `html` and `text` are escaped text.
  return type === 'xhtml' ? raw : decodeXmlText(raw);
}

function atomLink(links: unknown, rel: string): string {
  for (const link of listOf(links)) {
    const r = attrOf(link, 'rel') || 'alternate';
    if (r === rel) return attrOf(link, 'href');
  }
  return '';
}

function atomEntry(entry: XmlNode, origin: string, index: number): SourceItem {
  const link = atomLink(entry.link, 'alternate');
  const id = textOf(entry.id).trim();
  const content = entry.content === undefined ? '' : atomText(entry.content);
  const summary = entry.summary === undefined ? '' : atomText(entry.summary);
  const categories = listOf(entry.category).map((c) => attrOf(c, 'label') || attrOf(c, 'term')).map((c) => c.trim()).filter(Boolean);
  const date = feedDate(textOf(entry.published)) ?? feedDate(textOf(entry.updated));
  const enclosure = listOf(entry.link).find((l) => attrOf(l, 'rel') === 'enclosure' && attrOf(l, 'type').startsWith('image/'));
  const image = enclosure ? { url: attrOf(enclosure, 'href') } : imageOf(entry);
  const title = textOf(entry.title);
  return feedItem({ key: id || link || `#${index + 1}`, title, date, link, otherUrls: [], content, summary, categories, image, origin });
}

/** RSS 2.0 (`<rss>`), RSS 1.0 (`<rdf:RDF>`) or Atom (`<feed>`) as source items; undefined for anything else. */
export function readFeed(doc: XmlNode, origin: string): SourceArchive | undefined {
  if (doc.rss) {
    const channel = node(node(doc.rss).channel);
    const stadtbote = textOf(channel.generator).trim() === STADTBOTE_GENERATOR;
    const siteUrl = textOf(channel.link).trim();
    return {
      kind: 'rss',
      items: listOf(channel.item).map((item, i) => ({ ...rssItem(item as XmlNode, origin, i), leadFigureIsImage: stadtbote })),
      ...(siteUrl ? { siteUrl } : {}),
      categoriesAreRegions: stadtbote,
    };
  }
  if (doc['rdf:RDF']) {
    const rdf = node(doc['rdf:RDF']);
    const siteUrl = textOf(node(rdf.channel).link).trim();
    return { kind: 'rdf', items: listOf(rdf.item).map((item, i) => rssItem(item as XmlNode, origin, i)), ...(siteUrl ? { siteUrl } : {}) };
  }
  if (doc.feed) {
    const feed = node(doc.feed);
    const siteUrl = atomLink(feed.link, 'alternate');
    const stadtbote = textOf(feed.generator).trim() === STADTBOTE_GENERATOR;
    return {
      kind: 'atom',
      items: listOf(feed.entry).map((entry, i) => ({ ...atomEntry(entry as XmlNode, origin, i), leadFigureIsImage: stadtbote })),
      ...(siteUrl ? { siteUrl } : {}),
      categoriesAreRegions: stadtbote,
    };
  }
  return undefined;
}
