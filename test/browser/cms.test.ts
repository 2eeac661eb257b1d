import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/content/frontmatter.js';
import { article, cleanup, makeSite, runCli } from '../helpers.js';

const CLI = fileURLToPath(new URL('../../bin/stadtbote.js', import.meta.url));
const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
const TITLE = 'Bürgerbüro öffnet länger';
const NEW_FILE = 'content/2025/2025-03-14-buergerbuero-oeffnet-laenger.md';

/** `stadtbote dev --cms` as an editor starts it, on free ports; resolves with the two addresses it prints. */
async function startDevCms(root: string): Promise<{ child: ChildProcess; site: string; admin: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, 'dev', '--cms', '--port', '0', '--cms-port', '0', '--root', root], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const addresses = await new Promise<{ site: string; admin: string }>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString('utf8');
      const site = /dev server: (http:\S+)/.exec(output)?.[1];
      const admin = /Web editor: (http:\S+)/.exec(output)?.[1];
      if (site && admin) resolve({ site, admin });
    });
    child.once('exit', (code) => reject(new Error(`dev --cms exited with ${String(code)}: ${output}`)));
  });
  return { child, ...addresses, output: () => output };
}

/** Whether something accepts connections on a loopback port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Opens the editor, logging in to the local backend (a button, no account) unless the session still is. */
async function openEditor(context: BrowserContext, admin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(admin);
  const login = page.getByRole('button', { name: 'Login' });
  const articles = page.getByRole('heading', { name: 'Meldungen' });
  await login.or(articles).first().waitFor();
  if (await login.isVisible()) await login.click();
  await articles.waitFor();
  return page;
}

/** Fills the new-article form; `alt` undefined leaves the alt text empty, `image` undefined leaves out the image. */
async function fillArticle(page: Page, admin: string, image: string | undefined, fields: { title: string; alt?: string }): Promise<void> {
  await page.goto(`${admin}#/collections/articles/new`);
  await page.locator('[id^="title-field-"]').fill(fields.title);
  await page.locator('[id^="date-field-"]').fill('2025-03-14');
  await page.locator('[id^="region-field-"]').click();
  await page.getByRole('option', { name: 'Potsdam', exact: true }).click();
  await page.locator('[id^="teaser-field-"]').fill('Das Bürgerbüro hat ab März auch samstags geöffnet.');
  if (image === undefined) {
    // A caption typed and deleted again stays in Decap's data as "": it must not reach the file.
    await page.locator('[id^="caption-field-"]').fill('x');
    await page.locator('[id^="caption-field-"]').fill('');
    return;
  }
  await page.getByText('Wähle ein Bild').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('Hochladen', { exact: true }).click();
  await (await chooser).setFiles(image);
  // The upload is selected when it is done: then the button to use it becomes enabled.
  await page.getByRole('button', { name: 'Ausgewähltes Element verwenden' }).click();
  if (fields.alt !== undefined) await page.locator('[id^="alt-field-"]').fill(fields.alt);
  await page.locator('[id^="caption-field-"]').fill('Das Bürgerbüro am Markt');
  await page.locator('[id^="credit-field-"]').fill('Landeshauptstadt Potsdam');
}

async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await page.getByText('Jetzt veröffentlichen').click();
}

