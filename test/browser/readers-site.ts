import { appendFileSync, createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import matter from 'gray-matter';
import { lookup } from 'mrmime';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { BuildOptions } from '../../src/build/build.js';
import { buildSite, cleanup, copyFixture, REPO } from '../helpers.js';

export const BASE_PATH = '/presse/';
export const ARTIFACTS = path.join(REPO, 'test', 'artifacts');

export interface ServedSite {
  /** Absolute URL of the site's home page, ending in the base path. */
  readonly url: string;
  readonly root: string;
  readonly dist: string;
  close(): Promise<void>;
}

/** Where a request path lands in the output folder: folders serve their index.html. */
function fileFor(dist: string, pathname: string): string | undefined {
  if (!pathname.startsWith(BASE_PATH)) return undefined;
  const rel = decodeURIComponent(pathname.slice(BASE_PATH.length));
  if (rel.split('/').includes('..')) return undefined;
  let file = path.join(dist, rel);
  try {
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds the readers fixture under a base path and serves it on 127.0.0.1 the way a static host
 * would: folders serve their index.html, unknown paths get 404.html with status 404.
 */
export async function serveReadersSite(options: { search?: boolean; config?: string } = {}): Promise<ServedSite> {
  const root = copyFixture('readers-site');
  // More config keys for a variant of the site (e.g. logo, brand colour, thumbnails), YAML appended as it is.
  if (options.config) appendFileSync(path.join(root, 'stadtbote.config.yaml'), `\n${options.config}\n`);
  return serveSite(root, options.search === false ? { search: false } : {});
}

/** Builds a site folder under the base path and serves it like {@link serveReadersSite}; `requests` logs every path asked for. */
export async function serveSite(root: string, options: BuildOptions = {}): Promise<ServedSite & { readonly requests: string[] }> {
  const dist = path.join(root, 'dist');
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push(pathname);
    const file = fileFor(dist, pathname);
    const target = file ?? path.join(dist, '404.html');
    res.statusCode = file ? 200 : 404;
    res.setHeader('Content-Type', lookup(target) ?? 'application/octet-stream');
    createReadStream(target).on('error', () => res.end()).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}${BASE_PATH}`;
  await buildSite(root, { baseUrl: url, ...options });
  return {
    url,
    root,
    dist,
    requests,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      cleanup(root);
    },
  };
}

export interface TestBrowser {
  readonly browser: Browser;
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with no background traffic; Playwright gives it a new empty profile. */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    newContext: (options) => browser.newContext(options),
    close: async () => {
      await browser.close();
    },
  };
}

/** Site paths of pages of each type in the readers fixture, relative to the base path. */
export const PAGES = {
  home: '',
  home2: 'seite/2/',
  region: 'regionen/potsdam/',
  regionYear: 'regionen/potsdam/2024/',
  year: '2024/',
  month: '2023/07/',
  archive: 'archiv/',
  regions: 'regionen/',
  topic: 'themen/breitband/',
  topics: 'themen/',
  articleWithImage: '2023/07-17-breitbandausbau-kommt-voran-in-cottbus/',
  articleWithoutImage: '2023/09-13-rathaus-fuehrt-e-akte-ein-in-landkreis-barnim/',
  search: 'suche/?q=Rathaus&region=Potsdam',
  notFound: 'gibt-es-nicht/',
  impressum: 'impressum/',
  barrierefreiheit: 'barrierefreiheit/',
} as const;

/** Published articles of the fixture as (day, title, region), newest first, read from the Markdown. */
export function fixtureArticles(): { day: string; title: string; region: string }[] {
  const dir = path.join(REPO, 'test', 'fixtures', 'readers-site', 'site', 'content');
  const out: { day: string; title: string; region: string }[] = [];
  for (const year of readdirSync(dir).filter((d) => /^\d{4}$/.test(d))) {
    for (const name of readdirSync(path.join(dir, year))) {
      if (!name.endsWith('.md')) continue;
      const { data } = matter(readFileSync(path.join(dir, year, name), 'utf8'));
      if (data.draft) continue;
      const day = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : String(data.date);
      out.push({ day, title: String(data.title), region: String(data.region) });
    }
  }
  return out.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
}
