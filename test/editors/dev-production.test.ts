import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevEvent, type DevServer } from '../../src/dev/server.js';
import { article, CLI, cleanup, makeSite } from '../helpers.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request with exactly the path and headers given (Host included), as a browser or an attacker would send it. */
function get(base: string, rawPath: string, headers: Record<string, string> = {}, hostname?: string): Promise<Reply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname ?? url.hostname, port: url.port, path: rawPath, headers, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The first Server-Sent Event of a kind, read from a stream opened before the change. */
function nextEvent(url: string, event: string): { ready: Promise<void>; data: Promise<string> } {
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  const data = new Promise<string>((resolve, reject) => {
    const req = http.get(new URL('__stadtbote/events', url), (res) => {
      markReady();
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        const block = buffer.split('\n\n').find((b) => b.startsWith(`event: ${event}\n`));
        if (block) {
          req.destroy();
          resolve(/^data: (.*)$/m.exec(block)?.[1] ?? '');
        }
      });
    });
    req.on('error', reject);
  });
  return { ready, data };
}

const CONFIG = 'title: Testbote\nsearch: false\nbaseUrl: https://www.example.org/presse/\n';
const VIDEO = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

describe('dev server like production', () => {
  let root: string;
  let server: DevServer;

  beforeAll(async () => {
    root = makeSite({
      'stadtbote.config.yaml': CONFIG,
      'content/2025/2025-02-13-erste.md': article({ title: 'Erste Meldung' }),
      'content/2025/film.mp4': VIDEO,
    });
    server = await startDevServer({ root, port: 0, now: Date.UTC(2026, 0, 1) });
  });
  afterAll(async () => {
    await server?.close();
    cleanup(root);
  });

  it('serves the site under the base path of its config; / and the bare base path point there', async () => {
    expect(new URL(server.url).pathname).toBe('/presse/');
    const home = await get(server.url, '/presse/');
    expect(home.status).toBe(200);
    expect(home.body.toString()).toContain(`<link rel="canonical" href="${server.url}">`);
    expect(home.body.toString()).toContain('href="/presse/2025/02-13-erste/"');
    expect(home.body.toString()).toContain('<script src="/presse/__stadtbote/client.js" defer></script>');
    for (const p of ['/', '/presse']) {
      const r = await get(server.url, p);
      expect([p, r.status, r.headers.location]).toEqual([p, 302, '/presse/']);
    }
    // A link that forgot the base path fails here as it would on the real host.
    expect((await get(server.url, '/2025/02-13-erste/')).status).toBe(404);
    expect((await get(server.url, '/presse/2025/02-13-erste/')).status).toBe(200);
    expect((await get(server.url, '/presse/2025')).headers.location).toBe('/presse/2025/');
    expect((await get(server.url, '/presse/__stadtbote/client.js')).body.toString()).toContain('"/presse/__stadtbote/events"');
  });

  it('answers only loopback names and its own address in the Host header (DNS rebinding)', async () => {
    const port = new URL(server.url).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`, `app.localhost:${port}`]) {
      expect([host, (await get(server.url, '/presse/', { Host: host })).status]).toEqual([host, 200]);
    }
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost.evil.example`]) {
      const r = await get(server.url, '/presse/', { Host: host });
      expect([host, r.status]).toEqual([host, 403]);
      expect(r.body.toString()).not.toContain('Erste Meldung');
    }
    // HTTP/1.0 without any Host header is no exception.
    const bare = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.end('GET /presse/ HTTP/1.0\r\n\r\n'));
      let data = '';
      socket.setEncoding('latin1').on('data', (c: string) => (data += c));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(bare).toMatch(/^HTTP\/1\.1 403/);
    // The live-reload stream (and with it every rebuild) is refused too.
    expect((await get(server.url, '/presse/__stadtbote/events', { Host: 'evil.example' })).status).toBe(403);
  });

  it('answers Range requests with the right bytes (206), refuses bad ranges (416)', async () => {
    // Downloads are published as /medien/<tag>/<name> (readable name, address that follows the bytes).
    const media = (readdirSync(path.join(server.outDir, 'medien'), { recursive: true }) as string[]).find((f) => f.endsWith('.mp4'))!;
    expect(media).toBeTruthy();
    const file = `/presse/medien/${media}`;
    const whole = await get(server.url, file);
    expect([whole.status, whole.headers['accept-ranges'], whole.body.length]).toEqual([200, 'bytes', 1000]);
    const first = await get(server.url, file, { Range: 'bytes=0-9' });
    expect([first.status, first.headers['content-range'], first.headers['content-length']]).toEqual([206, 'bytes 0-9/1000', '10']);
    expect(first.body).toEqual(VIDEO.subarray(0, 10));
    const middle = await get(server.url, file, { Range: 'bytes=500-503' });
    expect(middle.body).toEqual(VIDEO.subarray(500, 504));
    const tail = await get(server.url, file, { Range: 'bytes=-5' });
    expect([tail.status, tail.headers['content-range']]).toEqual([206, 'bytes 995-999/1000']);
    expect(tail.body).toEqual(VIDEO.subarray(995));
    const open = await get(server.url, file, { Range: 'bytes=990-' });
    expect(open.body).toEqual(VIDEO.subarray(990));
    for (const bad of ['bytes=1000-', 'bytes=5000-6000', 'bytes=abc', 'bytes=9-2']) {
      const r = await get(server.url, file, { Range: bad });
      expect([bad, r.status, r.headers['content-range']]).toEqual([bad, 416, 'bytes */1000']);
    }
  });
});

