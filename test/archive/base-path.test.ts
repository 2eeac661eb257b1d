import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, runCli } from '../helpers.js';
import { buildArchive, BASE_PATH, BASE_URL, resolveInOutput, type BuiltArchive } from './archive-site.js';
import { copyFixture } from '../helpers.js';
import { readTree } from '../helpers.js';
import path from 'node:path';

const ORIGIN = 'https://example.org';

/** Every URL an HTML page refers to: links, assets, srcset candidates, meta refresh and URL-valued meta tags. */
function urlsInHtml(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/\s(href|src|srcset|content|action|poster|data-[a-z-]+)\s*=\s*"([^"]*)"/gi)) {
    const name = m[1]!.toLowerCase();
    const value = m[2]!.replace(/&amp;/g, '&');
    if (name.startsWith('data-')) {
      // data attributes hold URLs for scripts (the search bundle); other values are not URLs
      if (value.startsWith('/') || value.startsWith(ORIGIN)) urls.push(value);
    } else if (name === 'srcset') urls.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean));
    else if (name === 'content') {
      const refresh = /^\d+;\s*url=(.*)$/i.exec(value);
      if (refresh) urls.push(refresh[1]!);
      else if (/^https?:\/\//.test(value) || value.startsWith('/')) urls.push(value);
    } else urls.push(value);
  }
  return urls;
}

/** URLs of this site's host in feeds, sitemap, robots.txt, CSS and the server rule files. */
function urlsInText(text: string): string[] {
  return [...text.matchAll(/https?:\/\/example\.org[^\s"'<>&)\\]*/g)].map((m) => m[0]);
}

/** Every string in a JSON document, so that URLs are read unescaped. */
function stringsInJson(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsInJson);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsInJson);
  return [];
}

function isExternal(url: string): boolean {
  if (/^(mailto|tel|data):/i.test(url)) return true;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return new URL(url, ORIGIN).origin !== ORIGIN;
  return false;
}

function checkUrl(out: string, pageUrl: string, url: string): string | undefined {
  if (url === '' || url.startsWith('#') || isExternal(url)) return undefined;
  if (!url.startsWith(BASE_PATH) && !url.startsWith(BASE_URL)) return `${url} does not start with ${BASE_PATH} or ${BASE_URL}`;
  const resolved = resolveInOutput(out, new URL(url, ORIGIN + pageUrl).href);
  return resolved.problem ? `${url}: ${resolved.problem}` : undefined;
}

let site: BuiltArchive;
let searchSite: BuiltArchive;
beforeAll(async () => {
  site = await buildArchive();
  searchSite = await buildArchive({}, { search: true });
});
afterAll(() => {
  cleanup(site.root);
  cleanup(searchSite.root);
});

function crawlHtml(built: BuiltArchive): { broken: string[]; pages: number; checked: number } {
  const broken: string[] = [];
  let pages = 0;
  let checked = 0;
  for (const [file, bytes] of built.files) {
    if (!file.endsWith('.html')) continue;
    pages++;
    const pageUrl = BASE_PATH + file.replace(/(^|\/)index\.html$/, '$1');
    for (const url of urlsInHtml(bytes.toString('utf8'))) {
      checked++;
      const problem = checkUrl(built.out, pageUrl, url);
      if (problem) broken.push(`${file}: ${problem}`);
    }
  }
  return { broken, pages, checked };
}

describe('hosting under /presse/', () => {
  it('every internal link and asset of every HTML page starts with /presse/ and exists in the output', () => {
    const { broken, pages, checked } = crawlHtml(site);
    expect(broken).toEqual([]);
    // the crawl really saw the site: articles, lists, archives, regions, pages, redirects
    expect(pages).toBeGreaterThan(25);
    expect(checked).toBeGreaterThan(pages * 10);
  });

  it('with search on, the search page and its script bundle work under /presse/ too', () => {
    expect(searchSite.files.has('suche/index.html')).toBe(true);
    const { broken, pages } = crawlHtml(searchSite);
    expect(broken).toEqual([]);
    expect(pages).toBeGreaterThan(25);
    const nav = searchSite.text('index.html');
    expect(nav).toContain('href="/presse/suche/"');
  });

  it('feeds, sitemap, robots.txt, CSS and redirect rules only name URLs under the base URL that exist', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const [file, bytes] of site.files) {
      if (!/\.(xml|json|txt|css|map)$|(^|\/)(_redirects|\.htaccess)$/.test(file)) continue;
      const text = bytes.toString('utf8');
      const texts = file.endsWith('.json') ? stringsInJson(JSON.parse(text)) : [text];
      for (const url of texts.flatMap(urlsInText)) {
        checked++;
        const problem = checkUrl(site.out, '/', url);
        if (problem) broken.push(`${file}: ${problem}`);
      }
      if (file === '_redirects') {
        for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) {
          const [from, to] = line.split(' ');
          expect(from!.startsWith(BASE_PATH), line).toBe(true);
          const problem = checkUrl(site.out, '/', to!) ?? checkUrl(site.out, '/', from!);
          if (problem) broken.push(`${file}: ${problem}`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('the crawler notices a link outside the base path and a missing file', () => {
    expect(checkUrl(site.out, '/presse/', '/impressum/')).toMatch(/does not start with/);
    expect(checkUrl(site.out, '/presse/', '/presse/gibt-es-nicht/')).toMatch(/does not exist/);
    expect(checkUrl(site.out, '/presse/', 'https://example.org/presse/medien/fehlt.jpg')).toMatch(/does not exist/);
    expect(checkUrl(site.out, '/presse/', '/presse/impressum/')).toBeUndefined();
    expect(checkUrl(site.out, '/presse/', 'https://www.example.net/')).toBeUndefined();
  });
});

describe('the CLI with --base-url', () => {
  it('builds the same site as the library, links included', () => {
    const root = copyFixture('archive-site');
    const out = path.join(root, 'public');
    try {
      const r = runCli(['build', '--root', root, '--out', out, '--base-url', 'https://example.org/presse', '--no-cache']);
      expect(r.code, r.stderr).toBe(0);
      const files = readTree(out);
      const home = files.get('index.html')!.toString();
      expect(home).toMatch(/<link rel="stylesheet" href="\/presse\/assets\/stadtbote\.[0-9a-f]{8}\.css">/);
      expect(files.get('robots.txt')!.toString()).toContain('Sitemap: https://example.org/presse/sitemap.xml');
      const broken: string[] = [];
      for (const url of urlsInHtml(home)) {
        const problem = checkUrl(out, '/presse/', url);
        if (problem) broken.push(problem);
      }
      expect(broken).toEqual([]);
    } finally {
      cleanup(root);
    }
  });
});
