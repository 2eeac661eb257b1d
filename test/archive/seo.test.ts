import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from '../helpers.js';
import { buildArchive, BASE_URL, PUBLISHED, resolveInOutput, type BuiltArchive } from './archive-site.js';
import { sitemapFiles } from '../../src/outputs/sitemap.js';
import type { SiteSnapshot } from '../../src/outputs/types.js';

let site: BuiltArchive;
beforeAll(async () => {
  site = await buildArchive();
});
afterAll(() => cleanup(site.root));

const locs = (xml: string): string[] => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);

function attr(html: string, pattern: RegExp): string | undefined {
  return pattern.exec(html)?.[1];
}

describe('sitemap.xml and robots.txt', () => {
  it('lists every public HTML page once, absolute, and nothing else', () => {
    const xml = site.text('sitemap.xml');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    const listed = locs(xml);
    expect(new Set(listed).size).toBe(listed.length);
    for (const loc of listed) {
      expect(loc.startsWith(BASE_URL), loc).toBe(true);
      expect(resolveInOutput(site.out, loc).problem, loc).toBeUndefined();
    }
    const expected = [...site.files.keys()]
      .filter((f) => f.endsWith('.html'))
      .filter((f) => !/noindex/.test(site.text(f)))
      .map((f) => BASE_URL + f.replace(/index\.html$/, ''));
    expect([...listed].sort()).toEqual(expected.sort());
    // redirect pages and the 404 page are no public pages
    expect(listed).not.toContain(`${BASE_URL}alt/meldung-1.html`);
    expect(listed).not.toContain(`${BASE_URL}404.html`);
    expect(listed).toContain(`${BASE_URL}impressum/`);
  });

  it('gives lastmod: the date of an article, its update when there is one, the newest item of a list', () => {
    const xml = site.text('sitemap.xml');
    const lastmod = (url: string): string | undefined => new RegExp(`<loc>${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</loc><lastmod>([^<]*)</lastmod>`).exec(xml)?.[1];
    expect(lastmod(PUBLISHED.bund.url)).toBe('2025-03-01');
    expect(lastmod(PUBLISHED.sitzung.url)).toBe('2025-02-13T09:30:00+01:00');
    expect(lastmod(PUBLISHED.rathaus.url)).toBe('2024-12-01');
    expect(lastmod(`${BASE_URL}regionen/potsdam/`)).toBe('2024-11-05T10:15:00+01:00');
    // Overviews change with the newest article; a standalone page says when it was revised.
    expect(lastmod(`${BASE_URL}regionen/`)).toBe('2025-03-01');
    expect(lastmod(`${BASE_URL}archiv/`)).toBe('2025-03-01');
    expect(lastmod(`${BASE_URL}impressum/`)).toBe('2025-01-15');
    // Only standalone pages that do not say when they were revised go without.
    const without = [...xml.matchAll(/<url><loc>([^<]*)<\/loc><\/url>/g)].map((m) => m[1]!.slice(BASE_URL.length));
    expect(without.sort()).toEqual(['barrierefreiheit/', 'datenschutz/', 'leichte-sprache/']);
  });

  it('robots.txt names the absolute sitemap URL', () => {
    expect(site.text('robots.txt')).toMatch(/^Sitemap: https:\/\/example\.org\/presse\/sitemap\.xml$/m);
    expect(site.text('robots.txt')).toMatch(/^User-agent: \*$/m);
  });

  it('escapes URLs and splits into a sitemap index above the URL limit', () => {
    const snapshot = {
      renderer: { context: { basePath: '/presse/', config: { baseUrl: BASE_URL } } },
      htmlPages: [{ url: '/a/', lastmod: '2025-01-02' }, { url: '/b&c/' }, { url: '/d/', lastmod: '2025-03-04' }],
    } as unknown as SiteSnapshot;
    const single = sitemapFiles(snapshot);
    expect(String(single.find((f) => f.path === 'sitemap.xml')!.content)).toContain(`<loc>${BASE_URL}b&#38;c/</loc>`);
    const split = sitemapFiles(snapshot, 2);
    expect(split.map((f) => f.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'robots.txt']);
    const index = String(split[0]!.content);
    expect(index).toContain('<sitemapindex');
    expect(locs(index)).toEqual([`${BASE_URL}sitemap-1.xml`, `${BASE_URL}sitemap-2.xml`]);
    expect(index).toContain(`<loc>${BASE_URL}sitemap-1.xml</loc><lastmod>2025-01-02</lastmod>`);
    expect(locs(String(split[2]!.content))).toEqual([`${BASE_URL}d/`]);
  });

  it('404.html exists, is not indexed and names no canonical address (it answers for any missing one)', () => {
    const html = site.text('404.html');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('rel="canonical"');
    expect(html).not.toContain('og:url');
  });
});