describe('the web editor (Decap CMS) with stadtbote dev --cms in Chromium', () => {
  let root: string;
  let dev: Awaited<ReturnType<typeof startDevCms>>;
  let browser: Browser;
  let context: BrowserContext;
  const requests: string[] = [];
  let image: string;

  beforeAll(async () => {
    root = makeSite({
      'stadtbote.config.yaml': 'title: Testbote\nsearch: false\ncms: true\nregions: [Cottbus, Potsdam]\nfooterLinks: []\n',
      'content/2025/2025-02-13-digitalstrategie.md': article({ title: 'Neue Digitalstrategie' }),
      'content/pages/impressum.md': '---\ntitle: Impressum\n---\nAngaben gemäß § 5 DDG.\n',
    });
    image = path.join(root, 'eingang.jpg');
    await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 40, g: 90, b: 160 } } }).jpeg().toFile(image);
    dev = await startDevCms(root);
    browser = await chromium.launch(LAUNCH);
    context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1400, height: 1000 } });
    context.on('request', (r) => requests.push(r.url()));
  });
  afterAll(async () => {
    await browser?.close();
    if (dev?.child.exitCode === null) dev.child.kill();
    cleanup(root);
  });

  it('serves /admin/ with the generated config and the local backend, and lists articles without the pages', async () => {
    const config = await (await fetch(`${dev.admin}config.yml`)).text();
    expect(config).toContain('locale: de');
    expect(config).toMatch(/local_backend:\n\s+url: http:\/\/127\.0\.0\.1:\d+\/api\/v1/);
    expect(config).toMatch(/options:\n\s+- Cottbus\n\s+- Potsdam/);
    const page = await openEditor(context, dev.admin);
    await expect.poll(() => page.getByText('Neue Digitalstrategie').count()).toBe(1);
    await page.getByRole('link', { name: 'Seiten' }).click();
    await page.getByRole('link', { name: 'Impressum' }).waitFor();
    await page.getByRole('link', { name: 'Meldungen' }).first().click();
    await page.getByRole('link', { name: /Neue Digitalstrategie/ }).waitFor();
    expect(await page.getByRole('link', { name: /Impressum/ }).count()).toBe(0);
    await page.close();
  });

  it('refuses to save an article whose image has no alt text, and writes nothing', async () => {
    const page = await openEditor(context, dev.admin);
    await fillArticle(page, dev.admin, image, { title: 'Ohne Alternativtext' });
    await publish(page);
    await page.getByText(/Fehlt: Alternativtext/i).waitFor();
    await page.getByText('einige zwingend erforderliche Felder sind nicht ausgefüllt').waitFor();
    expect(readdirSync(path.join(root, 'content/2025')).filter((f) => f.includes('alternativtext'))).toEqual([]);
    await page.close();
  });

  it('saves an article without an image (the image and its required parts are optional together)', async () => {
    const page = await openEditor(context, dev.admin);
    await fillArticle(page, dev.admin, undefined, { title: 'Ohne Bild' });
    await publish(page);
    const file = path.join(root, 'content/2025/2025-03-14-ohne-bild.md');
    await expect.poll(() => (existsSync(file) ? readFileSync(file, 'utf8') : ''), { timeout: 30_000 }).toMatch(/^slug: ohne-bild$/m);
    const { data } = parseFrontmatter(readFileSync(file, 'utf8'));
    expect(data).toEqual({ title: 'Ohne Bild', date: '2025-03-14', region: 'Potsdam', teaser: 'Das Bürgerbüro hat ab März auch samstags geöffnet.', slug: 'ohne-bild' });
    await page.close();
  });

  it('creates an article through the form: valid Markdown in content/, check passes, the preview shows it', async () => {
    const page = await openEditor(context, dev.admin);
    await fillArticle(page, dev.admin, image, { title: TITLE, alt: 'Eingang des Bürgerbüros mit Rampe' });

    // The preview pane uses the site's stylesheet and shows the article as the theme does.
    const preview = page.frameLocator('#preview-pane');
    await expect.poll(() => preview.locator('h1').textContent()).toBe(TITLE);
    expect(await preview.locator('p.meta').textContent()).toContain('Veröffentlicht am 14.03.2025 · Potsdam');
    expect(await preview.locator('figure.article-image figcaption').textContent()).toBe('Das Bürgerbüro am Markt (Bildquelle: Landeshauptstadt Potsdam)');
    expect(await preview.locator('figure img').getAttribute('alt')).toBe('Eingang des Bürgerbüros mit Rampe');
    expect(await preview.locator('link[href="/assets/stadtbote.css"]').count()).toBe(1);

    await publish(page);
    const file = path.join(root, NEW_FILE);
    // decap-server writes the file in place: wait until it is complete, then read it once more.
    const frontmatter = (): Record<string, unknown> | undefined => {
      try {
        return existsSync(file) ? parseFrontmatter(readFileSync(file, 'utf8')).data : undefined;
      } catch {
        return undefined;
      }
    };
    await expect.poll(() => frontmatter()?.slug, { timeout: 30_000 }).toBe('buergerbuero-oeffnet-laenger');
    const data = frontmatter();
    expect(data).toEqual({
      title: TITLE,
      date: '2025-03-14',
      region: 'Potsdam',
      teaser: 'Das Bürgerbüro hat ab März auch samstags geöffnet.',
      image: { src: 'eingang.jpg', alt: 'Eingang des Bürgerbüros mit Rampe', caption: 'Das Bürgerbüro am Markt', credit: 'Landeshauptstadt Potsdam' },
      slug: 'buergerbuero-oeffnet-laenger',
    });
    expect(readFileSync(path.join(root, 'content/2025/eingang.jpg')).equals(readFileSync(image))).toBe(true);

    const check = runCli(['check', '--root', root]);
    // No error and not even a warning (an unknown key, an empty field) about the new file.
    expect(check.stderr + check.stdout).not.toContain('buergerbuero');
    expect(check.code).toBe(0);

    // The dev server rebuilt on its own: the new article's page is there, with its image.
    const articleUrl = `${dev.site}2025/03-14-buergerbuero-oeffnet-laenger/`;
    await expect.poll(async () => (await fetch(articleUrl)).status, { timeout: 30_000 }).toBe(200);
    const sitePage = await context.newPage();
    await sitePage.goto(articleUrl);
    expect(await sitePage.locator('h1').textContent()).toBe(TITLE);
    expect(await sitePage.locator('figure.article-image img').getAttribute('alt')).toBe('Eingang des Bürgerbüros mit Rampe');
    await sitePage.close();
    await page.close();
  });

  it('makes no request to another host', () => {
    const admin = requests.filter((u) => u.includes('/admin/'));
    expect(admin.length).toBeGreaterThan(10);
    // The preview pane loaded the site's own stylesheet.
    expect(requests).toContain(`${dev.site}assets/stadtbote.css`);
    const elsewhere = requests.filter((u) => {
      const url = new URL(u);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1';
    });
    expect(elsewhere).toEqual([]);
  });

  it('stops decap-server with the dev server', async () => {
    const config = await (await fetch(`${dev.admin}config.yml`)).text();
    const port = Number(/local_backend:\n\s+url: http:\/\/127\.0\.0\.1:(\d+)\//.exec(config)?.[1]);
    expect(await listening(port)).toBe(true);
    const exited = new Promise((resolve) => dev.child.once('exit', resolve));
    dev.child.kill('SIGTERM');
    await exited;
    expect(await listening(port)).toBe(false);
  });
});
