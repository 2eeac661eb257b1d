import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildCache } from '../../src/cache/cache.js';
import { ContentError } from '../../src/model/errors.js';
import { OutputClaims } from '../../src/write/claims.js';
import { article, buildSite, cleanup, makeSite, readTree, runCli, tempDir } from '../helpers.js';

const made: string[] = [];
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) execFileSync('umount', [m]);
  made.forEach(cleanup);
});

/** A tmpfs of `kb` kilobytes: a real full disk. Needs root (the CI container runs as root). */
function smallDisk(kb: number): string {
  const dir = tempDir('stadtbote-disk-');
  made.push(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}
const isRoot = process.getuid?.() === 0;

function site(files: Record<string, string | Buffer> = {}): string {
  const root = makeSite({ 'content/2025/a.md': article(), ...files });
  made.push(root);
  return root;
}

/** The fingerprint a cache file was written for, read from its header. */
function fingerprintOf(cacheFile: string): string {
  const magic = 'stadtbote-cache\n'.length;
  return readFileSync(cacheFile).subarray(magic + 36, magic + 100).toString('latin1').trimEnd();
}

describe.skipIf(!isRoot)('a full disk (issue 16, finding 5)', () => {
  it('output on a full disk: exit 1, a problem naming the path, no shadow left, the old output unchanged', () => {
    const disk = smallDisk(400);
    const root = site();
    const out = path.join(disk, 'dist');
    expect(runCli(['build', '--root', root, '--out', out, '--no-search', '--no-cache']).code).toBe(0);
    const before = readTree(out);
    // 600 KB of attachment cannot fit next to the live output.
    writeFileSync(path.join(root, 'content/2025/gross.pdf'), Buffer.alloc(600 * 1024, 7));
    const r = runCli(['build', '--root', root, '--out', out, '--no-search', '--no-cache']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/Fehler: .*dist.* kann nicht geschrieben werden: der Datenträger ist voll \[file-system\]/);
    expect(r.stderr).not.toMatch(/ENOSPC|    at /);
    expect(readdirSync(disk)).toEqual(['dist']);
    expect(readTree(out)).toEqual(before);
  });

  it('a cache on a full disk is a warning: the site is published, no temporary cache file is left', () => {
    const disk = smallDisk(64);
    writeFileSync(path.join(disk, 'filler'), Buffer.alloc(60 * 1024));
    const root = site();
    const r = runCli(['build', '--root', root, '--cache-dir', path.join(disk, 'cache'), '--no-search', '-v']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Warnung: der Zwischenspeicher \(Build-Cache\) konnte nicht geschrieben werden.*\[cache-unwritable\]/);
    expect(existsSync(path.join(root, 'dist/2025/02-13-a/index.html'))).toBe(true);
    const left = existsSync(path.join(disk, 'cache')) ? readdirSync(path.join(disk, 'cache')) : [];
    expect(left.filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

describe('an unusable or untrustworthy cache (issue 16, findings 5 and 6)', () => {
  it('a cache folder that is a file does not block the build', async () => {
    const root = site({ '.stadtbote-cache': 'kein Ordner' });
    const report = await buildSite(root, { search: false });
    expect(report.articles).toBe(1);
    expect(report.warnings.some((w) => w.ruleId === 'cache-unwritable')).toBe(true);
    expect(readFileSync(path.join(root, '.stadtbote-cache'), 'utf8')).toBe('kein Ordner');
  });

  it('a cache file that cannot be read (a folder in its place) is ignored', async () => {
    const root = site();
    mkdirSync(path.join(root, '.stadtbote-cache/build-cache.bin'), { recursive: true });
    const report = await buildSite(root, { search: false });
    expect(report.cache).toBe('missing');
    expect(report.articles).toBe(1);
  });

  const poisons: [string, (data: ReturnType<BuildCache['load']>['data']) => void][] = [
    ['an absolute asset output path', (d) => { for (const [k, a] of d.assets) d.assets.set(k, { ...a, outputs: [{ path: '/etc/stadtbote-poison.png', hash: a.hash }] }); }],
    ['an asset path with ..', (d) => { for (const [k, a] of d.assets) d.assets.set(k, { ...a, outputs: [{ path: '../ausserhalb.png', hash: a.hash }] }); }],
    ['an article URL with ..', (d) => { for (const [k, s] of d.sources) d.sources.set(k, { ...s, meta: { ...s.meta, url: '/../../ausserhalb/' } }); }],
    ['an alias that is not a site path', (d) => { for (const [k, s] of d.sources) if (s.kind === 'article') d.sources.set(k, { ...s, meta: { ...s.meta, data: { ...(s.meta as { data: object }).data, aliases: ["//evil.example/x"] } } as unknown as typeof s.meta }); }],
    ['a list page file outside the output', (d) => { for (const [k, o] of d.outputs) d.outputs.set(k, { ...o, files: [['/tmp/x/index.html', 'h']] }); }],
    ['an entry that is not an object', (d) => { for (const k of d.sources.keys()) d.sources.set(k, 42 as never); }],
  ];

  it.each(poisons)('a poisoned entry (%s) means a cold build, correct output, nothing written outside', async (_name, poison) => {
    const root = site({ 'content/2025/bild.png': Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'), 'content/2025/b.md': article({ title: 'Mit Bild' }, '![Bild](bild.png)') });
    await buildSite(root, { search: false });
    const dist = readTree(path.join(root, 'dist'));
    const file = path.join(root, '.stadtbote-cache/build-cache.bin');
    const cache = new BuildCache(path.dirname(file), fingerprintOf(file));
    const loaded = cache.load();
    expect(loaded.status).toBe('hit');
    poison(loaded.data);
    cache.save(loaded.data);
    const report = await buildSite(root, { search: false });
    expect(report.cache).toBe('invalid');
    expect(readTree(path.join(root, 'dist'))).toEqual(dist);
    expect(existsSync(path.join(root, 'ausserhalb'))).toBe(false);
  }, 20_000);

  it('a search part that lists a page outside the output means a cold build, correct output', async () => {
    const root = site({ 'content/2025/b.md': article({ title: 'Zweite Meldung' }) });
    await buildSite(root);
    const dist = readTree(path.join(root, 'dist'));
    const file = path.join(root, '.stadtbote-cache/build-cache.bin');
    const cache = new BuildCache(path.dirname(file), fingerprintOf(file));
    const loaded = cache.load();
    const parts = [...loaded.data.outputs].filter(([name]) => name.startsWith('search:'));
    expect(parts.length).toBeGreaterThan(0);
    // The part lists of the cache are where a build begins an index from the last pages (search/last-parts.ts).
    for (const [name, o] of parts) loaded.data.outputs.set(name, { ...o, pages: ['/../../ausserhalb/'] });
    cache.save(loaded.data);
    const report = await buildSite(root);
    expect(report.cache).toBe('invalid');
    expect(readTree(path.join(root, 'dist'))).toEqual(dist);
  }, 20_000);

  it('a save begun with the sources and abandoned (a build failing while the index is built) leaves the last cache and no temporary file', async () => {
    const root = site({ 'content/2025/b.md': article({ title: 'Zweite Meldung' }) });
    await buildSite(root, { search: false });
    const dir = path.join(root, '.stadtbote-cache');
    const file = path.join(dir, 'build-cache.bin');
    const before = readFileSync(file);
    const cache = new BuildCache(dir, fingerprintOf(file));
    const { data } = cache.load();
    const pending = cache.beginSave(data.sources);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    pending.abandon();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(file).equals(before)).toBe(true);
    // Begun and finished, it is a whole cache again: the same entries, and the next build a hit.
    cache.beginSave(data.sources).finish(data);
    const again = new BuildCache(dir, fingerprintOf(file)).load();
    expect(again.status).toBe('hit');
    expect(again.data).toEqual(data);
    expect((await buildSite(root, { search: false })).cache).toBe('hit');
  });

  it('the temporary files of a build killed while saving are removed by the next save; those of a running build, and a folder of such a name, are kept', async () => {
    const root = site();
    await buildSite(root, { search: false });
    const dir = path.join(root, '.stadtbote-cache');
    const ledger = readdirSync(dir).find((f) => f.startsWith('addresses'));
    expect(ledger).toBeDefined();
    // Above Linux's largest process number (2^22) and macOS's 99,999: no process has it, now or later.
    const orphans = [`build-cache.bin.4194305.tmp`, `build-cache.bin.4194305.3.tmp`, `${ledger}.4194305.1.tmp`].map((f) => path.join(dir, f));
    const running = path.join(dir, `build-cache.bin.${process.ppid}.1.tmp`);
    for (const f of [...orphans, running]) writeFileSync(f, Buffer.alloc(1024));
    // Not a file: tidying leaves it and does not fail the save.
    const folder = path.join(dir, 'build-cache.bin.4194306.tmp');
    mkdirSync(folder);
    writeFileSync(path.join(root, 'content/2025/b.md'), article({ title: 'Neue Meldung' }));
    const report = await buildSite(root, { search: false });
    expect(report.warnings.map((w) => w.ruleId)).not.toContain('cache-unwritable');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp')).sort()).toEqual([path.basename(running), path.basename(folder)].sort());
    expect((await buildSite(root, { search: false })).cache).toBe('hit');
  });

  it('claiming an absolute path ends (dirname("/") is "/")', () => {
    const problems: import('../../src/model/problem.js').Problem[] = [];
    const claims = new OutputClaims({ dir: '/nirgends', displayPrefix: 'content/' }, problems);
    expect(claims.claim('/etc/x.png', 'a')).toBe(false);
    expect(claims.claim('/', 'b')).toBe(false);
    expect(problems.map((p) => p.ruleId)).toEqual(['invalid-url', 'invalid-url']);
  });
});

describe('file-system errors are problems (issue 16, finding 7)', () => {
  it('--config /dev/zero is refused at once, not read', () => {
    const root = site();
    const r = runCli(['build', '--root', root, '--config', '/dev/zero', '--no-search']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/dev\/zero ist keine gewöhnliche Datei/);
  });

  it('--config naming a folder is refused', () => {
    const root = site();
    const r = runCli(['build', '--root', root, '--config', path.join(root, 'content'), '--no-search']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ist keine gewöhnliche Datei/);
  });

  it('a billion-laughs config is refused naming the file', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');
    const root = site({ 'stadtbote.config.yaml': `title: Test\n${laughs}\n` });
    const r = runCli(['build', '--root', root, '--no-search']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stadtbote\.config\.yaml:1(:\d+)?: Fehler: die Konfiguration verwendet zu viele YAML-Verweise/m);
  });

  it('--content naming a file (ENOTDIR): exit 1, the path and a fix, no errno line', () => {
    const root = site({ 'notizen.txt': 'x' });
    const r = runCli(['build', '--root', root, '--content', path.join(root, 'notizen.txt'), '--no-search']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/notizen\.txt: Fehler: .*kann nicht aufgelistet werden: ein Teil des Pfads ist eine Datei, wo ein Ordner sein müsste \[file-system\]/);
    expect(r.stderr).toMatch(/Lösung: /);
    expect(r.stderr).not.toMatch(/ENOTDIR|    at /);
  });

  it('folders linked in a circle (ELOOP) are reported, not followed', async () => {
    const root = site();
    const { symlinkSync } = await import('node:fs');
    symlinkSync('b', path.join(root, 'content/2025/a-loop'));
    symlinkSync('a-loop', path.join(root, 'content/2025/b'));
    const err = await buildSite(root, { search: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    const files = (err as ContentError).problems.map((p) => p.file);
    expect(files).toEqual(expect.arrayContaining(['content/2025/a-loop', 'content/2025/b']));
  });
});
