import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PAGES, serveReadersSite, type ServedSite, type TestBrowser } from './readers-site.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * The readers fixture with the municipal look switched on: a coat of arms from the content folder
 * (published with WebP variants), a brand colour close to the AA limit (4.65:1 on the footer's grey) and list thumbnails.
 */
const LOOK_CONFIG = 'logo:\n  src: /bilder/rathaus.png\n  alt: "Wappen der Stadt Testhausen"\nbrand:\n  color: "#2e7d32"\nlistThumbnails: true';

let site: ServedSite;
let lookSite: ServedSite;
let browser: TestBrowser;

beforeAll(async () => {
  site = await serveReadersSite();
  lookSite = await serveReadersSite({ config: LOOK_CONFIG });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await lookSite?.close();
});

/** axe-core's WCAG 2.1 A/AA rules on a page, in a readable form for failure messages. */
async function violationsOf(path: string, width: number, served: ServedSite = site): Promise<{ status: number; violations: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const response = await page.goto(served.url + path);
  if (path.startsWith('suche/')) await page.waitForFunction(() => /Treffer/.test(document.getElementById('search-status')?.textContent ?? ''));
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[]; passes: unknown[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, WCAG_21_AA);
  await context.close();
  return {
    status: response?.status() ?? 0,
    violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  };
}

describe('WCAG 2.1 A/AA with axe-core in Chromium', () => {
  const cases = Object.entries(PAGES);
  it.each(cases)('%s has no violations on a phone and a desktop', async (name, path) => {
    for (const width of [375, 1280]) {
      const { status, violations } = await violationsOf(path, width);
      expect(status).toBe(name === 'notFound' ? 404 : 200);
      expect(violations, `${name} at ${width}px`).toEqual([]);
    }
  });

  it.each(cases)('%s has no violations with logo, brand colour and thumbnails on', async (name, path) => {
    for (const width of [375, 1280]) {
      const { status, violations } = await violationsOf(path, width, lookSite);
      expect(status).toBe(name === 'notFound' ? 404 : 200);
      expect(violations, `${name} at ${width}px`).toEqual([]);
    }
  });

  it('the look site really shows logo, brand colour and thumbnails (what the cases above checked)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(lookSite.url);
    const logo = page.locator('.site-header img.site-logo');
    expect(await logo.getAttribute('alt')).toBe('Wappen der Stadt Testhausen');
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // The header bar is painted in the configured colour, through the generated stylesheet.
    expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(46, 125, 50)');
    // The fixture's one photo is in July 2023.
    await page.goto(lookSite.url + PAGES.month);
    const thumb = page.locator('main img.thumb');
    expect(await thumb.count()).toBe(1);
    expect(await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await context.close();
  });

  it('the look site fits a 320 px phone: logo, header search, thumbnails and the archive grid scroll nothing sideways', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const p of [PAGES.home, PAGES.month, PAGES.archive, PAGES.articleWithImage]) {
      await page.goto(lookSite.url + p);
      const size = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(size.scroll, `${p || 'home'} scrolls sideways`).toBeLessThanOrEqual(size.client);
    }
    await context.close();
  });

  it('the header search sends the query to the search page, which shows its results', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(lookSite.url + PAGES.month);
    const search = page.getByRole('search', { name: 'Website durchsuchen' });
    await search.getByRole('searchbox', { name: 'Suchbegriff' }).fill('Rathaus');
    await search.getByRole('searchbox').press('Enter');
    await page.waitForURL(/\/suche\/\?q=Rathaus$/);
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/^\d+ Treffer$/);
    expect(await page.locator('#search-q').inputValue()).toBe('Rathaus');
    await context.close();
  });

  it('catches a real violation (the check is not vacuous)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main')!.append(img);
    });
    await page.addScriptTag({ content: AXE_SOURCE });
    const ids = await page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations.map((v) => v.id);
    }, WCAG_21_AA);
    expect(ids).toContain('image-alt');
    await context.close();
  });
});
