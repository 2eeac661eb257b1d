import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite } from '../helpers.js';
import { launchBrowser, serveSite, type ServedSite, type TestBrowser } from './readers-site.js';

/**
 * A search index split into parts (one per year) must answer like one index of the same site: the
 * same results in the same order for every query and filter, on the search page itself, in a real
 * browser. The archive is small but built for the cases where parts differ from one index: words
 * of one year only, words that begin other years' words (Pagefind falls back, per part, to the
 * longest word a query word begins with), words in every year, umlauts, filters.
 */
const YEAR_WORDS: Record<string, string[]> = {
  '2021': ['Rathaus', 'Förderung', 'Glasfaser', 'Straßenbau'],
  '2022': ['Rathausplatz', 'Bürgerbüro', 'Glasfasernetz', 'Ratsherr'],
  '2023': ['Ratsbeschluss', 'Fördermittel', 'Straßenbahn', 'Bürgerportal'],
  '2024': ['Rat', 'Baustelle', 'Datenportal', 'Digitalisierungen'],
};
const REGIONS = ['Potsdam', 'Cottbus', 'Köln', 'München'];
const TOPICS = ['Breitband', 'Verwaltung'];

/** Eight articles a year; two of them on the same day, so that ties keep their order too. */
function archive(split: 'none' | 'year'): string {
  const files: Record<string, string> = {
    'stadtbote.config.yaml': `title: Suchtest\nbaseUrl: http://127.0.0.1/presse/\nlanguage: de\ntopics: [${TOPICS.join(', ')}]\nsearchSplit: ${split}\n`,
  };
  let n = 0;
  for (const [year, words] of Object.entries(YEAR_WORDS)) {
    for (let k = 0; k < 8; k++) {
      n++;
      const word = words[k % words.length]!;
      const other = words[(k + 1) % words.length]!;
      const day = `${year}-${String(1 + k).padStart(2, '0')}-${k === 7 ? '14' : String(10 + k)}`;
      const region = REGIONS[n % REGIONS.length]!;
      const topic = TOPICS[k % 2]!;
      const body = `Die Stadt berichtet über ${word} und ${other}. ${k % 3 === 0 ? 'Digitalisierung der Verwaltung.' : 'Neues aus dem Stadtrat.'}`;
      const frontmatter = [`title: "${word} in ${region} (${n})"`, `date: ${day}`, `region: "${region}"`, `teaser: "Kurz: ${other}."`, `topics: [${topic}]`];
      files[`content/${year}/${day}-meldung-${n}.md`] = `---\n${frontmatter.join('\n')}\n---\n${body}\n`;
    }
  }
  return makeSite(files);
}

interface Query {
  readonly q: string;
  readonly region?: string;
  readonly year?: string;
  readonly topic?: string;
}

function queries(): Query[] {
  const all = Object.values(YEAR_WORDS).flat();
  const out: Query[] = [];
  // Words of one year only, and their beginnings as readers type them.
  for (const w of all) out.push({ q: w }, { q: w.slice(0, 4) });
  // Words in every year, words in no year that begin with indexed words, unknown words.
  out.push({ q: 'Stadt' }, { q: 'Verwaltung' }, { q: 'digitalisierung' }, { q: 'Stadtrat' });
  out.push({ q: 'Rathausplatzfest' }, { q: 'Glasfasernetzausbau' }, { q: 'Ratsbeschlussvorlage' }, { q: 'Baustellenampel' }, { q: 'Digitalisierungsstrategie' }, { q: 'Xylophon' }, { q: 'Ratskeller' });
  // Umlauts and their plain spellings.
  out.push({ q: 'förder' }, { q: 'forder' }, { q: 'Bürger' }, { q: 'burger' }, { q: 'Straße' }, { q: 'strasse' }, { q: 'Köln' });
  // Several words, a phrase, filters with and without words.
  out.push({ q: 'Rathaus Stadt' }, { q: 'Rathausplatzfest Verwaltung' }, { q: 'rat stadt' }, { q: '"Stadt berichtet"' }, { q: '"Rathaus und"' });
  for (const region of REGIONS) out.push({ q: '', region });
  for (const year of Object.keys(YEAR_WORDS)) out.push({ q: '', year });
  for (const topic of TOPICS) out.push({ q: '', topic });
  out.push({ q: 'Rat', region: 'Köln' }, { q: 'Rathausplatzfest', year: '2021' }, { q: 'förder', topic: 'Breitband' }, { q: 'Glasfasernetzausbau', region: 'Potsdam' });
  return out;
}

let whole: ServedSite & { requests: string[] };
let split: ServedSite & { requests: string[] };
let browser: TestBrowser;

beforeAll(async () => {
  [whole, split] = await Promise.all([serveSite(archive('none')), serveSite(archive('year'))]);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await whole?.close();
  await split?.close();
});

