import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/server.js';
import { article, cleanup, makeSite, runCli } from '../helpers.js';

const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

describe('stadtbote dev in a real browser', () => {
  let root: string;
  let server: DevServer;
  let browser: Browser;
  const file = (): string => path.join(root, 'content/2025/2025-02-13-digitalstrategie.md');

  beforeAll(async () => {
    root = makeSite({
      'stadtbote.config.yaml': 'title: Testbote\nsearch: false\n',
      'content/2025/2025-02-13-digitalstrategie.md': article({ title: 'Neue Digitalstrategie', slug: 'digitalstrategie' }, 'Die Stadt stellt ihre Strategie vor.'),
      'content/2025/2025-02-10-andere.md': article({ title: 'Andere Meldung', date: '2025-02-10' }),
    });
    server = await startDevServer({ root, port: 0, now: Date.UTC(2026, 0, 1) });
    browser = await chromium.launch(LAUNCH);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    cleanup(root);
  });

  it('shows an edited title in the open tab, shows an overlay for a broken file and removes it after the fix', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(new URL('2025/02-13-digitalstrategie/', server.url).href);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Neue Digitalstrategie');
    // Wait until the tab listens for rebuilds before changing anything on disk.
    await page.waitForFunction(() => (window as unknown as { __stadtboteDevConnected?: boolean }).__stadtboteDevConnected === true);
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));

    writeFileSync(file(), article({ title: 'Digitalstrategie beschlossen', slug: 'digitalstrategie' }, 'Die Stadt stellt ihre Strategie vor.'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Digitalstrategie beschlossen', undefined, { timeout: 30_000 });
    // The test never navigated: the page reloaded itself (which drops the marker).
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBeUndefined();
    await page.waitForFunction(() => (window as unknown as { __stadtboteDevConnected?: boolean }).__stadtboteDevConnected === true);

    writeFileSync(file(), '---\ntitle: "Kaputt\ndate: 2025-02-13\n---\nText\n');
    const overlay = page.getByRole('alert');
    await overlay.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await overlay.textContent();
    expect(text).toContain('content/2025/2025-02-13-digitalstrategie.md:');
    expect(text).toMatch(/2025-02-13-digitalstrategie\.md:\d+/);
    expect(text).toContain('frontmatter');

    // A page opened while the error persists shows the overlay too.
    const second = await browser.newPage();
    await second.goto(server.url);
    await second.getByRole('alert').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await second.getByRole('alert').textContent()).toContain('2025-02-13-digitalstrategie.md');
    await second.close();

    writeFileSync(file(), article({ title: 'Wieder in Ordnung', slug: 'digitalstrategie' }));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Wieder in Ordnung', undefined, { timeout: 30_000 });
    await overlay.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe('new → check → build', () => {
  it('works in sequence on a fresh site', () => {
    const root = makeSite({
      'stadtbote.config.yaml': 'search: false\nregions: [Potsdam, Cottbus]\n',
      'content/pages/impressum.md': '---\ntitle: Impressum\n---\nText.\n',
      'content/pages/datenschutz.md': '---\ntitle: Datenschutz\n---\nText.\n',
      'content/pages/barrierefreiheit.md': '---\ntitle: Barrierefreiheit\n---\nText.\n',
      'content/pages/leichte-sprache.md': '---\ntitle: Leichte Sprache\n---\nText.\n',
    });
    try {
      const created = runCli(['new', 'Bürgerportal startet', '--region', 'Cottbus', '--date', '2025-03-01', '--root', root]);
      expect(created.code).toBe(0);
      expect(created.stdout.trim()).toBe('content/2025/2025-03-01-buergerportal-startet.md');
      const checked = runCli(['check', '--root', root]);
      // The placeholders `new` writes are warnings (errors only with --strict), so nothing goes live unnoticed.
      expect([checked.code, checked.stderr.trim().split('\n').at(-1)]).toEqual([0, '0 errors, 2 warnings']);
      expect(checked.stderr).toContain('[placeholder]');
      const built = runCli(['build', '--root', root]);
      expect(built.code).toBe(0);
      expect(built.stdout).toContain('from 1 article in');
      // A typo is caught by `new` itself; one typed into the file later by check and build alike.
      const typo = runCli(['new', 'Zweite Meldung', '--region', 'Cotbus', '--date', '2025-03-02', '--root', root]);
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain('Did you mean "Cottbus"?');
      const file = path.join(root, 'content/2025/2025-03-01-buergerportal-startet.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('region: "Cottbus"', 'region: "Cotbus"'));
      for (const command of ['check', 'build']) {
        const again = runCli([command, '--root', root]);
        expect(again.code, command).toBe(1);
        expect(again.stderr, command).toMatch(/content\/2025\/2025-03-01-buergerportal-startet\.md:\d+:\d+: error: Region "Cotbus" is not known\. Did you mean "Cottbus"\?/);
      }
    } finally {
      cleanup(root);
    }
  });
});
