import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OutputWriter } from '../../src/write/writer.js';
import { article, buildSite, cleanup, makeSite, prng, readTree, REPO, tempDir } from '../helpers.js';
import { PARALLEL_THRESHOLD } from '../../src/render/pool.js';
import { BuildCache, emptyCache, type CachedSource } from '../../src/cache/cache.js';
import { RACY_MS } from '../../src/content/file-stamp.js';
import { isWellFormed } from '../../src/cache/well-formed.js';

/**
 * Resolves once every file under dir lies more than RACY_MS behind the clock (modification and
 * change time): a build then stamps them all (content/file-stamp.ts), as the next one will. A build
 * before that moment stamps none, and the next one, after it, saves the stamps it took.
 */
async function untilStampable(dir: string): Promise<void> {
  const newest = Math.max(...readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => {
    const stats = statSync(path.join(e.parentPath, e.name));
    return Math.max(stats.mtimeMs, stats.ctimeMs);
  }));
  await vi.waitUntil(() => Date.now() > newest + RACY_MS, { timeout: 2 * RACY_MS + 10_000, interval: 50 });
}

const REGIONS = ['Potsdam', 'München', 'Kreis Recklinghausen', 'Bayern'];

function dateOf(i: number): string {
  return `${2023 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
}
/** Source path of article i. */
const sourceOf = (i: number): string => `content/${dateOf(i).slice(0, 4)}/${dateOf(i)}-meldung-${i}.md`;
/** Output page of article i (titles are "Meldung i"). */
const pageOf = (i: number): string => `dist/${dateOf(i).slice(0, 4)}/${dateOf(i).slice(5)}-meldung-${i}/index.html`;
/** Article 3 links to article 4 and to site paths, one article shows an image: the random sequence leaves them alone. */
const LINKED = [sourceOf(3), sourceOf(4), 'content/2024/2024-06-01-mit-bild.md'];

function initialSite(): string {
  const files: Record<string, string> = {
    'stadtbote.config.yaml': 'title: Cache-Test\nbaseUrl: https://example.org/\nperPage: 4\nfeedItems: 5\nsearch: false\n',
    'content/pages/impressum.md': '---\ntitle: Impressum\n---\nStadt Test.\n',
  };
  for (let i = 0; i < 30; i++) {
    files[sourceOf(i)] = article(
      { title: `Meldung ${i}`, date: dateOf(i), region: REGIONS[i % REGIONS.length]!, teaser: `Anriss ${i}` },
      // Links to site paths too: a cache entry with one must be taken like any other.
      i === 3 ? `Siehe [die andere Meldung](${path.posix.relative(path.posix.dirname(sourceOf(3)), sourceOf(4))}), [das Impressum](/impressum/) und [die Startseite](/).` : `Text ${i} mit **Fett**.`,
    );
  }
  return makeSite(files);
}

describe('persistent build cache', () => {
  let root: string;
  beforeAll(async () => {
    root = initialSite();
    const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#3366aa' } }).png().toBuffer();
    writeFileSync(path.join(root, 'content/2024/bild.png'), png);
    writeFileSync(path.join(root, 'content/2024/2024-06-01-mit-bild.md'), article({ title: 'Mit Bild', date: '2024-06-01', region: 'Potsdam' }, '![Ein blaues Rechteck](bild.png)'));
  });
  afterAll(() => cleanup(root));

  const warmEqualsCold = async (label: string): Promise<Awaited<ReturnType<typeof buildSite>>> => {
    const warm = await buildSite(root).catch((err: unknown) => {
      throw new Error(`${label}: ${JSON.stringify((err as { problems?: unknown }).problems ?? String(err))}`);
    });
    const cold = await buildSite(root, { noCache: true, out: path.join(root, 'cold') });
    const a = readTree(path.join(root, 'dist'));
    const b = readTree(path.join(root, 'cold'));
    expect([...a.keys()], label).toEqual([...b.keys()]);
    for (const [rel, bytes] of b) expect(a.get(rel)?.equals(bytes), `${label}: ${rel}`).toBe(true);
    expect(cold.cache).toBe('off');
    return warm;
  };

  it('a first build fills the cache; a second with no change renders nothing and writes nothing', async () => {
    const first = await warmEqualsCold('first build');
    expect(first.rendered.sources).toBeGreaterThan(30);
    // A build that takes every cache entry as it was does not write the cache again (same file, same time).
    // Both builds see sources old enough to be stamped: a first one too close to their writing would leave the stamps to the second.
    await untilStampable(path.join(root, 'content'));
    await buildSite(root);
    const cacheFile = path.join(root, '.stadtbote-cache/build-cache.bin');
    const before = statSync(cacheFile);
    const again = await buildSite(root);
    const after = statSync(cacheFile);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(again.cache).toBe('hit');
    expect(again.rendered).toEqual({ sources: 0, lists: 0 });
    expect(again.write?.written).toBe(0);
    expect(again.write?.swapped).toBe(false);
  });

  it('keeps an article’s list entry as its hash, not its HTML, and refuses an entry that holds the HTML', () => {
    const cacheDir = path.join(root, '.stadtbote-cache');
    const cache = new BuildCache(cacheDir, 'another fingerprint');
    const { status, last } = cache.load();
    expect(status).toBe('stale');
    const articles = [...last!.sources.values()].filter((e) => e.kind === 'article');
    expect(articles.length).toBeGreaterThan(30);
    for (const { meta } of articles) {
      expect(meta).not.toHaveProperty('listHtml');
      expect((meta as { listHash?: unknown }).listHash).toMatch(/^[\w-]{27}$/);
    }
    // An entry that carries the HTML (an older or a foreign writer) is not trusted; the same entry without it is.
    const [rel, entry] = [...last!.sources].find(([, e]) => e.kind === 'article')!;
    const withHtml = new Map(last!.sources).set(rel, { ...entry, meta: { ...entry.meta, listHtml: '<li>alt</li>' } as CachedSource['meta'] });
    expect(isWellFormed({ ...last!, sources: withHtml })).toBe(false);
    expect(isWellFormed(last!)).toBe(true);
  });

  it('editing one article re-renders that article and only the lists that show it', async () => {
    const file = path.join(root, sourceOf(0));
    writeFileSync(file, readFileSync(file, 'utf8').replace('Text 0', 'Geänderter Text 0'));
    const body = await warmEqualsCold('body edit');
    expect(body.rendered.sources).toBe(1);
    // The body is not shown in lists: no list page changes.
    expect(body.rendered.lists).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Meldung 0"', '"Meldung null"'));
    const title = await warmEqualsCold('title edit');
    // The title is also shown by the pages that link to the article (previous/next, related): those, not the archive.
    expect(title.rendered.sources).toBeGreaterThan(1);
    expect(title.rendered.sources).toBeLessThan(10);
    expect(title.rendered.lists).toBeGreaterThan(0);
    expect(title.rendered.lists).toBeLessThan(10);
  });

  it('keeps mtimes of unchanged files and removes outputs of deleted articles', async () => {
    const home = path.join(root, 'dist/regionen/index.html');
    const untouched = path.join(root, pageOf(2));
    const before = statSync(untouched).mtimeMs;
    const gone = path.join(root, pageOf(16));
    expect(existsSync(gone)).toBe(true);
    rmSync(path.join(root, sourceOf(16)));
    await warmEqualsCold('delete');
    expect(existsSync(gone)).toBe(false);
    expect(existsSync(home)).toBe(true);
    expect(statSync(untouched).mtimeMs).toBe(before);
  });

  it('stays byte-identical to a cold build after a random sequence of edits, deletions, renames and additions', async () => {
    const rnd = prng(20261127);
    const list = (): string[] => [...readTree(path.join(root, 'content')).keys()].filter((p) => p.endsWith('.md') && !p.startsWith('pages/') && !LINKED.includes(`content/${p}`));
    for (let step = 0; step < 12; step++) {
      const files = list();
      const pick = files[Math.floor(rnd() * files.length)]!;
      const abs = path.join(root, 'content', pick);
      const op = Math.floor(rnd() * 6);
      let label: string;
      if (op === 0) {
        writeFileSync(abs, readFileSync(abs, 'utf8').replace(/teaser: "[^"]*"/, `teaser: "Neu ${step}"`));
        label = `teaser ${pick}`;
      } else if (op === 1 && files.length > 10) {
        rmSync(abs);
        label = `delete ${pick}`;
      } else if (op === 2) {
        const dest = path.join(root, 'content', '2022', `umbenannt-${step}.md`);
        mkdirSync(path.dirname(dest), { recursive: true });
        renameSync(abs, dest);
        label = `rename ${pick}`;
      } else if (op === 3) {
        writeFileSync(abs, readFileSync(abs, 'utf8').replace(/region: "[^"]*"/, `region: "${REGIONS[step % REGIONS.length]}"`));
        label = `region ${pick}`;
      } else if (op === 4) {
        writeFileSync(abs, readFileSync(abs, 'utf8').replace(/date: "[^"]*"/, `date: "2021-0${1 + (step % 9)}-1${step % 10}"`));
        label = `date ${pick}`;
      } else {
        writeFileSync(path.join(root, 'content', '2025', `2025-12-0${1 + (step % 9)}-neu-${step}.md`), article({ title: `Neu ${step}`, date: `2025-12-0${1 + (step % 9)}`, region: 'Bayern' }));
        label = `add ${step}`;
      }
      await warmEqualsCold(`step ${step}: ${label}`);
    }
  });

  it('re-renders the pages that use an image when the image changes', async () => {
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#aa3366' } }).png().toBuffer();
    writeFileSync(path.join(root, 'content/2024/bild.png'), png);
    const report = await warmEqualsCold('image changed');
    expect(report.rendered.sources).toBe(1);
  });

  it('a template change invalidates everything; a config change too', async () => {
    mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
    writeFileSync(path.join(root, 'templates/partials/footer.liquid'), '<footer class="site-footer"><p>Eigene Fußzeile</p></footer>\n');
    // Every page changes; the article pages come finished from rendering, their links to other
    // articles predicted from the last build (build/predicted-links.ts): none is read back and written again.
    const reads = vi.spyOn(OutputWriter.prototype, 'read');
    const t = await buildSite(root);
    expect(reads.mock.calls.filter(([rel]) => /^\d{4}\//.test(rel))).toEqual([]);
    reads.mockRestore();
    await warmEqualsCold('template override');
    expect(t.cache).toBe('stale');
    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toContain('Eigene Fußzeile');
    writeFileSync(path.join(root, 'stadtbote.config.yaml'), readFileSync(path.join(root, 'stadtbote.config.yaml'), 'utf8').replace('perPage: 4', 'perPage: 3'));
    const c = await warmEqualsCold('config change');
    expect(c.cache).toBe('stale');
  });

  it('rebuilds from the cache alone when the output folder is gone, as when CI restores only the cache', async () => {
    rmSync(path.join(root, 'dist'), { recursive: true, force: true });
    rmSync(path.join(root, '.dist.stadtbote-shadow'), { recursive: true, force: true });
    const report = await warmEqualsCold('output deleted');
    expect(report.cache).toBe('hit');
    expect(report.rendered.sources).toBeGreaterThan(30);
    const again = await buildSite(root);
    expect(again.rendered).toEqual({ sources: 0, lists: 0 });
    expect(again.write?.written).toBe(0);
  });

  it('ignores a corrupt, truncated or foreign cache and rebuilds in full', async () => {
    const cacheFile = path.join(root, '.stadtbote-cache/build-cache.bin');
    const good = readFileSync(cacheFile);
    const damaged = Buffer.from(good);
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0xff;
    for (const [label, bytes] of [
      ['flipped byte', damaged],
      ['truncated', good.subarray(0, Math.floor(good.length / 2))],
      ['foreign', Buffer.from('not a cache at all')],
    ] as const) {
      writeFileSync(cacheFile, bytes);
      const report = await warmEqualsCold(label);
      expect(report.cache, label).toBe('invalid');
      expect(report.rendered.sources, label).toBeGreaterThan(30);
    }
  });
});

describe('feeds kept from the last build', () => {
  it('are made again when an article in them links to one whose address changed, and equal a cold build', async () => {
    const root = makeSite({
      'stadtbote.config.yaml': 'title: Feeds\nbaseUrl: https://example.org/\nsearch: false\n',
      'content/2025/2025-05-02-neu.md': article({ title: 'Neu', date: '2025-05-02', region: 'Kiel' }, 'Siehe [die ältere Meldung](2025-05-01-alt.md).'),
      // In another region: the Kiel feeds list only the linking article, which does not change.
      'content/2025/2025-05-01-alt.md': article({ title: 'Alt', date: '2025-05-01', region: 'Potsdam' }, 'Text.'),
    });
    try {
      await buildSite(root);
      const before = readTree(path.join(root, 'dist'));
      expect(before.get('feed.xml')!.toString()).toContain('https://example.org/2025/05-01-alt/');
      // The linked article moves (file renamed): the linking one is unchanged, its feed item is not.
      writeFileSync(path.join(root, 'content/2025/2025-05-01-alt.md'), article({ title: 'Alt', date: '2025-05-01', region: 'Potsdam', slug: 'umbenannt' }, 'Text.'));
      await buildSite(root);
      await buildSite(root, { noCache: true, out: path.join(root, 'cold') });
      const warm = readTree(path.join(root, 'dist'));
      const cold = readTree(path.join(root, 'cold'));
      for (const [rel, bytes] of cold) expect(warm.get(rel)?.equals(bytes), rel).toBe(true);
      const kiel = [...cold.keys()].filter((rel) => rel.includes('kiel') && rel.endsWith('.xml'));
      expect(kiel.length).toBeGreaterThan(0);
      for (const rel of kiel) expect(warm.get(rel)!.toString(), rel).toContain('https://example.org/2025/05-01-umbenannt/');
      // Kept across a template edit, made again for a new site title: each time the bytes of a cold build.
      for (const edit of ['template', 'title'] as const) {
        if (edit === 'template') {
          mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
          writeFileSync(path.join(root, 'templates/partials/footer.liquid'), '<footer class="site-footer"><p>Eigene Fußzeile</p></footer>\n');
        } else writeFileSync(path.join(root, 'stadtbote.config.yaml'), 'title: Neue Feeds\nbaseUrl: https://example.org/\nsearch: false\n');
        await buildSite(root);
        rmSync(path.join(root, 'cold'), { recursive: true, force: true });
        await buildSite(root, { noCache: true, out: path.join(root, 'cold') });
        const after = readTree(path.join(root, 'dist'));
        for (const [rel, bytes] of readTree(path.join(root, 'cold'))) expect(after.get(rel)?.equals(bytes), `${edit}: ${rel}`).toBe(true);
      }
      expect(readTree(path.join(root, 'dist')).get('feed.xml')!.toString()).toContain('<title>Neue Feeds</title>');
    } finally {
      cleanup(root);
    }
  });

  it('are made again for every setting they show: time zone, publisher, language, number of items, address', async () => {
    const base = 'title: Feeds\nsearch: false\n';
    const root = makeSite({
      'stadtbote.config.yaml': `${base}baseUrl: https://example.org/\n`,
      'content/2025/2025-05-02-neu.md': article({ title: 'Neu', date: '2025-05-02', region: 'Kiel' }, 'Text.'),
      'content/2025/2025-05-01-alt.md': article({ title: 'Alt', date: '2025-05-01', region: 'Kiel' }, 'Text.'),
    });
    try {
      await buildSite(root);
      const settings = ['timezone: America/New_York', 'publisher:\n  name: Landkreis Test', 'language: en', 'feedItems: 1', 'baseUrl: https://presse.example.org/'];
      for (const setting of settings) {
        const url = setting.startsWith('baseUrl') ? '' : 'baseUrl: https://example.org/\n';
        writeFileSync(path.join(root, 'stadtbote.config.yaml'), `${base}${url}${setting}\n`);
        await buildSite(root);
        rmSync(path.join(root, 'cold'), { recursive: true, force: true });
        await buildSite(root, { noCache: true, out: path.join(root, 'cold') });
        const warm = readTree(path.join(root, 'dist'));
        const feeds = [...readTree(path.join(root, 'cold'))].filter(([rel]) => /\.(xml|json)$/.test(rel));
        expect(feeds.length, setting).toBeGreaterThan(3);
        for (const [rel, bytes] of feeds) expect(warm.get(rel)?.equals(bytes), `${setting}: ${rel}`).toBe(true);
      }
    } finally {
      cleanup(root);
    }
  });
});

