import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, BASE_URL, parseFeed, PUBLISHED, type BuiltArchive } from './archive-site.js';
import { article, buildSite, cleanup, makeSite, readTree } from '../helpers.js';

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_html: string;
  date_published: string;
  date_modified?: string;
  image?: string;
  tags: string[];
}
interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  authors: { name: string }[];
  items: JsonFeedItem[];
}

let site: BuiltArchive;
beforeAll(async () => {
  site = await buildArchive();
});
afterAll(() => cleanup(site.root));

const siteOrder = [PUBLISHED.bund, PUBLISHED.sitzung, PUBLISHED.tarif];

describe('RSS 2.0', () => {
  it('is checked by a parser that rejects malformed XML', async () => {
    await expect(parseFeed('<rss version="2.0"><channel><title>A & B</title></channel></rss>')).rejects.toThrow();
  });

  it('parses strictly and lists the newest feedItems articles, newest first', async () => {
    const { meta, items } = await parseFeed(site.text('feed.xml'));
    expect(meta['#type']).toBe('rss');
    expect(meta.title).toBe('Stadtbote <Test> & Co');
    expect(meta.link).toBe(BASE_URL);
    expect(meta.xmlurl).toBe(`${BASE_URL}feed.xml`);
    expect(meta.language).toBe('de-DE');
    // feedItems: 3 in the fixture config, five articles published
    expect(items.map((i) => i.title)).toEqual(siteOrder.map((a) => a.title));
    expect(items.map((i) => i.link)).toEqual(siteOrder.map((a) => a.url));
    expect(items.map((i) => i.guid)).toEqual(siteOrder.map((a) => a.url));
    expect(site.text('feed.xml')).toContain('<guid isPermaLink="true">');
  });

  it('has RFC 822 dates that mean the right instants', async () => {
    const xml = site.text('feed.xml');
    const { items } = await parseFeed(xml);
    // 2025-03-01 is midnight in Europe/Berlin; 2025-02-13T09:30:00+01:00 is an instant
    expect(items[0]!.pubdate?.toISOString()).toBe('2025-02-28T23:00:00.000Z');
    expect(items[1]!.pubdate?.toISOString()).toBe('2025-02-13T08:30:00.000Z');
    const pubDates = [...xml.matchAll(/<pubDate>([^<]*)<\/pubDate>/g)].map((m) => m[1]!);
    // In the site's zone with its offset: an article of 1 March is dated 1 March, not 28 February.
    for (const d of pubDates) expect(d).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0100$/);
    expect(xml).toContain('<lastBuildDate>Sat, 01 Mar 2025 00:00:00 +0100</lastBuildDate>');
  });

  it('keeps hostile characters intact in titles, teasers and content', async () => {
    const { items } = await parseFeed(site.text('feed.xml'));
    const tarif = items[2]!;
    expect(tarif.title).toBe(`Tarif <neu> & "Preise" ]]> 'Test'`);
    expect(tarif.summary).toBe(`Teaser mit <b>Zeichen</b> & "Anführungen" ]]>`);
    // content:encoded is the full HTML, which feedparser prefers as description
    expect(tarif.description).toMatch(/Ein Satz mit \]\]> und (&lt;|&#x3C;)Spitzen> (&amp;|&#x26;) Zeichen\./);
    expect(tarif.categories).toEqual(['Cottbus']);
  });

  it('makes links and images in the content absolute under the base URL', async () => {
    const { items } = await parseFeed(site.text('feed.xml'));
    const html = items[2]!.description;
    expect(html).toContain(`href="${PUBLISHED.aelteste.url}"`);
    expect(html).toContain(`href="${PUBLISHED.tarif.url}#karte"`);
    expect(html).toMatch(/src="https:\/\/example\.org\/presse\/medien\/karte-[^"]+\.jpg"/);
    expect(html).not.toMatch(/(href|src)="\//);
    for (const m of html.matchAll(/srcset="([^"]*)"/g)) {
      for (const candidate of m[1]!.split(',')) expect(candidate.trim()).toMatch(/^https:\/\/example\.org\/presse\/medien\//);
    }
  });

  it('has feeds per region with only that region’s articles', async () => {
    const potsdam = await parseFeed(site.text('regionen/potsdam/feed.xml'));
    expect(potsdam.items.map((i) => i.title)).toEqual([PUBLISHED.rathaus.title, PUBLISHED.aelteste.title]);
    expect(potsdam.meta.xmlurl).toBe(`${BASE_URL}regionen/potsdam/feed.xml`);
    expect(potsdam.meta.link).toBe(`${BASE_URL}regionen/potsdam/`);
    const cottbus = await parseFeed(site.text('regionen/cottbus/feed.xml'));
    expect(cottbus.items.map((i) => i.title)).toEqual([PUBLISHED.sitzung.title, PUBLISHED.tarif.title]);
    const bund = await parseFeed(site.text('regionen/bund/feed.xml'));
    expect(bund.items.map((i) => i.title)).toEqual([PUBLISHED.bund.title]);
  });

  it('shows the article image with alt text and credit in the content', async () => {
    const { items } = await parseFeed(site.text('regionen/potsdam/feed.xml'));
    const html = items[0]!.description;
    expect(html).toMatch(/<img src="https:\/\/example\.org\/presse\/medien\/rathaus-[^"]+\.jpg"[^>]* alt="Das sanierte Rathaus von vorn">/);
    expect(html).toContain('Bildquelle: Stadt Prüfhausen');
  });
});

