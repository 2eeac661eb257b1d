import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import FeedParser from 'feedparser';
import type { BuildOptions, BuildReport } from '../../src/build/build.js';
import { buildSite, copyFixture, readTree } from '../helpers.js';

export const BASE_URL = 'https://example.org/presse/';
export const BASE_PATH = '/presse/';

export interface BuiltArchive {
  readonly root: string;
  readonly out: string;
  readonly report: BuildReport;
  readonly files: Map<string, Buffer>;
  text(rel: string): string;
}

/** Builds the archive fixture under https://example.org/presse/ into a temporary folder. */
export async function buildArchive(options: BuildOptions = {}, config: { search?: boolean } = {}): Promise<BuiltArchive> {
  const root = copyFixture('archive-site');
  if (config.search) {
    // the fixture's config turns search off; only the CLI/API can turn it off, so edit the copy
    const file = path.join(root, 'stadtbote.config.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('search: false', 'search: true'));
  }
  const report = await buildSite(root, { baseUrl: BASE_URL, noCache: true, ...options });
  const out = path.join(root, 'dist');
  const files = readTree(out);
  return {
    root,
    out,
    report,
    files,
    text: (rel) => {
      const buf = files.get(rel);
      if (!buf) throw new Error(`${rel} was not written; output has ${[...files.keys()].join(', ')}`);
      return buf.toString('utf8');
    },
  };
}

export interface ParsedFeed {
  readonly meta: FeedParser.Meta;
  readonly items: FeedParser.Item[];
}

function runParser(xml: string, strict: boolean): Promise<ParsedFeed> {
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ strict, resume_saxerror: false, normalize: true, addmeta: false } as FeedParser.Options);
    const items: FeedParser.Item[] = [];
    parser.on('error', reject);
    parser.on('readable', () => {
      let item: FeedParser.Item | null;
      while ((item = parser.read() as FeedParser.Item | null)) items.push(item);
    });
    parser.on('end', () => resolve({ meta: parser.meta, items }));
    Readable.from([xml]).pipe(parser);
  });
}

/**
 * Parses RSS or Atom with feedparser as a feed reader does. A strict XML pass first makes a
 * malformed feed an error instead of a guess (feedparser's strict mode keeps element names'
 * case, so `pubDate` is only read by the lenient pass).
 */
export async function parseFeed(xml: string): Promise<ParsedFeed> {
  await runParser(xml, true);
  return runParser(xml, false);
}

/**
 * Maps a URL found in the output to the file that serves it when the output folder is served at
 * /presse/, or explains why it cannot be served from there.
 */
export function resolveInOutput(out: string, url: string): { file?: string; problem?: string } {
  let pathname: string;
  if (url.startsWith('https://example.org/')) pathname = new URL(url).pathname;
  else if (url.startsWith('/') && !url.startsWith('//')) pathname = url.replace(/[?#].*$/, '');
  else return { problem: 'not an internal URL' };
  if (!pathname.startsWith(BASE_PATH)) return { problem: `does not start with ${BASE_PATH}` };
  const rel = decodeURIComponent(pathname.slice(BASE_PATH.length));
  const file = path.join(out, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
  if (!existsSync(file)) return { problem: `${file} does not exist` };
  if (statSync(file).isDirectory()) {
    const index = path.join(file, 'index.html');
    return existsSync(index) ? { file: index } : { problem: `${file} is a folder without index.html` };
  }
  return { file };
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}

/** The published articles of the fixture, newest first. */
export const PUBLISHED = {
  bund: { title: 'Neues vom Bund', url: `${BASE_URL}2025/03-01-neues-vom-bund/` },
  sitzung: { title: 'Sitzung des Kreistags', url: `${BASE_URL}2025/02-13-sitzung-des-kreistags/` },
  tarif: { title: `Tarif <neu> & "Preise" ]]> 'Test'`, url: `${BASE_URL}2025/01-10-tarif-neu/` },
  rathaus: { title: 'Rathaus saniert', url: `${BASE_URL}2024/11-05-rathaus-saniert/` },
  aelteste: { title: 'Älteste Meldung', url: `${BASE_URL}2024/03-01-aelteste-meldung/` },
} as const;

/** Words that appear only in unpublished articles (draft, scheduled, expired). */
export const SECRETS = ['Geheimsache', 'Geheimland', 'Zukunftsstadt', 'Ablaufstadt', 'Entwurfstext', 'Zukunftstext', 'Ablauftext', 'entwurf', 'zukunft', 'abgelaufen'];
