import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, BASE_PATH, fixtureArticles, launchBrowser, PAGES, serveReadersSite, type ServedSite, type TestBrowser } from './readers-site.js';

let site: ServedSite;
let browser: TestBrowser;

beforeAll(async () => {
  site = await serveReadersSite();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A decoded picture: its size, the RGB of a pixel, and how much a region varies (0: one flat colour). */
async function pixels(png: Buffer): Promise<{ width: number; height: number; at(x: number, y: number): number[]; spread(box: Box): number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number): number[] => {
    const i = (Math.min(info.height - 1, Math.floor(y)) * info.width + Math.min(info.width - 1, Math.floor(x))) * info.channels;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
  const spread = (box: Box): number => {
    let max = 0;
    const first = at(box.x, box.y);
    for (let y = Math.floor(box.y); y < box.y + box.height; y += 2) {
      for (let x = Math.floor(box.x); x < box.x + box.width; x += 2) {
        const p = at(x, y);
        max = Math.max(max, ...p.map((v, c) => Math.abs(v - first[c]!)));
      }
    }
    return max;
  };
  return { width: info.width, height: info.height, at, spread };
}

/** Fails the test on any request that leaves the test server. */
async function openPage(options: Parameters<TestBrowser['newContext']>[0] = {}): Promise<{ page: Page; foreign: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const foreign: string[] = [];
  const origin = new URL(site.url).origin;
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  return { page, foreign, close: () => context.close() };
}

describe('reading the site in Chromium', () => {
  it('navigates home → region → article → back', async () => {
    const { page, foreign, close } = await openPage();
    await page.goto(site.url);
    expect(await page.title()).toBe('Stadtbote Testhausen');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Regionen' }).click();
    await page.waitForURL(`${site.url}regionen/`);
    await page.getByRole('main').getByRole('link', { name: 'Cottbus' }).click();
    await page.waitForURL(`${site.url}regionen/cottbus/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Cottbus');
    const first = page.getByRole('main').locator('.news-item h2 a').first();
    const title = (await first.textContent())!;
    expect(title).toContain('Cottbus');
    await first.click();
    await page.waitForURL(/\/presse\/\d{4}\/\d\d-\d\d-[^/]+\/$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await page.goBack();
    await page.waitForURL(`${site.url}regionen/cottbus/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Cottbus');
    expect(foreign).toEqual([]);
    await close();
  });

  it('pages through the home page with next and previous', async () => {
    const { page, close } = await openPage();
    await page.goto(site.url);
    const pagination = page.getByRole('navigation', { name: 'Seitennavigation' });
    await expect(pagination.textContent()).resolves.toContain('Seite 1 von 6');
    const firstOnPage1 = await page.locator('.news-item h2 a').first().textContent();
    await pagination.getByRole('link', { name: 'Nächste Seite' }).click();
    await page.waitForURL(`${site.url}seite/2/`);
    await expect(pagination.textContent()).resolves.toContain('Seite 2 von 6');
    const firstOnPage2 = await page.locator('.news-item h2 a').first().textContent();
    expect(firstOnPage2).not.toBe(firstOnPage1);
    await pagination.getByRole('link', { name: 'Vorherige Seite' }).click();
    await page.waitForURL(site.url);
    expect(await page.locator('.news-item h2 a').first().textContent()).toBe(firstOnPage1);
    await close();
  });

  it('shows results while typing and when a filter changes, without pressing Enter', async () => {
    const { page, foreign, close } = await openPage();
    await page.goto(`${site.url}suche/`);
    await page.getByLabel('Suchbegriff').pressSequentially('Rathaus', { delay: 20 });
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe(`${fixtureArticles().length} Treffer`);
    expect(page.url()).toContain('q=Rathaus');
    await page.getByLabel('Region').selectOption('Potsdam');
    const potsdam = fixtureArticles().filter((a) => a.region === 'Potsdam').length;
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe(`${potsdam} Treffer`);
    await expect.poll(() => page.locator('#search-results li').count()).toBe(potsdam);
    expect(foreign).toEqual([]);
    await close();
  });

  it('searches with a region filter, newest first, under the base path', async () => {
    const { page, foreign, close } = await openPage();
    await page.goto(`${site.url}suche/`);
    // Every fixture article mentions the Rathaus; the filter must keep exactly the Potsdam ones.
    await page.getByLabel('Suchbegriff').fill('Rathaus');
    await page.getByLabel('Region').selectOption('Potsdam');
    await page.getByRole('button', { name: 'Suchen' }).click();
    const expected = fixtureArticles().filter((a) => a.region === 'Potsdam');
    expect(expected.length).toBeGreaterThan(5);
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toBe(`${expected.length} Treffer`);
    const items = page.locator('#search-results li');
    // Typing, the filter and the button each start a search; the list is read once the last one has shown its results.
    const read = () =>
      items.evaluateAll((els) =>
        els.map((li) => ({ day: li.querySelector('time')?.getAttribute('datetime'), title: li.querySelector('h2 a')?.textContent, href: li.querySelector('h2 a')?.getAttribute('href'), meta: li.querySelector('.meta')?.textContent })),
      );
    await expect.poll(async () => (await read()).map((s) => ({ day: s.day, title: s.title }))).toEqual(expected.map((a) => ({ day: a.day, title: a.title })));
    const shown = await read();
    for (const s of shown) {
      expect(s.meta).toContain('Potsdam');
      expect(s.href).toMatch(new RegExp(`^${BASE_PATH}\\d{4}/\\d\\d-\\d\\d-`));
    }
    // The last search may still be filling in its list (same titles, new items): wait for the highlight, as a reader would see it.
    await expect.poll(() => items.first().locator('.excerpt mark').count()).toBeGreaterThan(0);
    // The query is in the address, so the results survive a reload and can be shared.
    expect(page.url()).toContain('q=Rathaus');
    expect(page.url()).toContain('region=Potsdam');
    await items.first().locator('h2 a').click();
    await page.waitForURL(/\/presse\/\d{4}\//);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(expected[0]!.title);
    expect(foreign).toEqual([]);
    await close();
  });

  it('shows long result lists in steps and moves focus to the first new result', async () => {
    const { page, close } = await openPage();
    await page.goto(`${site.url}suche/?q=Rathaus`);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('30 Treffer');
    const items = page.locator('#search-results li');
    await expect.poll(() => items.count()).toBe(20);
    await page.getByRole('button', { name: 'mehr…' }).click();
    await expect.poll(() => items.count()).toBe(30);
    expect(await page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('#search-results li')[20])).toBe(true);
    expect(await page.getByRole('button', { name: 'mehr…' }).isVisible()).toBe(false);
    await close();
  });

  it('filters by topic with the topic select, and keeps the topic in the address', async () => {
    const { page, close } = await openPage();
    await page.goto(`${site.url}suche/`);
    await page.getByLabel('Thema').selectOption('Breitband');
    // The fixture's Breitband topic is on exactly the articles with "Breitband" in the title.
    const expected = fixtureArticles().filter((a) => a.title.includes('Breitband'));
    expect(expected.length).toBeGreaterThan(1);
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`${expected.length} Treffer`);
    await expect.poll(() => page.locator('#search-results h2 a').evaluateAll((els) => els.map((e) => e.textContent))).toEqual(expected.map((a) => a.title));
    expect(page.url()).toContain('topic=Breitband');
    await close();
  });

  it('filters by year and never finds drafts', async () => {
    const { page, close } = await openPage();
    await page.goto(`${site.url}suche/?year=2024`);
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toBe('10 Treffer');
    const days = await page.locator('#search-results time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    expect(days.every((d) => d?.startsWith('2024-'))).toBe(true);
    await page.goto(`${site.url}suche/?q=Zauberwort`);
    await expect.poll(() => status.textContent()).toBe('Keine Treffer.');
    await close();
  });

  it('reads without JavaScript', async () => {
    const { page, close } = await openPage({ javaScriptEnabled: false });
    await page.goto(site.url);
    expect(await page.locator('.news-item').count()).toBe(5);
    await page.goto(`${site.url}regionen/potsdam/`);
    expect(await page.locator('.news-item').count()).toBeGreaterThan(0);
    const href = await page.locator('.news-item h2 a').first().getAttribute('href');
    await page.goto(new URL(href!, site.url).href);
    expect(await page.locator('.article .body p').count()).toBeGreaterThan(0);
    await page.goto(`${site.url}suche/`);
    const notice = page.getByText('Die Suche benötigt JavaScript');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.getByRole('link', { name: 'Archiv' }).getAttribute('href')).toBe(`${BASE_PATH}archiv/`);
    expect(await page.locator('#search-form').isVisible()).toBe(false);
    await close();
  });

  it('leads keyboard users to the content with a visible skip link and focus', async () => {
    const { page, close } = await openPage();
    await page.goto(site.url);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => ({ text: document.activeElement?.textContent, href: document.activeElement?.getAttribute('href') }));
    expect(skip).toEqual({ text: 'Zum Inhalt springen', href: '#inhalt' });
    const box = await page.locator('.skip-link').boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhalt');
    // The next Tab continues inside the content, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await close();
  });

  const pagesToFit = [PAGES.home, PAGES.regions, PAGES.archive, PAGES.search, PAGES.articleWithImage, PAGES.articleWithoutImage, PAGES.impressum];

  it.each([
    ['320 px', { viewport: { width: 320, height: 640 } }],
    // 200 % zoom of a 1280 px window: the layout sees 640 CSS pixels at twice the density.
    ['200 % zoom', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
  ])('does not scroll sideways at %s', async (_label, options) => {
    const { page, close } = await openPage(options);
    for (const p of pagesToFit) {
      await page.goto(site.url + p);
      const size = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(size.scroll, `${p || 'home'} scrolls sideways`).toBeLessThanOrEqual(size.client);
    }
    await close();
  });

  // The screenshots are kept in test/artifacts for people; the test asserts what they must show:
  // the picture is the whole page at the viewport's width, the column sits where the layout puts it
  // (full width on a phone, a centred 48rem column on a desktop with empty margins), the heading is
  // drawn, the article photo shows the photo's own colours, and the search page shows its results.
  // It waits on what the page must show (image decoded, results listed), never on time.
  it.each([375, 1280])('screenshots at %i px show the layout, the photo and the search results', async (width) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const photo = await pixels(readFileSync(path.join(site.root, 'content', 'bilder', 'rathaus.png')));
    const { page, close } = await openPage({ viewport: { width, height: 900 } });
    for (const [name, p] of [['home', PAGES.home], ['article', PAGES.articleWithImage], ['search', PAGES.search]] as const) {
      await page.goto(site.url + p);
      if (name === 'article') await page.locator('.article-image img').evaluate((img: HTMLImageElement) => img.decode());
      if (name === 'search') {
        await page.locator('#search-results li').first().waitFor();
        await page.getByRole('status').filter({ hasText: /Treffer/ }).waitFor();
      }
      const shot = await pixels(await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage: true }));
      const layout = await page.evaluate(() => {
        const box = (selector: string) => {
          const r = document.querySelector(selector)!.getBoundingClientRect();
          return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
        };
        return { height: document.documentElement.scrollHeight, main: box('main'), h1: box('h1') };
      });
      const where = `${name} at ${width} px`;
      expect([shot.width, shot.height], where).toEqual([width, layout.height]);
      if (width < 768) expect([layout.main.x, layout.main.width], where).toEqual([0, width]);
      else {
        expect(layout.main.width, where).toBe(768);
        expect(layout.main.x, where).toBe((width - 768) / 2);
        // The margins beside the column are empty page background.
        // (2 px inside main's box: the borders of header and footer touch its edges).
        expect(shot.spread({ x: 0, y: layout.main.y + 2, width: layout.main.x - 1, height: layout.main.height - 4 }), `${where}: left margin`).toBeLessThan(1);
      }
      expect(shot.spread(layout.h1), `${where}: heading drawn`).toBeGreaterThan(20);
      if (name === 'article') {
        const img = await page.locator('.article-image img').evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
        });
        // Shown whole: inside the column, in the photo's own proportions.
        expect(img.x + img.width, where).toBeLessThanOrEqual(layout.main.x + layout.main.width);
        expect(img.width / img.height, where).toBeCloseTo(photo.width / photo.height, 1);
        // Sky, roof and wall of the drawn town hall, where the photo has them.
        for (const [fx, fy] of [[0.05, 0.1], [0.5, 0.3], [0.5, 0.7]] as const) {
          const seen = shot.at(img.x + fx * img.width, img.y + fy * img.height);
          const expected = photo.at(fx * photo.width, fy * photo.height);
          seen.forEach((v, c) => expect(Math.abs(v - expected[c]!), `${where}: photo colour at ${fx},${fy}`).toBeLessThan(16));
        }
      }
      if (name === 'search') {
        const results = await page.locator('#search-results').boundingBox();
        expect(results && results.height, where).toBeGreaterThan(20);
        expect(shot.spread({ ...results!, y: results!.y + (await page.evaluate(() => scrollY)) }), `${where}: results drawn`).toBeGreaterThan(20);
      }
    }
    await close();
  });
});