describe('dev server messages in the site language', () => {
  it.each([
    ['de', 'Stadtbote: 1 Fehler im Inhalt', 'Hinweis schließen', 'Titel in Anführungszeichen setzen: title: "Kreistag: neue Strategie"'],
    ['en', 'Stadtbote: 1 content error', 'Close', 'put the title in quotes: title: "Kreistag: neue Strategie"'],
  ])('language: %s', async (language, title, close, fix) => {
    const root = makeSite({ 'stadtbote.config.yaml': `title: T\nsearch: false\nlanguage: ${language}\n`, 'content/2025/2025-02-13-a.md': article() });
    const server = await startDevServer({ root, port: 0, now: Date.UTC(2026, 0, 1) });
    try {
      const stream = nextEvent(server.url, 'problems');
      await stream.ready;
      writeFileSync(path.join(root, 'content/2025/2025-02-13-a.md'), '---\ntitle: Kreistag: neue Strategie\ndate: 2025-02-13\nregion: X\nteaser: T\n---\nText\n');
      const payload = JSON.parse(await stream.data) as { title: string; close: string; problems: { location: string; text: string }[] };
      expect(payload.title).toContain(title);
      expect(payload.close).toBe(close);
      expect(payload.problems[0]!.location).toBe('content/2025/2025-02-13-a.md:2:8');
      expect(payload.problems[0]!.text).toContain(fix);
    } finally {
      await server.close();
      cleanup(root);
    }
  });
});

describe('dev server leaves nothing behind', () => {
  it('removes its output, shadow and lock on close; the site folder holds only the cache', async () => {
    const root = makeSite({ 'stadtbote.config.yaml': CONFIG, 'content/2025/2025-02-13-a.md': article() });
    const server = await startDevServer({ root, port: 0 });
    const stream = nextEvent(server.url, 'reload');
    await stream.ready;
    writeFileSync(path.join(root, 'content/2025/2025-02-13-a.md'), article({ title: 'Zweite Fassung' }));
    await stream.data; // a second build: the shadow folder of the first now exists
    await server.idle();
    expect(existsSync(server.outDir)).toBe(true);
    expect(server.outDir.startsWith(root)).toBe(false);
    await server.close();
    expect(existsSync(path.dirname(server.outDir))).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['.stadtbote-cache', 'content', 'stadtbote.config.yaml']);
    expect(readdirSync(path.join(root, '.stadtbote-cache', 'dev', 'output'))).toEqual([]);
    cleanup(root);
  });

  it('stops cleanly on SIGTERM, and warns when bound to every interface but then accepts its own addresses', async () => {
    const root = makeSite({ 'stadtbote.config.yaml': CONFIG, 'content/2025/2025-02-13-a.md': article() });
    const child = spawn(process.execPath, [CLI, 'dev', '--root', root, '--port', '0', '--host', '0.0.0.0'], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
      child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
      await expect.poll(() => /http:\/\/localhost:\d+\/presse\//.exec(out)?.[0], { timeout: 100_000 }).toBeTruthy();
      const url = /http:\/\/localhost:\d+\/presse\//.exec(out)![0];
      expect(err).toMatch(/--host 0\.0\.0\.0 makes the preview .* reachable from the network/);
      const own = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
      if (own) expect((await get(url, '/presse/', { Host: `${own}:${new URL(url).port}` }, own)).status).toBe(200);
      expect((await get(url, '/presse/', { Host: 'evil.example' })).status).toBe(403);
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(readdirSync(root).sort()).toEqual(['.stadtbote-cache', 'content', 'stadtbote.config.yaml']);
    } finally {
      child.kill('SIGKILL');
      cleanup(root);
    }
  }, 150_000);
});

