import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/commands/check.js';
import { runImport } from '../../src/commands/import.js';
import { parseFrontmatter } from '../../src/content/frontmatter.js';
import { parseSiteDate } from '../../src/util/dates.js';
import { buildSite, REPO, tempDir } from '../helpers.js';
import { emptySite, serveFolder, type FixtureServer } from './import-helpers.js';

const NOW = Date.UTC(2026, 0, 1);
let server: FixtureServer | undefined;

// The folders go with the test file's other temporary folders (test/helpers.ts `tempDir`).
afterAll(async () => {
  await server?.close();
});

interface Entry {
  title: string;
  day: string;
  epochMs: number;
  region: string;
  /** The article photo's texts (its file name changes: the feed links the built, hashed copy). */
  image?: { alt: string; caption?: string; credit?: string };
}

/** Title, date and region of every article under a content folder, by title. */
function articles(contentDir: string): Entry[] {
  const out: Entry[] = [];
  for (const year of readdirSync(contentDir).filter((d) => /^\d{4}$/.test(d))) {
    for (const file of readdirSync(path.join(contentDir, year)).filter((f) => f.endsWith('.md'))) {
      const { data } = parseFrontmatter(readFileSync(path.join(contentDir, year, file), 'utf8'));
      const date = parseSiteDate(String(data.date), 'Europe/Berlin');
      if (!date.ok) throw new Error(`${file}: ${date.reason}`);
      const image = data.image as { alt: string; caption?: string; credit?: string } | undefined;
      const texts = image ? { alt: image.alt, ...(image.caption ? { caption: image.caption } : {}), ...(image.credit ? { credit: image.credit } : {}) } : undefined;
      out.push({ title: String(data.title), day: date.date.day, epochMs: date.date.epochMs, region: String(data.region), ...(texts ? { image: texts } : {}) });
    }
  }
  return out.sort((a, b) => (a.title < b.title ? -1 : 1));
}

describe('round trip: a Stadtbote site imports its own feed', () => {
  it('gives back the same titles, dates, regions and article photos (RSS and Atom), and passes check', async () => {
    const dist = tempDir('stadtbote-roundtrip-dist-');
    const cache = tempDir('stadtbote-roundtrip-cache-');
    // The sample site, built for the loopback address it is then served at.
    server = await serveFolder(dist);
    await buildSite(REPO, { out: dist, cacheDir: cache, baseUrl: `${server.url}/`, search: false });
    const root = emptySite(path.join(REPO, 'stadtbote.config.yaml'));
    const { report } = await runImport({ root, source: `${server.url}/feed.xml`, now: NOW });
    const original = articles(path.join(REPO, 'content'));
    const imported = articles(path.join(root, 'content'));
    expect(imported).toEqual(original);
    expect(report.articles).toBe(original.length);
    // The feed's links are the new site's own addresses: nothing to redirect.
    expect(report.aliases).toBe(0);
    // The article photo comes back as the article's image, and a download linked in a body as a file
    // next to the article, both downloaded from the served site (the sample site links one PDF).
    expect(report.media).toBe(original.filter((a) => a.image).length + 1);
    expect(readdirSync(path.join(root, 'content'), { recursive: true }).some((f) => String(f).endsWith('.pdf'))).toBe(true);
    expect(original.some((a) => a.image?.credit)).toBe(true);
    const result = await checkSite({ root, now: NOW });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The Atom feed carries the same.
    const fromAtom = emptySite(path.join(REPO, 'stadtbote.config.yaml'));
    await runImport({ root: fromAtom, source: `${server.url}/atom.xml`, now: NOW });
    expect(articles(path.join(fromAtom, 'content'))).toEqual(original);
  });
});