/** Runs one query on the search page's own form and returns every result's address, in the order shown. */
async function ask(page: Page, query: Query): Promise<string[]> {
  await page.evaluate((qy) => {
    const form = document.getElementById('search-form') as HTMLFormElement;
    (form.elements.namedItem('q') as HTMLInputElement).value = qy.q;
    for (const name of ['region', 'year', 'topic']) (form.elements.namedItem(name) as HTMLSelectElement).value = (qy as unknown as Record<string, string | undefined>)[name] ?? '';
    document.getElementById('search-status')!.textContent = '';
    form.requestSubmit();
  }, query);
  // The status line is written once the search has run: a count, or the no-results text.
  await page.waitForFunction(() => document.getElementById('search-status')!.textContent !== '');
  const found = Number(/\d+/.exec((await page.locator('#search-status').textContent()) ?? '')?.[0] ?? 0);
  const items = page.locator('#search-results li');
  // The first twenty are shown right after the count; the rest behind the "more" button.
  await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length >= Math.min(n, 20), found);
  for (let shown = await items.count(); shown < found; shown = await items.count()) {
    await page.locator('.search-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length > n, shown);
  }
  return page.locator('#search-results h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/** Every query's results on one page of the site, and which hosts and index files the page asked for. */
async function answers(site: ServedSite & { requests: string[] }, all: readonly Query[]): Promise<{ results: string[][]; hosts: Set<string>; indexRequests: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const hosts = new Set<string>();
  const errors: string[] = [];
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}suche/`);
  const before = site.requests.length;
  const results: string[][] = [];
  for (const q of all) results.push(await ask(page, q));
  const indexRequests = site.requests.slice(before).filter((p) => p.includes('/pagefind/')).length;
  expect(errors).toEqual([]);
  await context.close();
  return { results, hosts, indexRequests };
}

describe('search index split by year', () => {
  it('is written in parts, newest first, and loaded as one', async () => {
    const html = await (await fetch(`${split.url}suche/`)).text();
    expect(html).toContain('data-bundle="/presse/pagefind/2024/pagefind.js"');
    expect(html).toContain('data-merge="/presse/pagefind/2023/ /presse/pagefind/2022/ /presse/pagefind/2021/"');
    const single = await (await fetch(`${whole.url}suche/`)).text();
    expect(single).toContain('data-bundle="/presse/pagefind/pagefind.js"');
    expect(single).not.toContain('data-merge');
  });

  it('answers every query like one index: same results in the same order', async () => {
    const all = queries();
    expect(all.length).toBeGreaterThanOrEqual(40);
    const a = await answers(whole, all);
    const b = await answers(split, all);
    for (let i = 0; i < all.length; i++) expect({ query: all[i], urls: b.results[i] }).toEqual({ query: all[i], urls: a.results[i] });
    // Most queries find something, and some find articles of several years: not a comparison of empty lists.
    expect(a.results.filter((r) => r.length > 0).length).toBeGreaterThan(all.length * 0.75);
    expect(a.results.filter((r) => new Set(r.map((u) => u.split('/')[2])).size > 1).length).toBeGreaterThan(10);
    // Only this site is asked, for the index too (the CSP allows nothing else).
    expect([...b.hosts]).toEqual([new URL(split.url).host]);
    // Requests for index files: each part brings its entry, metadata and word chunks.
    console.log(`search index requests for ${all.length} queries: one index ${a.indexRequests}, four parts ${b.indexRequests}`);
    expect(b.indexRequests).toBeLessThanOrEqual(a.indexRequests * 4 + 4 * 2);
  });

  it("needs the search script's correction: Pagefind's merge alone answers some queries otherwise", async () => {
    // The same parts merged by Pagefind alone, without dropping the parts that fell back.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${split.url}suche/`);
    const script = `(async () => {
      const form = document.getElementById('search-form');
      const pf = await import(form.dataset.bundle);
      for (const part of form.dataset.merge.split(' ')) await pf.mergeIndex(part, {});
      const search = await pf.search('Rathausplatzfest', {});
      return (await Promise.all(search.results.map((r) => r.data()))).map((d) => d.url).filter((u) => u !== '/').length;
    })()`;
    const naive = (await page.evaluate(script)) as number;
    await context.close();
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(`${split.url}suche/`);
    const shown = await ask(p, { q: 'Rathausplatzfest' });
    await ctx.close();
    // One index falls back to "Rathausplatz" (2022) alone; every part merged alone falls back to its own word.
    expect(shown.every((u) => u.includes('/2022/'))).toBe(true);
    expect(shown.length).toBeGreaterThan(0);
    expect(naive).toBeGreaterThan(shown.length);
  });
});
