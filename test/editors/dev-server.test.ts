import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/server.js';
import { pathSegments } from '../../src/dev/static.js';
import { RebuildScheduler } from '../../src/dev/watcher.js';
import { article, buildSite, CLI, cleanup, makeSite, readTree, tempDir } from '../helpers.js';
import { themeAssetManifest } from '../../src/theme/assets.js';
import { DEFAULT_TEMPLATES_DIR } from '../../src/theme/engine.js';

/** The default stylesheet under its content-hashed name. */
const CSS = `/assets/${themeAssetManifest([DEFAULT_TEMPLATES_DIR]).get('stadtbote.css')!.published}`;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A raw request for a path of the site, below the server's base path (`/presse/` + `2025/`): `fetch`
 * would normalise `..` and backslashes away before they reach the server.
 */
function request(base: string, rawPath: string, method = 'GET', agent?: http.Agent): Promise<Reply> {
  const { hostname, port, pathname } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: pathname.replace(/\/$/, '') + rawPath, method, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Bytes sent straight down a socket, for request lines no HTTP client would produce. */
function rawRequest(base: string, line: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(`${line}\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => (data += c));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

/** Collects Server-Sent Events until `until` says enough. */
function events(base: string, until: (seen: { event: string; data: string }[]) => boolean): { done: Promise<{ event: string; data: string }[]>; ready: Promise<void> } {
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  const done = new Promise<{ event: string; data: string }[]>((resolve, reject) => {
    const seen: { event: string; data: string }[] = [];
    const req = http.get(new URL('__stadtbote/events', base), (res) => {
      markReady();
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
          if (event) seen.push({ event, data });
        }
        if (until(seen)) {
          req.destroy();
          resolve(seen);
        }
      });
    });
    req.on('error', reject);
  });
  return { done, ready };
}

const config = 'title: Testbote\nsearch: false\nbaseUrl: https://www.example.org/presse/\n';

describe('dev server: serving the output folder safely', () => {
  let root: string;
  let outside: string;
  let server: DevServer;

  beforeAll(async () => {
    outside = tempDir('stadtbote-outside-');
    writeFileSync(path.join(outside, 'secret.txt'), 'GEHEIM');
    root = makeSite({
      'stadtbote.config.yaml': config,
      'content/2025/2025-02-13-erste.md': article({ title: 'Erste Meldung' }),
      'static/data/info.json': '{"a":1}',
      'static/bild.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    writeFileSync(path.join(root, 'secret-in-root.txt'), 'GEHEIM');
    server = await startDevServer({ root, port: 0, now: Date.UTC(2026, 0, 1) });
    // Links planted after the build: one out of the output folder, one inside it.
    symlinkSync(path.join(outside, 'secret.txt'), path.join(server.outDir, 'leak.txt'));
    symlinkSync(outside, path.join(server.outDir, 'leakdir'));
    symlinkSync(path.join(server.outDir, 'robots.txt'), path.join(server.outDir, 'robots-link.txt'));
  });
  afterAll(async () => {
    await server?.close();
    cleanup(root);
    cleanup(outside);
  });

  it('binds to 127.0.0.1 by default and rewrites links to itself', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/presse\/$/);
    const home = await request(server.url, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain(`<link rel="canonical" href="${server.url}">`);
    expect(home.body).not.toContain('www.example.org/presse');
  });

  it('injects the live-reload client into HTML responses only, never into the output folder', async () => {
    const page = await request(server.url, '/2025/02-13-erste/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Erste Meldung');
    expect(page.body).toMatch(/<script src="\/presse\/__stadtbote\/client\.js" defer><\/script><\/body>/);
    const client = await request(server.url, '/__stadtbote/client.js');
    expect(client.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(client.body).toContain('EventSource');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path.join(server.outDir, '2025/02-13-erste/index.html'), 'utf8')).not.toContain('__stadtbote');
    expect((await request(server.url, '/data/info.json')).body).toBe('{"a":1}');
  });

  it('sends correct content types and nosniff on every response', async () => {
    const cases: [string, number, string][] = [
      ['/', 200, 'text/html; charset=utf-8'],
      [CSS, 200, 'text/css; charset=utf-8'],
      ['/data/info.json', 200, 'application/json; charset=utf-8'],
      ['/bild.svg', 200, 'image/svg+xml; charset=utf-8'],
      ['/feed.xml', 200, 'text/xml; charset=utf-8'],
      ['/gibt-es-nicht/', 404, 'text/html; charset=utf-8'],
    ];
    for (const [p, status, type] of cases) {
      const r = await request(server.url, p);
      expect([p, r.status, r.headers['content-type']]).toEqual([p, status, type]);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    for (const p of ['/../x', '/__stadtbote/events-nope', '/2025']) {
      expect((await request(server.url, p)).headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves index.html for folders, redirects folder URLs without a slash, 404.html for unknown paths', async () => {
    const redirect = await request(server.url, '/2025?x=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/presse/2025/');
    // A protocol-relative redirect would send the browser to another host.
    const doubled = await request(server.url, '//2025');
    expect(doubled.headers.location ?? '').not.toMatch(/^\/\//);
    const missing = await request(server.url, '/nichts/hier.html');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('<h1');
  });

  it('allows only GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const r = await request(server.url, '/', method);
      expect(r.status).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
    }
    const head = await request(server.url, '/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  it('gives nothing outside the output folder, however the path is spelled', async () => {
    const attempts = [
      '/../secret-in-root.txt',
      '/../../../../../../etc/passwd',
      '/2025/../../secret-in-root.txt',
      '/%2e%2e/secret-in-root.txt',
      '/%2E%2E/%2E%2E/etc/passwd',
      '/.%2e/secret-in-root.txt',
      '/..%2fsecret-in-root.txt',
      '/%2e%2e%2fsecret-in-root.txt',
      '/..%5csecret-in-root.txt',
      '/..\\secret-in-root.txt',
      '/\\..\\secret-in-root.txt',
      '/%252e%252e/secret-in-root.txt',
      '/robots.txt%00.html',
      '/%00',
      '/leak.txt',
      '/leakdir/secret.txt',
      '/leakdir/',
      '/%c0%ae%c0%ae/secret-in-root.txt',
      '/%ZZ',
    ];
    for (const p of attempts) {
      const r = await request(server.url, p);
      expect([p, r.status === 400 || r.status === 404]).toEqual([p, true]);
      expect(r.body).not.toContain('GEHEIM');
      expect(r.body).not.toContain('root:');
    }
    for (const line of ['GET ../secret-in-root.txt HTTP/1.1', 'GET /../secret-in-root.txt HTTP/1.1', 'GET /presse/../secret-in-root.txt HTTP/1.1', 'GET http://x/../secret-in-root.txt HTTP/1.1']) {
      const reply = await rawRequest(server.url, line);
      expect(reply).not.toContain('GEHEIM');
      expect(reply).toMatch(/^HTTP\/1\.1 (400|404)/);
    }
    // A link that stays inside the output folder is fine.
    expect((await request(server.url, '/robots-link.txt')).status).toBe(200);
  });

  it('rejects unsafe path spellings before touching the file system', () => {
    expect(pathSegments('/2025/02-13-x/')).toEqual(['2025', '02-13-x']);
    expect(pathSegments('/M%C3%BCnchen/')).toEqual(['München']);
    for (const bad of ['/..', '/a/../b', '/%2e%2e', '/a%2fb', '/a\\b', '/a%5cb', '/%00', 'relative', '/%E0%A4%A', '/.']) {
      expect([bad, pathSegments(bad)]).toEqual([bad, undefined]);
    }
  });

  it('answers 1,000 concurrent requests on loopback without an error', async () => {
    const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
    const paths = ['/', '/2025/02-13-erste/', CSS, '/feed.xml', '/nope', '/../x'];
    const results = await Promise.allSettled(Array.from({ length: 1000 }, (_, i) => request(server.url, paths[i % paths.length]!, 'GET', agent)));
    agent.destroy();
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toEqual([]);
    const expected = { '/': 200, '/2025/02-13-erste/': 200, [CSS]: 200, '/feed.xml': 200, '/nope': 404, '/../x': 400 } as Record<string, number>;
    results.forEach((r, i) => {
      const p = paths[i % paths.length]!;
      expect([p, (r as PromiseFulfilledResult<Reply>).value.status]).toEqual([p, expected[p]]);
    });
  });
});

describe('dev server: rebuilds and live reload', () => {
  let root: string;
  let server: DevServer;
  const articlePath = (name: string): string => path.join(root, 'content/2025', name);

  beforeAll(async () => {
    root = makeSite({
      'stadtbote.config.yaml': config,
      'content/2025/2025-02-13-erste.md': article({ title: 'Erste Meldung' }),
      'content/2025/2025-02-14-zweite.md': article({ title: 'Zweite Meldung', date: '2025-02-14' }),
    });
    server = await startDevServer({ root, port: 0, now: Date.UTC(2026, 0, 1) });
  });
  afterAll(async () => {
    await server?.close();
    cleanup(root);
  });

  it('rebuilds on a change and tells open pages to reload; a new headline keeps the address', async () => {
    const stream = events(server.url, (seen) => seen.some((e) => e.event === 'reload'));
    await stream.ready;
    writeFileSync(articlePath('2025-02-13-erste.md'), article({ title: 'Erste Meldung, geändert' }));
    await stream.done;
    await server.idle();
    const page = await request(server.url, '/2025/02-13-erste/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Erste Meldung, geändert');
    expect((await request(server.url, '/')).body).toContain('Erste Meldung, geändert');
  });

  it('handles added, renamed and deleted files', async () => {
    let stream = events(server.url, (seen) => seen.some((e) => e.event === 'reload'));
    await stream.ready;
    writeFileSync(articlePath('2025-02-15-dritte.md'), article({ title: 'Dritte Meldung', date: '2025-02-15' }));
    await stream.done;
    await server.idle();
    expect((await request(server.url, '/2025/02-15-dritte/')).status).toBe(200);

    stream = events(server.url, (seen) => seen.some((e) => e.event === 'reload'));
    await stream.ready;
    mkdirSync(path.join(root, 'content/archiv'), { recursive: true });
    renameSync(articlePath('2025-02-15-dritte.md'), path.join(root, 'content/archiv/dritte.md'));
    rmSync(articlePath('2025-02-14-zweite.md'));
    await stream.done;
    await server.idle();
    expect((await request(server.url, '/2025/02-14-zweite/')).status).toBe(404);
    expect((await request(server.url, '/')).body).not.toContain('Zweite Meldung');
    expect((await request(server.url, '/2025/02-15-dritte/')).status).toBe(200);
  });

  it('keeps running on a content error, reports it to every page, and recovers when fixed', async () => {
    const broken = events(server.url, (seen) => seen.some((e) => e.event === 'problems'));
    await broken.ready;
    writeFileSync(articlePath('2025-02-13-erste.md'), '---\ntitle: Kaputt\ndate: [\n---\nText\n');
    const seen = await broken.done;
    await server.idle();
    const payload = JSON.parse(seen.find((e) => e.event === 'problems')!.data) as { problems: { location: string; text: string }[] };
    expect(payload.problems[0]?.location).toMatch(/^content\/2025\/2025-02-13-erste\.md:3:\d+$/);
    expect(payload.problems[0]?.text).toContain(`${payload.problems[0]?.location}: error: frontmatter is not valid YAML`);
    // The last good output stays online, and a page opened now learns about the error at once.
    expect((await request(server.url, '/')).status).toBe(200);
    const late = events(server.url, (s) => s.some((e) => e.event === 'problems'));
    expect((await late.done).map((e) => e.event)).toEqual(['hello', 'problems']);

    const fixed = events(server.url, (s) => s.some((e) => e.event === 'reload'));
    await fixed.ready;
    writeFileSync(articlePath('2025-02-13-erste.md'), article({ title: 'Wieder gut' }));
    await fixed.done;
    await server.idle();
    expect((await request(server.url, '/2025/02-13-erste/')).status).toBe(200);
  });

  it('rebuilds when the config file or a template changes', async () => {
    let stream = events(server.url, (seen) => seen.some((e) => e.event === 'reload'));
    await stream.ready;
    writeFileSync(path.join(root, 'stadtbote.config.yaml'), config.replace('Testbote', 'Neuer Seitentitel'));
    await stream.done;
    await server.idle();
    expect((await request(server.url, '/')).body).toContain('<title>Neuer Seitentitel</title>');

    stream = events(server.url, (seen) => seen.some((e) => e.event === 'reload'));
    await stream.ready;
    mkdirSync(path.join(root, 'templates'), { recursive: true });
    writeFileSync(path.join(root, 'templates/404.liquid'), '<!doctype html><html lang="de"><head><title>x</title></head><body><h1>Eigene Fehlerseite</h1></body></html>');
    await stream.done;
    await server.idle();
    const missing = await request(server.url, '/gibt-es-nicht/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Eigene Fehlerseite');
  });

  it('batches a burst of 200 changes into few rebuilds', async () => {
    const builds: number[] = [];
    const local = makeSite({ 'stadtbote.config.yaml': config, 'content/2025/a.md': article({ title: 'A' }) });
    const dev = await startDevServer({ root: local, port: 0, onEvent: (e) => e.type === 'built' && builds.push(e.report.articles) });
    try {
      for (let i = 0; i < 200; i++) writeFileSync(path.join(local, 'content/2025', `m-${i}.md`), article({ title: `Meldung ${i}` }));
      await expect.poll(() => builds.at(-1), { timeout: 60_000, interval: 200 }).toBe(201);
      await dev.idle();
      // One initial build plus a handful for the burst, never one per file.
      expect(builds.length).toBeLessThan(10);
    } finally {
      await dev.close();
      cleanup(local);
    }
  });
});

describe('dev server: search index while editing', () => {
  it('keeps the last index on a change, reloads at once, and brings the index up to date when editing pauses', async () => {
    const local = makeSite({ 'stadtbote.config.yaml': 'title: Testbote\n', 'content/2025/a.md': article({ title: 'Erste Meldung' }) });
    const seen: string[] = [];
    const reports: { type: string; search: string }[] = [];
    const dev = await startDevServer({
      root: local,
      port: 0,
      now: Date.UTC(2026, 0, 1),
      onEvent: (e) => {
        seen.push(e.type);
        if (e.type === 'built' || e.type === 'search-indexed') reports.push({ type: e.type, search: e.report.search });
      },
    });
    try {
      expect(reports).toEqual([{ type: 'built', search: 'indexed' }]);
      const stream = events(dev.url, (seen) => seen.some((e) => e.event === 'search-index'));
      await stream.ready;
      writeFileSync(path.join(local, 'content/2025/b.md'), article({ title: 'Zweite Meldung' }));
      await expect.poll(() => reports.length, { timeout: 20_000, interval: 50 }).toBe(2);
      // The change itself: pages rebuilt, the index of the last build kept as it was.
      expect(reports[1]).toEqual({ type: 'built', search: 'stale' });
      await dev.idle();
      expect(reports[2]).toEqual({ type: 'search-indexed', search: 'indexed' });
      // Every page reloads for the change; afterwards only search pages, whose index files were replaced.
      expect((await stream.done).map((e) => e.event)).toEqual(['hello', 'reload', 'search-index']);
      expect(seen.filter((t) => t === 'change')).toHaveLength(1);

      // Now the index is exactly what a build of the same content makes.
      const out = tempDir();
      await buildSite(local, { out, baseUrl: dev.url, now: Date.UTC(2026, 0, 1), noCache: true });
      const index = (dir: string): Map<string, Buffer> => new Map([...readTree(dir)].filter(([rel]) => rel.startsWith('pagefind/')));
      const fresh = index(out);
      expect(fresh.size).toBeGreaterThan(3);
      expect(index(dev.outDir)).toEqual(fresh);
      cleanup(out);
    } finally {
      await dev.close();
      cleanup(local);
    }
  }, 60_000);
});

describe('RebuildScheduler', () => {
  it('never runs two rebuilds at once and queues one follow-up with every change', async () => {
    let running = 0;
    let maxRunning = 0;
    const runs: string[][] = [];
    let release!: () => void;
    let gate = new Promise<void>((r) => (release = r));
    const scheduler = new RebuildScheduler(async (changes) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      runs.push([...changes]);
      await gate;
      running--;
    }, 10);
    scheduler.notify('a');
    scheduler.notify('b');
    await expect.poll(() => runs.length).toBe(1);
    scheduler.notify('c');
    scheduler.notify('d');
    scheduler.notify('c');
    release();
    gate = Promise.resolve();
    await expect.poll(() => runs.length).toBe(2);
    await scheduler.idle();
    expect(runs).toEqual([['a', 'b'], ['c', 'd']]);
    expect(maxRunning).toBe(1);
    await scheduler.close();
    scheduler.notify('e');
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toHaveLength(2);
  });
});

describe('stadtbote dev (CLI)', () => {
  it('prints the URL, serves, and exits 0 on SIGINT', async () => {
    const root = makeSite({ 'stadtbote.config.yaml': config, 'content/2025/a.md': article({ title: 'A' }) });
    const child = spawn(process.execPath, [CLI, 'dev', '--root', root, '--port', '0'], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (c: string) => (out += c));
      await expect.poll(() => /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out)?.[0], { timeout: 100_000 }).toBeTruthy();
      const url = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out)![0];
      expect(url).toMatch(/\/presse\/$/);
      expect((await request(url, '/')).status).toBe(200);
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exit).toBe(0);
      // Nothing of the preview stays in the site folder: no output, no shadow, no lock.
      expect(readdirSync(root).sort()).toEqual(['.stadtbote-cache', 'content', 'stadtbote.config.yaml']);
    } finally {
      child.kill('SIGKILL');
      cleanup(root);
    }
  }, 150_000);
});
