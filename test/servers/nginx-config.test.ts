import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mapHashSizes } from '../../src/outputs/nginx.js';
import { article, buildSite, cleanup, makeSite, tempDir } from '../helpers.js';
import { freePort, nginxConfig, nginxTest } from './harness.js';

/** `nginx -t` with the README's configuration: a site without aliases, and one with 500 long ones. */

const made: string[] = [];
afterAll(() => made.forEach(cleanup));

async function checkedSite(aliases: string[]): Promise<{ ok: boolean; output: string; httpConf: string }> {
  const lines = aliases.length === 0 ? '' : `aliases:\n${aliases.map((a) => `  - ${JSON.stringify(a)}`).join('\n')}\n`;
  const root = makeSite({
    'stadtbote.config.yaml': 'baseUrl: https://www.landkreis.example/presse/\nsearch: false\n',
    'content/2025/a.md': article({ title: 'Eins' }).replace('---\n', `---\n${lines}`),
  });
  const docRoot = tempDir('stadtbote-docroot-');
  const prefix = tempDir('stadtbote-nginx-');
  made.push(root, docRoot, prefix);
  await buildSite(root, { out: path.join(docRoot, 'presse'), noCache: true });
  for (const dir of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(prefix, dir));
  const configFile = path.join(prefix, 'nginx.conf');
  writeFileSync(configFile, nginxConfig(docRoot, await freePort(), prefix));
  return { ...nginxTest(configFile, prefix), httpConf: readFileSync(path.join(docRoot, 'presse', 'nginx-http.conf'), 'utf8') };
}

describe('nginx -t', () => {
  it('passes for a site without aliases: both files exist and are valid', async () => {
    const result = await checkedSite([]);
    expect(result.output).toContain('test is successful');
    expect(result.ok).toBe(true);
    expect(result.httpConf).not.toContain('map_hash_bucket_size');
  });

  it('passes with 500 long old addresses (and 500 with queries), without a hash warning', async () => {
    const aliases: string[] = [];
    for (let i = 0; i < 500; i++) aliases.push(`/aktuelles/archiv/${String(i).padStart(4, '0')}-${'pressemitteilung-des-landkreises-'.repeat(4)}.html`);
    for (let i = 0; i < 500; i++) aliases.push(`/presse/meldung.php?id=${i}&tx_news_pi1[news]=${i}`);
    const result = await checkedSite(aliases);
    expect(result.output).toContain('test is successful');
    expect(result.output).not.toMatch(/\[(warn|emerg)\]/);
    expect(result.ok).toBe(true);
    expect(result.httpConf).toMatch(/^map_hash_bucket_size \d+;$/m);
  }, 60_000);

  it('leaves nginx\'s hash defaults alone for short keys and sizes them for long ones', () => {
    expect(mapHashSizes(['/alt/x.html'])).toBeUndefined();
    expect(mapHashSizes(['/a'.repeat(60)])?.bucket).toBeGreaterThanOrEqual(256);
    expect(mapHashSizes(Array.from({ length: 5000 }, (_, i) => `/a/${i}`))?.maxSize).toBeGreaterThanOrEqual(8192);
  });
});