describe('the cache file', () => {
  const dir = path.join(process.cwd(), 'test/artifacts/cache-file');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips an archive larger than one chunk, and rejects any prefix or a foreign fingerprint', () => {
    const data = emptyCache();
    for (let i = 0; i < 9000; i++) {
      const rel = `${2000 + (i % 25)}/meldung-${i}.md`;
      const meta = { src: rel, hash: `h${i}`, url: `/m/${i}/`, data: { title: `Meldung ${i} – „Zitat“` } } as unknown as CachedSource['meta'];
      // Well-formed entries (pages need only a title): the cache checks every entry it loads.
      data.sources.set(rel, { hash: `h${i}`, kind: 'page', meta, problems: [], links: [], assets: [], assetKey: 'k', htmlHash: `p${i}` });
    }
    data.outputs.set('feeds', { key: 'x', files: [['feed.xml', 'y']] });
    const cache = new BuildCache(dir, 'fingerprint-1');
    cache.save(data);
    const loaded = cache.load();
    expect(loaded.status).toBe('hit');
    expect([...loaded.data.sources]).toEqual([...data.sources]);
    expect(loaded.data.outputs).toEqual(data.outputs);

    const file = path.join(dir, 'build-cache.bin');
    const bytes = readFileSync(file);
    // Cut inside the last chunk and exactly at the end of the first one: both must be refused.
    // The header: magic (16 bytes), format (4), checksum (32), three fingerprints (64 each: the whole, the sources', the lists').
    const header = 16 + 4 + 32 + 192;
    const firstChunkEnd = header + 4 + bytes.readUInt32LE(header);
    for (const cut of [bytes.length - 1, firstChunkEnd]) {
      writeFileSync(file, bytes.subarray(0, cut));
      expect(cache.load().status, `cut at ${cut}`).toBe('invalid');
    }
    writeFileSync(file, bytes);
    expect(new BuildCache(dir, 'fingerprint-2').load().status).toBe('stale');
    // Saved without the parts' fingerprints: no part can match.
    expect(new BuildCache(dir, 'fingerprint-2', () => ({ sources: '', lists: '' })).load().status).toBe('stale');
  });

  it('comes back as partial where the sources’ fingerprint matches, and stale with the parts that hold where only the lists’ does', () => {
    const dir = tempDir();
    const data = emptyCache();
    data.outputs.set('list:/', { key: 'k', files: [['index.html', 'h']] });
    new BuildCache(dir, 'alles-1', () => ({ sources: 'quellen-1', lists: 'listen-1' })).save(data);
    expect(new BuildCache(dir, 'alles-1', () => ({ sources: 'quellen-2' })).load().status).toBe('hit');
    // After a hit the parts are the file's: they are not made again, and a save keeps them.
    const asked = vi.fn(() => ({ sources: 'anders', lists: 'anders' }));
    const again = new BuildCache(dir, 'alles-1', asked);
    expect(again.load().status).toBe('hit');
    again.save(data);
    expect(asked).not.toHaveBeenCalled();
    const partial = new BuildCache(dir, 'alles-2', () => ({ sources: 'quellen-1', lists: 'listen-2' })).load();
    expect([partial.status, [...(partial.holding ?? [])]]).toEqual(['partial', ['sources']]);
    expect(partial.data.outputs).toEqual(data.outputs);
    const both = new BuildCache(dir, 'alles-2', () => ({ sources: 'quellen-1', lists: 'listen-1' })).load();
    expect([both.status, [...(both.holding ?? [])]]).toEqual(['partial', ['sources', 'lists']]);
    const lists = new BuildCache(dir, 'alles-2', () => ({ sources: 'quellen-2', lists: 'listen-1' })).load();
    expect([lists.status, lists.data.outputs.size, lists.last?.outputs.size, [...(lists.holding ?? [])]]).toEqual(['stale', 0, 1, ['lists']]);
    const stale = new BuildCache(dir, 'alles-2', () => ({ sources: 'quellen-2', lists: 'listen-2' })).load();
    expect([stale.status, stale.holding]).toEqual(['stale', undefined]);
    expect(new BuildCache(dir, 'alles-2').load().status).toBe('stale');
  });
});

