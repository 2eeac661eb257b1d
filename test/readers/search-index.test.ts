import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { searchIndexRuns } from '../../src/search/pagefind.js';
import { buildSite, cleanup, copyFixture, readTree, runCli } from '../helpers.js';

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

/** The indexed records, decoded from Pagefind's gzip-compressed fragment files. */
function fragments(dist: string): Fragment[] {
  const tree = readTree(path.join(dist, 'pagefind'));
  return [...tree]
    .filter(([rel]) => rel.startsWith('fragment/'))
    .map(([, bytes]) => JSON.parse(gunzipSync(bytes).toString('utf8').replace(/^pagefind_dcd/, '')) as Fragment);
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) cleanup(d);
});
function site(): string {
  const root = copyFixture('readers-site');
  dirs.push(root);
  return root;
}

describe('search index (Pagefind)', () => {
  it('indexes every published article with title, body, region and year, and nothing else', async () => {
    const root = site();
    const report = await buildSite(root, { baseUrl: 'https://example.org/presse/' });
    const dist = path.join(root, 'dist');
    expect(existsSync(path.join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
    // Pagefind's own UIs are not shipped: the theme has its own accessible search page.
    expect(existsSync(path.join(dist, 'pagefind', 'pagefind-ui.js'))).toBe(false);
    const entry = JSON.parse(readFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['de']);
    expect(entry.languages.de!.page_count).toBe(report.articles);

    const records = fragments(dist);
    expect(records).toHaveLength(30);
    const article = records.find((r) => r.url === '/2023/07-17-breitbandausbau-kommt-voran-in-cottbus/');
    expect(article).toBeDefined();
    expect(article!.meta.title).toBe('Breitbandausbau kommt voran in Cottbus');
    expect(article!.meta.day).toBe('2023-07-17');
    expect(article!.filters).toEqual({ region: ['Cottbus'], topic: ['Breitband'], year: ['2023'] });
    expect(article!.content).toContain('Der Breitbandausbau erreicht weitere Ortsteile'); // teaser
    expect(article!.content).toContain('Arbeiten in den Ortsteilen laufen nach Plan'); // body
    // Navigation and hidden filter values are not searchable text.
    expect(article!.content).not.toContain('Startseite');
    // Drafts and standalone pages are never indexed.
    expect(records.some((r) => r.content.includes('Zauberwort'))).toBe(false);
    expect(records.some((r) => r.url.includes('impressum'))).toBe(false);
    // The search page itself is generated with filters from the articles.
    const searchPage = readFileSync(path.join(dist, 'suche', 'index.html'), 'utf8');
    expect(searchPage).toContain('<option>Frankfurt (Oder)</option>');
    expect(searchPage).toContain('<option>2023</option>');
    expect(searchPage).toContain('data-bundle="/presse/pagefind/pagefind.js"');
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toContain('href="/presse/suche/"');
  });

  it('is byte-identical across builds', async () => {
    const a = site();
    const b = site();
    await buildSite(a);
    await buildSite(b, { noCache: true });
    const treeA = readTree(path.join(a, 'dist', 'pagefind'));
    const treeB = readTree(path.join(b, 'dist', 'pagefind'));
    expect([...treeB.keys()]).toEqual([...treeA.keys()]);
    for (const [rel, bytes] of treeA) expect(treeB.get(rel)!.equals(bytes), rel).toBe(true);
  });

  it('is kept when the published articles did not change, rebuilt when one did', async () => {
    const root = site();
    await buildSite(root);
    const runs = searchIndexRuns();
    const before = readTree(path.join(root, 'dist', 'pagefind'));
    const second = await buildSite(root);
    expect(searchIndexRuns()).toBe(runs);
    expect(second.write?.written).toBe(0);
    expect(readTree(path.join(root, 'dist', 'pagefind'))).toEqual(before);

    const file = path.join(root, 'content', '2023', '2023-07-17-meldung-8.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('nach Plan', 'nach Plan, sagt die Ortsvorsteherin Quastenflosser'));
    await buildSite(root);
    expect(searchIndexRuns()).toBe(runs + 1);
    expect(fragments(path.join(root, 'dist')).some((r) => r.content.includes('Quastenflosser'))).toBe(true);
  });

  it('is kept through a template edit outside the indexed element, rebuilt by one inside it — the same bundle as a build from scratch', async () => {
    const root = site();
    await buildSite(root);
    const runs = searchIndexRuns();
    // A footer line on every page (layouts/base.liquid): every article page changes, nothing Pagefind reads of it does.
    const base = readFileSync(path.join(import.meta.dirname, '../../templates/layouts/base.liquid'), 'utf8');
    mkdirSync(path.join(root, 'templates', 'layouts'), { recursive: true });
    writeFileSync(path.join(root, 'templates', 'layouts', 'base.liquid'), base.replace('</body>', '<p>Stand der Vorlage: Fassung 2</p>\n</body>'));
    const footer = await buildSite(root);
    expect(footer.cache).toBe('stale');
    expect(footer.searchIndex).toMatchObject({ status: 'kept', indexedParts: 0 });
    expect(searchIndexRuns()).toBe(runs);
    const articlePages = [...readTree(path.join(root, 'dist'))].filter(([rel]) => /^\d{4}\/\d\d-\d\d-[^/]+\/index\.html$/.test(rel));
    expect(articlePages.length).toBeGreaterThan(5);
    for (const [rel, bytes] of articlePages) expect(bytes.toString('utf8'), rel).toContain('Fassung 2');
    const cold = await buildSite(root, { noCache: true, out: path.join(root, 'cold') });
    expect(cold.searchIndex?.status).toBe('indexed');
    expect(readTree(path.join(root, 'dist', 'pagefind'))).toEqual(readTree(path.join(root, 'cold', 'pagefind')));
    // A word in the article template's indexed element changes what Pagefind reads: indexed again.
    const article = readFileSync(path.join(import.meta.dirname, '../../templates/article.liquid'), 'utf8');
    writeFileSync(path.join(root, 'templates', 'article.liquid'), article.replace('<h1 data-pagefind-meta="title">', '<p>Quastenflosser</p><h1 data-pagefind-meta="title">'));
    const inside = await buildSite(root);
    expect(inside.searchIndex?.status).toBe('indexed');
    expect(fragments(path.join(root, 'dist')).every((r) => r.content.includes('Quastenflosser'))).toBe(true);
  }, 120_000);

  /** Whether the search script is published (under its content-hashed name, search.<8 hex>.js). */
  const hasSearchScript = (root: string): boolean => readdirSync(path.join(root, 'dist', 'assets')).some((f) => /^search\.[0-9a-f]{8}\.js$/.test(f));

  it('is skipped with search: false, and the search page and link go away', async () => {
    const root = site();
    await buildSite(root);
    expect(existsSync(path.join(root, 'dist', 'pagefind'))).toBe(true);
    expect(hasSearchScript(root)).toBe(true);
    const runs = searchIndexRuns();
    await buildSite(root, { search: false });
    expect(searchIndexRuns()).toBe(runs);
    expect(existsSync(path.join(root, 'dist', 'pagefind'))).toBe(false);
    expect(existsSync(path.join(root, 'dist', 'suche'))).toBe(false);
    expect(hasSearchScript(root)).toBe(false);
    expect(readFileSync(path.join(root, 'dist', 'index.html'), 'utf8')).not.toContain('/suche/');
  });

  it('is skipped by `stadtbote build --no-search`', () => {
    const root = site();
    const r = runCli(['build', '--root', root, '--no-search']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(root, 'dist', 'index.html'))).toBe(true);
    expect(existsSync(path.join(root, 'dist', 'pagefind'))).toBe(false);
    expect(existsSync(path.join(root, 'dist', 'suche'))).toBe(false);
  });
});