describe('canonical, description, Open Graph and JSON-LD', () => {
  it('every HTML page but the 404 page has an absolute canonical URL under the base URL and a description', () => {
    for (const [file] of site.files) {
      if (!file.endsWith('.html') || file === '404.html') continue;
      const html = site.text(file);
      const canonical = attr(html, /<link rel="canonical" href="([^"]*)">/);
      expect(canonical, file).toBeDefined();
      expect(canonical!.startsWith(BASE_URL), file).toBe(true);
      expect(attr(html, /<meta name="description" content="([^"]*)">/), file).toBeTruthy();
      expect(attr(html, /<meta property="og:url" content="([^"]*)">/), file).toBe(canonical);
    }
    expect(attr(site.text('regionen/potsdam/index.html'), /<link rel="canonical" href="([^"]*)">/)).toBe(`${BASE_URL}regionen/potsdam/`);
  });

  it('an article describes itself with its teaser and shares its image', () => {
    const html = site.text('2024/11-05-rathaus-saniert/index.html');
    expect(attr(html, /<link rel="canonical" href="([^"]*)">/)).toBe(PUBLISHED.rathaus.url);
    expect(attr(html, /<meta name="description" content="([^"]*)">/)).toBe('Das Rathaus ist nach zwei Jahren Bauzeit wieder offen.');
    expect(attr(html, /<meta property="og:type" content="([^"]*)">/)).toBe('article');
    expect(attr(html, /<meta property="og:title" content="([^"]*)">/)).toBe('Rathaus saniert');
    const image = attr(html, /<meta property="og:image" content="([^"]*)">/);
    expect(image).toMatch(/^https:\/\/example\.org\/presse\/medien\/rathaus-[^/]+\.jpg$/);
    expect(resolveInOutput(site.out, image!).problem).toBeUndefined();
    expect(attr(html, /<meta property="og:image:alt" content="([^"]*)">/)).toBe('Das sanierte Rathaus von vorn');
  });

  it('articles carry NewsArticle JSON-LD that parses, with dates in the site\'s zone and an image on every article', () => {
    const ld = (file: string): Record<string, unknown> => {
      const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(site.text(file));
      expect(m, file).not.toBeNull();
      return JSON.parse(m![1]!) as Record<string, unknown>;
    };
    const rathaus = ld('2024/11-05-rathaus-saniert/index.html');
    expect(rathaus['@context']).toBe('https://schema.org');
    expect(rathaus['@type']).toBe('NewsArticle');
    expect(rathaus.headline).toBe('Rathaus saniert');
    expect(rathaus.datePublished).toBe('2024-11-05T10:15:00+01:00');
    expect(rathaus.dateModified).toBe('2024-12-01T00:00:00+01:00');
    expect((rathaus.image as string[])[0]).toMatch(/^https:\/\/example\.org\/presse\/medien\/rathaus-/);
    expect(rathaus.publisher).toMatchObject({ '@type': 'Organization', name: 'Stadt Prüfhausen & Partner' });
    expect(rathaus.author).toMatchObject({ '@type': 'Organization', name: 'Stadt Prüfhausen & Partner' });
    expect(rathaus.mainEntityOfPage).toBe(PUBLISHED.rathaus.url);

    const tarif = ld('2025/01-10-tarif-neu/index.html');
    expect(tarif.headline).toBe(`Tarif <neu> & "Preise" ]]> 'Test'`);
    expect(tarif.datePublished).toBe('2025-01-10T00:00:00+01:00');
    // Without an update, the last change is the publication itself.
    expect(tarif.dateModified).toBe('2025-01-10T00:00:00+01:00');
    // Without a photo, the site's share image stands in (here the default touch icon).
    expect(tarif.image).toEqual([`${BASE_URL}apple-touch-icon.png`]);
  });
});