describe('parallel rendering', () => {
  it('makes the same article pages and cache entries on threads as in one thread: bytes, hashes and search views (a cold build with search)', async () => {
    const root = initialSite();
    try {
      const config = path.join(root, 'stadtbote.config.yaml');
      writeFileSync(config, readFileSync(config, 'utf8').replace('search: false', 'search: true'));
      // Cold: no last build predicts the pages' links to other articles, so every page is written first and finished after.
      const threads = await buildSite(root, { workers: 2, out: path.join(root, 'threads'), cacheDir: path.join(root, 'cache-threads') });
      const single = await buildSite(root, { workers: 0, out: path.join(root, 'single'), cacheDir: path.join(root, 'cache-single') });
      expect([threads.threads, single.threads]).toEqual([2, 0]);
      const pages = (dir: string): [string, Buffer][] => [...readTree(path.join(root, dir))].filter(([rel]) => rel.endsWith('.html'));
      expect(pages('threads')).toEqual(pages('single'));
      // What the next build keys each article page and its part of the search index by.
      const articleOutputs = (dir: string) =>
        [...new BuildCache(path.join(root, dir), 'another fingerprint').load().last!.outputs].filter(([name]) => name.startsWith('article:')).sort(([a], [b]) => (a < b ? -1 : 1));
      const threaded = articleOutputs('cache-threads');
      expect(threaded).toHaveLength(30);
      expect(threaded.every(([, entry]) => /^[\w-]{27}$/.test(entry.search ?? ''))).toBe(true);
      expect(threaded).toEqual(articleOutputs('cache-single'));
    } finally {
      cleanup(root);
    }
  });

  it('writes the same bytes on worker threads as in one thread, and reports every problem the same', async () => {
    const root = initialSite();
    try {
      const threads = await buildSite(root, { workers: 2, noCache: true, out: path.join(root, 'threads') });
      const single = await buildSite(root, { workers: 0, noCache: true, out: path.join(root, 'single') });
      expect([threads.threads, single.threads]).toEqual([2, 0]);
      // Left to itself, a site this small does not pay for starting threads.
      expect((await buildSite(root, { noCache: true, out: path.join(root, 'default') })).threads).toBe(0);
      expect(threads.rendered).toEqual(single.rendered);
      expect(threads.rendered.lists).toBeGreaterThan(10);
      const a = readTree(path.join(root, 'threads'));
      const b = readTree(path.join(root, 'single'));
      expect([...a.keys()]).toEqual([...b.keys()]);
      for (const [rel, bytes] of b) expect(a.get(rel)?.equals(bytes), rel).toBe(true);

      writeFileSync(path.join(root, 'content/2025/kaputt.md'), article({ date: '2025-02-30' }));
      const errorsOf = (workers: number) =>
        buildSite(root, { workers, noCache: true, out: path.join(root, `broken-${workers}`) }).then(
          () => [],
          (err: { problems?: unknown }) => err.problems,
        );
      const [withThreads, without] = await Promise.all([errorsOf(2), errorsOf(0)]);
      expect(withThreads).toEqual(without);
      expect(JSON.stringify(withThreads)).toContain('kaputt.md');
    } finally {
      cleanup(root);
    }
  }, 60_000);

  it('renders in this thread what the Markdown cache holds, and on threads what must be parsed', async () => {
    const files: Record<string, string> = { 'stadtbote.config.yaml': 'title: Fäden\nbaseUrl: https://example.org/\nsearch: false\n' };
    for (let i = 0; i < 320; i++) files[sourceOf(i)] = article({ title: `Meldung ${i}`, date: dateOf(i), region: REGIONS[i % REGIONS.length]!, teaser: `Anriss ${i}` }, `Text ${i} mit **Fett**.`);
    const root = makeSite(files);
    // One core gives no threads to choose; every machine this runs on has two or more.
    const threads = Math.min(os.availableParallelism(), 8);
    expect(threads).toBeGreaterThan(1);
    try {
      // Nothing stored yet: every body is parsed, on threads.
      expect((await buildSite(root)).threads).toBe(threads);
      // A template edit: every page again, each from its stored body, in this thread.
      mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
      writeFileSync(path.join(root, 'templates/partials/footer.liquid'), '<footer class="site-footer"><p>Fassung 2</p></footer>\n');
      const edit = await buildSite(root);
      expect([edit.threads, edit.rendered.sources]).toEqual([0, 320]);
      expect(readFileSync(path.join(root, pageOf(7)), 'utf8')).toContain('Fassung 2');
      // A setting the bodies depend on (raw HTML) makes every stored body useless: parsing goes to threads again.
      writeFileSync(path.join(root, 'stadtbote.config.yaml'), 'title: Fäden\nbaseUrl: https://example.org/\nsearch: false\nrawHtml: sanitize\n');
      const config = await buildSite(root);
      expect([config.threads, config.rendered.sources]).toEqual([threads, 320]);
      await buildSite(root, { noCache: true, out: path.join(root, 'cold') });
      const a = readTree(path.join(root, 'dist'));
      for (const [rel, bytes] of readTree(path.join(root, 'cold'))) expect(a.get(rel)?.equals(bytes), rel).toBe(true);
    } finally {
      cleanup(root);
    }
  }, 120_000);

  it('renders the list pages of a list template edit in this thread, as no source needs threads', async () => {
    const files: Record<string, string> = { 'stadtbote.config.yaml': 'title: Listen\nbaseUrl: https://example.org/\nsearch: false\nperPage: 2\n' };
    for (let i = 0; i < 320; i++) files[sourceOf(i)] = article({ title: `Meldung ${i}`, date: dateOf(i), region: REGIONS[i % REGIONS.length]!, teaser: `Anriss ${i}` }, `Text ${i}.`);
    const root = makeSite(files);
    try {
      expect((await buildSite(root)).threads).toBeGreaterThan(1);
      mkdirSync(path.join(root, 'templates'), { recursive: true });
      writeFileSync(path.join(root, 'templates/list.liquid'), readFileSync(path.join(REPO, 'templates/list.liquid'), 'utf8').replace('{% block content %}', '{% block content %}<p>Fassung 2</p>'));
      const edit = await buildSite(root);
      // Enough list pages that threads would be started for them (PARALLEL_THRESHOLD), were they not idle.
      expect(edit.rendered.lists).toBeGreaterThanOrEqual(PARALLEL_THRESHOLD);
      expect([edit.cache, edit.threads, edit.rendered.sources]).toEqual(['partial', 0, 0]);
      expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toContain('Fassung 2');
    } finally {
      cleanup(root);
    }
  }, 120_000);
});