const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

describe('an open tab follows its article (real browser)', () => {
  let root: string;
  let server: DevServer;
  let browser: Browser;
  const events: DevEvent[] = [];

  beforeAll(async () => {
    root = makeSite({ 'stadtbote.config.yaml': CONFIG, 'content/2025/2025-02-13-kreistag.md': article({ title: 'Kreistag tagt' }), 'content/2025/2025-02-10-andere.md': article({ title: 'Andere', date: '2025-02-10' }) });
    server = await startDevServer({ root, port: 0, now: Date.UTC(2026, 0, 1), onEvent: (e) => events.push(e) });
    browser = await chromium.launch(LAUNCH);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    cleanup(root);
  });

  it('keeps the address when the headline changes and moves with a renamed file, warning with the alias line', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('2025/02-13-kreistag/', server.url).href);
    await page.waitForFunction(() => (window as unknown as { __stadtboteDevConnected?: boolean }).__stadtboteDevConnected === true);

    // A typo fixed in the headline: same address, new headline.
    let started = performance.now();
    writeFileSync(path.join(root, 'content/2025/2025-02-13-kreistag.md'), article({ title: 'Kreistag tagt öffentlich' }));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Kreistag tagt öffentlich', undefined, { timeout: 10_000 });
    const headlineMs = performance.now() - started;
    expect(new URL(page.url()).pathname).toBe('/presse/2025/02-13-kreistag/');
    await page.waitForFunction(() => (window as unknown as { __stadtboteDevConnected?: boolean }).__stadtboteDevConnected === true);

    // The file renamed: the tab goes to the new address by itself.
    started = performance.now();
    renameSync(path.join(root, 'content/2025/2025-02-13-kreistag.md'), path.join(root, 'content/2025/2025-02-13-kreistagssitzung.md'));
    await page.waitForURL('**/presse/2025/02-13-kreistagssitzung/', { timeout: 10_000 });
    const followMs = performance.now() - started;
    expect(await page.locator('h1').textContent()).toBe('Kreistag tagt öffentlich');
    // Measured, not slept: both well within a second on an idle machine (a shared CI runner gets slack).
    expect(headlineMs).toBeLessThan(3000);
    expect(followMs).toBeLessThan(3000);
    console.log(`dev: new headline shown after ${headlineMs.toFixed(0)} ms, tab followed the renamed file after ${followMs.toFixed(0)} ms`);

    const built = events.filter((e): e is Extract<DevEvent, { type: 'built' }> => e.type === 'built').at(-1)!;
    const warning = built.report.warnings.find((w) => w.ruleId === 'address-changed')!;
    expect(warning.file).toBe('content/2025/2025-02-13-kreistagssitzung.md');
    expect(warning.fix).toContain('aliases:\n  - /presse/2025/02-13-kreistag/');
    // An old link opened later still finds the article during the session.
    const old = await page.goto(new URL('2025/02-13-kreistag/', server.url).href);
    expect(old?.url()).toContain('/presse/2025/02-13-kreistagssitzung/');
  });
});
