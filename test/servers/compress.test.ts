import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, buildSite, cleanup, makeSite, readTree, tempDir } from '../helpers.js';
import { openForServers, request, startApache, startNginx, type RunningServer } from './harness.js';
import { publishedCss } from './site.js';

/** `compress: true`: .gz and .br copies beside the text files, sent by nginx (gzip) and Apache (br, gzip). */

let root: string;
let docRoot: string;
let out: string;
const servers: RunningServer[] = [];
let nginx: RunningServer;
let apache: RunningServer;

beforeAll(async () => {
  const body = 'Der Kreistag berät über den Haushalt des Landkreises. '.repeat(60);
  root = makeSite({
    'stadtbote.config.yaml': 'title: Landkreis Beispiel\nbaseUrl: https://www.landkreis.example/presse/\nsearch: false\ncompress: true\n',
    'content/2025/haushalt.md': article({ title: 'Haushalt' }, body),
  });
  docRoot = tempDir('stadtbote-docroot-');
  out = path.join(docRoot, 'presse');
  await buildSite(root, { out, noCache: true });
  openForServers(docRoot);
  nginx = await startNginx(docRoot);
  servers.push(nginx);
  apache = await startApache(docRoot);
  servers.push(apache);
}, 120_000);

afterAll(async () => {
  for (const s of servers) await s.stop();
  cleanup(root);
  cleanup(docRoot);
});

describe('precompressed copies', () => {
  it('writes .gz and .br beside every text file above 1 KB, byte-identical in a second build', async () => {
    const files = readTree(out);
    for (const rel of ['index.html', '2025/02-13-haushalt/index.html', 'feed.xml', publishedCss(out)]) {
      const original = files.get(rel)!;
      expect(gunzipSync(files.get(`${rel}.gz`)!).equals(original), rel).toBe(true);
      expect(brotliDecompressSync(files.get(`${rel}.br`)!).equals(original), rel).toBe(true);
      expect(files.get(`${rel}.br`)!.length).toBeLessThan(original.length / 2);
    }
    expect(files.has('robots.txt.gz')).toBe(false);
    const again = tempDir('stadtbote-again-');
    try {
      await buildSite(root, { out: path.join(again, 'presse'), noCache: true });
      const second = readTree(path.join(again, 'presse'));
      expect(second.get('index.html.gz')!.equals(files.get('index.html.gz')!)).toBe(true);
      expect(second.get('index.html.br')!.equals(files.get('index.html.br')!)).toBe(true);
    } finally {
      cleanup(again);
    }
  });

  it.each([
    ['nginx', 'gzip', '/presse/', 'index.html', 'text/html; charset=utf-8'],
    ['nginx', 'gzip', '/presse/feed.xml', 'feed.xml', 'application/rss+xml; charset=utf-8'],
    ['apache', 'br', '/presse/', 'index.html', 'text/html; charset=utf-8'],
    ['apache', 'br', '/presse/2025/02-13-haushalt/', '2025/02-13-haushalt/index.html', 'text/html; charset=utf-8'],
    ['apache', 'gzip', '/presse/feed.xml', 'feed.xml', 'application/rss+xml; charset=utf-8'],
    // The stylesheet's name carries its hash, known once the site is built.
    ['apache', 'br', '/presse/<css>', '<css>', 'text/css; charset=utf-8'],
  ] as const)('%s sends the %s copy of %s with the original type', async (server, encoding, rowUrl, rowFile, type) => {
    const css = rowFile === '<css>' ? publishedCss(out) : undefined;
    const url = css ? rowUrl.replace('<css>', css) : rowUrl;
    const file = css ?? rowFile;
    const origin = (server === 'nginx' ? nginx : apache).origin;
    const answer = await request(origin, url, { 'Accept-Encoding': encoding === 'br' ? 'br, gzip' : 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe(encoding);
    expect(answer.headers['content-type']).toBe(type);
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    const decoded = encoding === 'br' ? brotliDecompressSync(answer.raw) : gunzipSync(answer.raw);
    expect(decoded.equals(readFileSync(path.join(out, file)))).toBe(true);
    const plain = await request(origin, url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.raw.equals(readFileSync(path.join(out, file)))).toBe(true);
  });
});