describe('a path that changes between file and folder', () => {
  it('is written over whatever an older generation left in the shadow folder', async () => {
    const root = makeSite({ 'stadtbote.config.yaml': 'search: false\n', 'content/2025/a.md': article({ title: 'Eins' }), 'static/foo/bar.txt': 'x' });
    try {
      const edit = (text: string): void => writeFileSync(path.join(root, 'content/2025/a.md'), article({ title: 'Eins' }, text));
      await buildSite(root);
      rmSync(path.join(root, 'static/foo'), { recursive: true });
      writeFileSync(path.join(root, 'static/foo'), 'y');
      await buildSite(root);
      edit('Zweite Fassung.');
      await buildSite(root); // the shadow still holds foo/ as a folder from two builds back
      expect(readFileSync(path.join(root, 'dist/foo'), 'utf8')).toBe('y');
      rmSync(path.join(root, 'static/foo'));
      mkdirSync(path.join(root, 'static/foo'));
      writeFileSync(path.join(root, 'static/foo/bar.txt'), 'z');
      await buildSite(root);
      edit('Dritte Fassung.');
      await buildSite(root); // and now foo as a file
      await buildSite(root, { noCache: true, out: path.join(root, 'cold') });
      const warm = readTree(path.join(root, 'dist'));
      const cold = readTree(path.join(root, 'cold'));
      expect([...warm.keys()]).toEqual([...cold.keys()]);
      for (const [rel, bytes] of cold) expect(warm.get(rel)?.equals(bytes), rel).toBe(true);
    } finally {
      cleanup(root);
    }
  });
});