describe('Atom 1.0', () => {
  it('parses strictly with id, self link, author and updated from the newest item', async () => {
    const xml = site.text('atom.xml');
    const { meta, items } = await parseFeed(xml);
    expect(meta['#type']).toBe('atom');
    expect(meta.title).toBe('Stadtbote <Test> & Co');
    expect(meta.xmlurl).toBe(`${BASE_URL}atom.xml`);
    expect(meta.link).toBe(BASE_URL);
    expect(meta.author).toBe('Stadt Prüfhausen & Partner');
    expect(meta.date?.toISOString()).toBe('2025-02-28T23:00:00.000Z');
    expect(xml).toMatch(/<updated>2025-03-01T00:00:00\+01:00<\/updated>/);
    expect(items.map((i) => i.title)).toEqual(siteOrder.map((a) => a.title));
    expect(items.map((i) => i.guid)).toEqual(siteOrder.map((a) => a.url));
    expect(items.map((i) => i.link)).toEqual(siteOrder.map((a) => a.url));
    expect(items[2]!.summary).toBe(`Teaser mit <b>Zeichen</b> & "Anführungen" ]]>`);
    expect(items[2]!.description).toContain(`href="${PUBLISHED.aelteste.url}"`);
  });

  it('uses RFC 3339 dates: published, and updated when the article was updated', async () => {
    const xml = site.text('regionen/potsdam/atom.xml');
    const { items } = await parseFeed(xml);
    expect(items[0]!.title).toBe(PUBLISHED.rathaus.title);
    expect(items[0]!.pubdate?.toISOString()).toBe('2024-11-05T09:15:00.000Z');
    expect(items[0]!.date?.toISOString()).toBe('2024-11-30T23:00:00.000Z');
    expect(xml).toContain('<published>2024-11-05T10:15:00+01:00</published>');
    expect(xml).toContain('<updated>2024-12-01T00:00:00+01:00</updated>');
    for (const m of xml.matchAll(/<(?:published|updated)>([^<]*)</g)) expect(m[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  });
});

describe('JSON Feed 1.1', () => {
  it('has the version, required fields and the newest items', () => {
    const feed = JSON.parse(site.text('feed.json')) as JsonFeed;
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Stadtbote <Test> & Co');
    expect(feed.home_page_url).toBe(BASE_URL);
    expect(feed.feed_url).toBe(`${BASE_URL}feed.json`);
    expect(feed.language).toBe('de-DE');
    expect(feed.authors[0]!.name).toBe('Stadt Prüfhausen & Partner');
    expect(feed.items.map((i) => i.title)).toEqual(siteOrder.map((a) => a.title));
    for (const item of feed.items) {
      expect(item.id).toBe(item.url);
      expect(item.url.startsWith(BASE_URL)).toBe(true);
      expect(item.content_html).toMatch(/<p>[^<]/);
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
    }
    expect(feed.items[2]!.summary).toBe(`Teaser mit <b>Zeichen</b> & "Anführungen" ]]>`);
    expect(feed.items[2]!.content_html).toContain(`href="${PUBLISHED.aelteste.url}"`);
  });

  it('carries date_modified and the image of an updated article with a photo', () => {
    const feed = JSON.parse(site.text('regionen/potsdam/feed.json')) as JsonFeed;
    const rathaus = feed.items[0]!;
    expect(rathaus.title).toBe(PUBLISHED.rathaus.title);
    expect(rathaus.date_published).toBe('2024-11-05T10:15:00+01:00');
    expect(rathaus.date_modified).toBe('2024-12-01T00:00:00+01:00');
    expect(rathaus.image).toMatch(/^https:\/\/example\.org\/presse\/medien\/rathaus-[^/]+\.jpg$/);
    expect(feed.items[1]!.date_modified).toBeUndefined();
  });
});

describe('feed discovery and determinism', () => {
  it('announces the site feeds on every page and the region feeds on region pages and articles', () => {
    const home = site.text('index.html');
    expect(home).toContain('<link rel="alternate" type="application/rss+xml" href="/presse/feed.xml"');
    expect(home).toContain('<link rel="alternate" type="application/atom+xml" href="/presse/atom.xml"');
    expect(home).toContain('<link rel="alternate" type="application/feed+json" href="/presse/feed.json"');
    const region = site.text('regionen/potsdam/index.html');
    expect(region).toContain('href="/presse/regionen/potsdam/feed.xml"');
    expect(site.text('2024/11-05-rathaus-saniert/index.html')).toContain('href="/presse/regionen/potsdam/atom.xml"');
  });

  it('does not depend on the build clock', async () => {
    const later = await buildArchive({ now: Date.UTC(2030, 5, 1) + 12345 });
    try {
      for (const file of ['feed.xml', 'atom.xml', 'feed.json', 'regionen/potsdam/atom.xml', 'sitemap.xml']) {
        expect(later.text(file), file).toBe(site.text(file));
      }
    } finally {
      cleanup(later.root);
    }
  });
});

describe('characters XML 1.0 does not allow', () => {
  it('are dropped, so that the feeds stay well-formed', async () => {
    // Control characters in frontmatter are content errors (see the hardening suite); what the
    // validator lets through but XML 1.0 forbids (lone surrogates, U+FFFF, body controls) is dropped.
    const root = makeSite({ 'content/2025/a.md': article({ title: 'Steuerzeichen \ud800und\uffff', teaser: 'Anriss.' }, 'Text \u0002 hier') });
    try {
      await buildSite(root, { search: false, noCache: true });
      const files = readTree(`${root}/dist`);
      for (const name of ['feed.xml', 'atom.xml']) {
        const { items } = await parseFeed(files.get(name)!.toString('utf8'));
        expect(items[0]!.title, name).toBe('Steuerzeichen und');
        expect(items[0]!.summary, name).toBe('Anriss.');
      }
      const json = JSON.parse(files.get('feed.json')!.toString('utf8')) as JsonFeed;
      expect(json.items[0]!.title).toBe('Steuerzeichen und\uffff');
    } finally {
      cleanup(root);
    }
  });
});
