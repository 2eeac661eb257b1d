import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticles, launchBrowser, serveReadersSite, type ServedSite, type TestBrowser } from './readers-site.js';

/**
 * A search index split into parts (one per year) must answer like one index: the same results for
 * every query and filter, found with Pagefind's own search in a real browser.
 */
let whole: ServedSite;
let split: ServedSite;
let browser: TestBrowser;

beforeAll(async () => {
  [whole, split] = await Promise.all([serveReadersSite({ config: 'searchSplit: none' }), serveReadersSite({ config: 'searchSplit: year' })]);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await whole?.close();
  await split?.close();
});

interface Query {
  readonly term: string | null;
  readonly filters: Record<string, string>;
}

/** Words of every title, every region and year as a filter, a few exact phrases and filter-only searches. */
function queries(): Query[] {
  const articles = fixtureArticles();
  const words = new Set<string>();
  for (const a of articles) for (const w of a.title.split(/[\s:,.„“"()–-]+/)) if (w.length >= 4) words.add(w.toLowerCase());
  // Whole words and their beginnings (Pagefind finds prefixes as readers type).
  const terms = new Set([...words, ...[...words].map((w) => w.slice(0, 4))]);
  const out: Query[] = [...terms].map((term) => ({ term, filters: {} }));
  const regions = [...new Set(articles.map((a) => a.region))];
  const years = [...new Set(articles.map((a) => a.day.slice(0, 4)))];
  for (const region of regions) out.push({ term: null, filters: { region } });
  for (const year of years) out.push({ term: null, filters: { year } });
  for (const a of articles.slice(0, 5)) out.push({ term: `"${a.title.split(' ').slice(0, 2).join(' ')}"`, filters: {} });
  // The word of the record that closes each part finds nothing, as in one index.
  out.push({ term: 'qxqxqxqxqx', filters: {} }, { term: 'qxq', filters: {} }, { term: 'stadtbote', filters: {} });
  out.push({ term: 'digitalisierung', filters: { year: years[0]! } }, { term: 'rathaus', filters: { region: regions[0]! } });
  return out;
}

/** Runs every query with Pagefind on the site's search page: result URLs in order, and the filter counts. */
async function answers(site: ServedSite, all: readonly Query[]): Promise<{ urls: string[]; filters: unknown }[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.url}suche/`);
  // Sent as text: the test runner would rewrite a dynamic import() inside a function it compiles.
  const script = `(async (qs) => {
    const form = document.getElementById('search-form');
    const pf = await import(form.dataset.bundle);
    const baseUrl = form.dataset.base;
    const parts = (form.dataset.merge || '').split(' ').filter(Boolean);
    const base = Number(form.dataset.partBase) || 1;
    const weight = (i) => (parts.length > 0 ? { indexWeight: base ** (parts.length - i) } : {});
    await pf.options({ baseUrl, ...weight(0) });
    await Promise.all(parts.map((part, i) => pf.mergeIndex(part, { baseUrl, ...weight(i + 1) })));
    const out = [];
    for (const q of qs) {
      const search = await pf.search(q.term, { filters: q.filters, sort: { date: 'desc' } });
      const results = parts.length > 0 ? search.results.filter((r) => r.score > 0) : search.results;
      const data = await Promise.all(results.map((r) => r.data()));
      out.push({ urls: data.map((d) => d.url), filters: search.filters });
    }
    return out;
  })(${JSON.stringify(all)})`;
  const result = (await page.evaluate(script)) as { urls: string[]; filters: unknown }[];
  await context.close();
  return result;
}

describe('search index split by year', () => {
  it('is written in parts and loaded as one', async () => {
    const html = await (await fetch(`${split.url}suche/`)).text();
    expect(html).toMatch(/data-bundle="\/presse\/pagefind\/2025\/pagefind\.js"/);
    expect(html).toMatch(/data-merge="\/presse\/pagefind\/2024\/ \/presse\/pagefind\/2023\/"/);
    const single = await (await fetch(`${whole.url}suche/`)).text();
    expect(single).toContain('data-bundle="/presse/pagefind/pagefind.js"');
    expect(single).not.toContain('data-merge');
  });

  it('answers every query like one index: same results, same order, same filter counts', async () => {
    const all = queries();
    expect(all.length).toBeGreaterThan(50);
    const [a, b] = await Promise.all([answers(whole, all), answers(split, all)]);
    let withResults = 0;
    for (let i = 0; i < all.length; i++) {
      expect({ query: all[i], ...b[i]! }).toEqual({ query: all[i], ...a[i]! });
      if (a[i]!.urls.length > 0) withResults++;
    }
    // Most queries find something, so the comparison is not one of empty lists.
    expect(withResults).toBeGreaterThan(all.length * 0.8);
  });

  it("shows the same results on the search page's own form, newest first", async () => {
    const titles = async (site: ServedSite, query: string): Promise<string[]> => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${site.url}suche/?${query}`);
      // The status line says how many were found once the search has run.
      await expect.poll(() => page.locator('#search-status').textContent()).not.toBe('');
      const found = Number(/\d+/.exec((await page.locator('#search-status').textContent()) ?? '')?.[0] ?? 0);
      await expect.poll(() => page.locator('#search-results li').count()).toBe(Math.min(found, 20));
      const shown = await page.locator('#search-results h2').allTextContents();
      const days = await page.locator('#search-results time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
      expect([...days].sort().reverse()).toEqual(days);
      expect(errors).toEqual([]);
      await context.close();
      return shown;
    };
    for (const query of ['q=Rathaus', 'q=Breitbandausbau', 'region=Potsdam', 'year=2024', 'q=digital&region=Cottbus']) {
      const expected = await titles(whole, query);
      expect(expected.length).toBeGreaterThan(0);
      expect(await titles(split, query)).toEqual(expected);
    }
  });
});