describe('a site of more than 300 files (made on the output writer’s file thread)', () => {
  it('stays byte-identical to a cold build through a template edit, with search, its article pages written once', async () => {
    const files: Record<string, string> = { 'stadtbote.config.yaml': 'title: Dateien\nbaseUrl: https://example.org/\n' };
    for (let i = 0; i < 340; i++) {
      const day = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      files[`content/2024/${day}-meldung-${i}.md`] = article({ title: `Meldung ${i}`, date: day, region: REGIONS[i % REGIONS.length]!, teaser: `Anriss ${i}` }, `Text ${i}.`);
    }
    const root = makeSite(files);
    try {
      const first = await buildSite(root, { workers: 0 });
      expect(first.write?.written).toBeGreaterThan(300);
      mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
      writeFileSync(path.join(root, 'templates/partials/footer.liquid'), '<footer class="site-footer"><p>Fassung 2</p></footer>\n');
      const reads = vi.spyOn(OutputWriter.prototype, 'read');
      const edit = await buildSite(root, { workers: 0 });
      expect(reads.mock.calls.filter(([rel]) => /^\d{4}\/\d\d-\d\d-/.test(rel))).toEqual([]);
      reads.mockRestore();
      expect(edit.searchIndex?.status).toBe('kept');
      await buildSite(root, { noCache: true, out: path.join(root, 'cold') });
      const a = readTree(path.join(root, 'dist'));
      const b = readTree(path.join(root, 'cold'));
      expect([...a.keys()]).toEqual([...b.keys()]);
      for (const [rel, bytes] of b) expect(a.get(rel)?.equals(bytes), rel).toBe(true);
      expect(a.get('index.html')?.toString('utf8')).toContain('Fassung 2');
    } finally {
      cleanup(root);
    }
  }, 180_000);
});
