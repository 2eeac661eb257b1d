import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from '../helpers.js';
import { buildArchive, BASE_URL, parseFeed, SECRETS, type BuiltArchive } from './archive-site.js';

/** Files (by path or content) in which a word of an unpublished article appears. */
function leaks(site: BuiltArchive, words: readonly string[]): string[] {
  const found: string[] = [];
  for (const [file, bytes] of site.files) {
    const text = bytes.toString('utf8');
    for (const w of words) if (file.includes(w) || text.includes(w)) found.push(`${file}: ${w}`);
  }
  return found;
}

const DRAFT = ['Entwurf Geheimsache', 'Geheimland', 'Entwurfstext'];
const FUTURE = ['Zukunft Geheimsache', 'Zukunftsstadt', 'Zukunftstext'];
const EXPIRED = ['Abgelaufen Geheimsache', 'Ablaufstadt', 'Ablauftext'];

const builds: BuiltArchive[] = [];
afterAll(() => builds.forEach((b) => cleanup(b.root)));

describe('default build', () => {
  let site: BuiltArchive;
  beforeAll(async () => {
    site = await buildArchive();
    builds.push(site);
  });

  it('keeps drafts, scheduled and expired articles out of every output file', () => {
    expect(site.files.size).toBeGreaterThan(40);
    expect(leaks(site, SECRETS)).toEqual([]);
  });

  it('counts what it left out and names the next scheduled article', () => {
    expect(site.report.excluded).toEqual({ drafts: 1, future: 1, expired: 1 });
    expect(site.report.nextScheduled?.date).toBe('2099-06-01');
    expect(site.report.nextScheduled?.src).toBe('content/2099/2099-06-01-zukunft.md');
    expect(site.report.articles).toBe(5);
  });
});

describe('search index', () => {
  it('holds only published articles', async () => {
    const site = await buildArchive({}, { search: true });
    builds.push(site);
    const fragments = [...site.files].filter(([file]) => file.startsWith('pagefind/fragment/')).map(([, bytes]) => gunzipSync(bytes).toString('utf8'));
    expect(fragments).toHaveLength(5);
    const all = fragments.join('\n');
    expect(all).toContain('Rathaus saniert');
    for (const w of SECRETS) expect(all).not.toContain(w);
  });
});

describe('--drafts', () => {
  let site: BuiltArchive;
  beforeAll(async () => {
    site = await buildArchive({ drafts: true });
    builds.push(site);
  });

  it('publishes drafts everywhere: page, lists, region, feeds, sitemap, aliases', async () => {
    expect(site.files.has('2025/01-20-entwurf-geheimsache/index.html')).toBe(true);
    expect(site.text('2025/01/index.html')).toContain('Entwurf Geheimsache');
    expect(site.files.has('regionen/geheimland/index.html')).toBe(true);
    expect(site.text('sitemap.xml')).toContain(`<loc>${BASE_URL}2025/01-20-entwurf-geheimsache/</loc>`);
    const feed = await parseFeed(site.text('regionen/geheimland/atom.xml'));
    expect(feed.items.map((i) => i.title)).toEqual(['Entwurf Geheimsache']);
    expect(site.files.has('entwurf-alt/index.html')).toBe(true);
  });

  it('still holds back scheduled and expired articles', () => {
    expect(leaks(site, [...FUTURE, ...EXPIRED])).toEqual([]);
    expect(site.report.excluded.drafts).toBe(0);
  });
});

describe('--future', () => {
  let site: BuiltArchive;
  beforeAll(async () => {
    site = await buildArchive({ future: true });
    builds.push(site);
  });

  it('publishes scheduled articles everywhere, newest first in the feeds', async () => {
    expect(site.files.has('2099/06-01-zukunft-geheimsache/index.html')).toBe(true);
    expect(site.text('index.html')).toContain('Zukunft Geheimsache');
    expect(site.files.has('2099/index.html')).toBe(true);
    expect(site.text('sitemap.xml')).toContain(`<loc>${BASE_URL}2099/06-01-zukunft-geheimsache/</loc>`);
    const feed = await parseFeed(site.text('feed.xml'));
    expect(feed.items[0]!.title).toBe('Zukunft Geheimsache');
    expect(feed.items).toHaveLength(3);
    expect(site.report.nextScheduled).toBeUndefined();
  });

  it('still holds back drafts and expired articles', () => {
    expect(leaks(site, [...DRAFT, ...EXPIRED])).toEqual([]);
  });
});

describe('expiry', () => {
  it('an article that has not expired yet at build time is published', async () => {
    const site = await buildArchive({ now: Date.UTC(2025, 4, 1) });
    builds.push(site);
    expect(site.text('feed.xml')).toContain('Abgelaufen Geheimsache');
    expect(site.files.has('regionen/ablaufstadt/index.html')).toBe(true);
    expect(leaks(site, [...DRAFT, ...FUTURE])).toEqual([]);
  });
});
