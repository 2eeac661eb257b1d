import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PAGES, serveReadersSite, type ServedSite, type TestBrowser } from './readers-site.js';

let site: ServedSite;
let browser: TestBrowser;

beforeAll(async () => {
  site = await serveReadersSite({ search: false });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('no request of a page fails (Lighthouse best practices: no 404 in the console)', () => {
  it('pages load their icons, stylesheet and images under the base path, with no 4xx and no failed request', async () => {
    const context = await browser.newContext();
    const failures: string[] = [];
    const icons = new Set<string>();
    context.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
      if (/\/(favicon\.(ico|svg)|apple-touch-icon\.png)$/.test(r.url())) icons.add(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    context.on('requestfailed', (r) => failures.push(`${r.failure()?.errorText ?? 'failed'} ${r.url()}`));
    const page = await context.newPage();
    for (const key of ['home', 'articleWithImage', 'articleWithoutImage', 'archive', 'region'] as const) {
      // Until the network is quiet: the icon and lazy images load after `load`, and leaving earlier would abort them.
      await page.goto(site.url + PAGES[key], { waitUntil: 'networkidle' });
    }
    // The browser asks for the linked icons itself; each one must be there.
    for (const href of await page.locator('link[rel=icon], link[rel=apple-touch-icon]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href))) {
      const r = await page.request.get(href);
      expect([href, r.status()]).toEqual([href, 200]);
    }
    expect((await page.request.get(`${site.url}favicon.ico`)).status()).toBe(200);
    expect(failures).toEqual([]);
    expect([...icons].every((i) => i.startsWith('200 /presse/'))).toBe(true);
    await context.close();
  });
});
