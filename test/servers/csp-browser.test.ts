import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../browser/readers-site.js';
import { cleanup } from '../helpers.js';
import { startApache, startNginx, type RunningServer } from './harness.js';
import { buildServedSite, FIRST, type ServedTree } from './site.js';

/**
 * The site in Chromium, served by nginx and by Apache with the generated headers: pages, JSON-LD and Pagefind's
 * search (WebAssembly, its worker) work under the Content-Security-Policy, and nothing is blocked.
 */

let tree: ServedTree;
const servers: Partial<Record<'nginx' | 'apache', RunningServer>> = {};
let browser: TestBrowser;

beforeAll(async () => {
  tree = await buildServedSite();
  servers.nginx = await startNginx(tree.docRoot);
  servers.apache = await startApache(tree.docRoot);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await servers.nginx?.stop();
  await servers.apache?.stop();
  if (tree) {
    cleanup(tree.root);
    cleanup(tree.docRoot);
  }
});

describe.each(['nginx', 'apache'] as const)('the site under its own CSP (%s)', (name) => {
  it('searches with Pagefind and shows pages without a single CSP violation or console error', async () => {
    const context = await browser.newContext();
    // Every violation of the page and of its workers is reported to the page and to the console.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      // A failed load is listed with its address below; the console line names none.
      if ((m.type() === 'error' || m.type() === 'warning') && !m.text().startsWith('Failed to load resource')) problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('response', (r) => {
      // Browsers ask the host root for /favicon.ico when a page names no icon: the host's business, not the site's.
      if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') problems.push(`${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const violations = async (): Promise<string[]> => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

    const origin = servers[name]!.origin;
    let checkedCsp = 0;
    const loaded: string[] = [];
    context.on('response', (r) => {
      loaded.push(new URL(r.url()).pathname);
      if (r.url().startsWith(origin) && r.headers()['content-security-policy']) checkedCsp++;
    });

    for (const path of ['/presse/', FIRST]) {
      await page.goto(origin + path);
      expect(await violations(), path).toEqual([]);
    }
    // The brand colour's stylesheet and the logo came through the CSP: the header is painted and shows the arms.
    expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 90, 156)');
    expect(await page.locator('img.site-logo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // The article's JSON-LD is a data block: present, and not blocked.
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);

    await page.goto(`${origin}/presse/suche/`);
    await page.getByLabel('Suchbegriff').fill('Rathaus');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toBe('2 Treffer');
    await expect.poll(() => page.locator('#search-results li').count()).toBe(2);
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    expect(checkedCsp).toBeGreaterThan(3);
    // Search ran as WebAssembly (allowed by 'wasm-unsafe-eval'), in Pagefind's worker.
    expect(loaded).toContain('/presse/pagefind/pagefind-worker.js');
    expect(loaded.some((p) => /\/presse\/pagefind\/wasm\.\w+\.pagefind$/.test(p))).toBe(true);
    await context.close();
  }, 60_000);

  it('notices a violation when there is one (the listener works)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${servers[name]!.origin}/presse/`);
    const reported = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective));
          const s = document.createElement('script');
          s.textContent = 'window.inline = 1';
          document.body.append(s);
        }),
    );
    expect(reported).toBe('script-src-elem');
    await context.close();
  });
});
