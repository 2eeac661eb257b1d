import { appendFileSync, chmodSync, cpSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentStamp } from '../../src/content/file-stamp.js';
import { SourceStamps } from '../../src/content/source-stamps.js';
import { readSource, stampedSource } from '../../src/content/load.js';
import { takeCachedSources, type SourceSink } from '../../src/build/render-sources.js';
import { fromLastBuild, predictsLinks } from '../../src/build/last-build.js';
import type { CachedSource } from '../../src/cache/cache.js';
import { assetDependencyKey } from '../../src/cache/asset-key.js';
import type { SourceFile } from '../../src/model/types.js';
import { article, buildSite, cleanup, makeSite, readTree, tempDir } from '../helpers.js';

afterEach(() => vi.restoreAllMocks());

/**
 * How many source files `run` reads: reads (`readSync`, `readFileSync`) through a descriptor opened on a
 * Markdown file of a `content/` folder. Opening alone is no read: a stamp is taken through an open descriptor too.
 */
async function sourceReads(run: () => Promise<unknown>): Promise<number> {
  const sourceFds = new Set<number>();
  const read = new Set<number>();
  let reads = 0;
  const openSync = fs.openSync;
  const spies: { mockRestore(): void }[] = [
    vi.spyOn(fs, 'openSync').mockImplementation((file, ...rest) => {
      const fd = openSync(file, ...rest);
      if (typeof file === 'string' && file.endsWith('.md') && file.split(path.sep).includes('content')) sourceFds.add(fd);
      else sourceFds.delete(fd);
      read.delete(fd);
      return fd;
    }),
  ];
  // One read of a file may take several calls: counted once per opening.
  const count = (fd: unknown): void => {
    if (typeof fd !== 'number' || !sourceFds.has(fd) || read.has(fd)) return;
    read.add(fd);
    reads++;
  };
  const readSync = fs.readSync;
  const readFileSync = fs.readFileSync;
  spies.push(vi.spyOn(fs, 'readSync').mockImplementation(((fd: number, ...rest: unknown[]) => (count(fd), (readSync as (...a: unknown[]) => number)(fd, ...rest))) as typeof fs.readSync));
  spies.push(vi.spyOn(fs, 'readFileSync').mockImplementation(((file: unknown, ...rest: unknown[]) => (count(file), (readFileSync as (...a: unknown[]) => unknown)(file, ...rest))) as typeof fs.readFileSync));
  // The library imports these by name: the spies reach it once the module's exports are synced.
  syncBuiltinESMExports();
  try {
    await run();
    return reads;
  } finally {
    for (const spy of spies) spy.mockRestore();
    syncBuiltinESMExports();
  }
}

/** The clock ten seconds on: files written by the test are old enough to vouch for their bytes. */
const later = (ms = 10_000): void => {
  const now = Date.now() + ms;
  vi.spyOn(Date, 'now').mockReturnValue(now);
};

describe('file stamps', () => {
  it('are given only for files older than two seconds, and change with every write, also when the modification time is put back', () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'a.md');
      writeFileSync(file, 'eins');
      // Just written: a second write in the same tick could keep the times.
      expect(currentStamp(file)).toBeUndefined();
      // A modification time of whole seconds, so that it can be put back exactly.
      const old = new Date('2025-03-01T08:00:00Z');
      utimesSync(file, old, old);
      later();
      const first = currentStamp(file);
      expect(first).toMatch(/^4:/);
      expect(readSource(dir, 'a.md', 'content/').stamp).toBe(first);
      writeFileSync(file, 'zwei');
      utimesSync(file, old, old);
      expect(statSync(file).mtimeMs).toBe(old.getTime());
      later(20_000);
      // Same size, same modification time: the change time tells them apart.
      expect(currentStamp(file)).not.toBe(first);
      expect(currentStamp(path.join(dir, 'fehlt.md'))).toBeUndefined();
      // A link that loops cannot be stamped: undefined, and the read reports it, not the stamp.
      symlinkSync('schleife.md', path.join(dir, 'schleife.md'));
      expect(currentStamp(path.join(dir, 'schleife.md'))).toBeUndefined();
      expect(currentStamp(dir)).toBeUndefined();
    } finally {
      cleanup(dir);
    }
  });

  it('let the cache stage take an unchanged source without reading it, and read one whose stamp differs', () => {
    const entry = (rel: string, stamp?: string): CachedSource => ({ hash: `h-${rel}`, ...(stamp ? { stamp } : {}), kind: 'page', meta: { src: rel, hash: 'm', url: `/${rel}/`, data: { title: rel } } as never, problems: [], links: [], assets: [], assetKey: assetDependencyKey([], new Map()), htmlHash: 'x' });
    const previous = new Map([
      ['a.md', entry('a.md', 's-a')],
      ['b.md', entry('b.md', 's-b-old')],
      ['c.md', entry('c.md')],
    ]);
    const read: string[] = [];
    const next = new Map<string, CachedSource>();
    const sink: SourceSink = { accept: () => true, reject: () => undefined };
    const toRender = takeCachedSources(
      {
        sources: ['a.md', 'b.md', 'c.md'],
        read: (rel): SourceFile => (read.push(rel), { rel, abs: rel, display: `content/${rel}`, hash: `h-${rel}`, text: '', stamp: `s-${rel}-new` }),
        stamp: (rel) => (rel === 'a.md' ? 's-a' : `s-${rel}-new`),
        displayPrefix: 'content/',
        assets: new Map(),
        next,
      },
      previous,
      sink,
    );
    expect(toRender).toEqual([]);
    expect(read).toEqual(['b.md', 'c.md']);
    // Taken as it was: the very entry, so a build that changed nothing does not write the cache again.
    expect(next.get('a.md')).toBe(previous.get('a.md'));
    // Read and the same: the entry carries the new stamp for the next build.
    expect(next.get('b.md')).toEqual({ ...previous.get('b.md'), stamp: 's-b.md-new' });
    expect(next.get('c.md')?.stamp).toBe('s-c.md-new');
  });

  it('let the cache stage take a source whose bytes a thread hashed (CI) without reading it, and read one whose hash differs', () => {
    const entry = (rel: string): CachedSource => ({ hash: `h-${rel}`, stamp: `s-${rel}-old`, kind: 'page', meta: { src: rel, hash: 'm', url: `/${rel}/`, data: { title: rel } } as never, problems: [], links: [], assets: [], assetKey: assetDependencyKey([], new Map()), htmlHash: 'x' });
    const previous = new Map(['a.md', 'b.md', 'c.md', 'd.md'].map((rel) => [rel, entry(rel)] as const));
    const read: string[] = [];
    const accepted: string[] = [];
    const next = new Map<string, CachedSource>();
    // d.md's page cannot be had from the last build: it is rendered, from a read.
    const sink: SourceSink = { accept: (e) => (accepted.push(e.meta.src), e.meta.src !== 'd.md'), reject: () => undefined };
    const known = { 'a.md': { stamp: 's-a.md-new', hash: 'h-a.md' }, 'b.md': { stamp: 's-b.md-new', hash: 'h-b.md-edited' }, 'd.md': { stamp: undefined, hash: 'h-d.md' } } as Record<string, { stamp: string | undefined; hash: string }>;
    const toRender = takeCachedSources(
      {
        sources: ['a.md', 'b.md', 'c.md', 'd.md'],
        read: (rel): SourceFile => (read.push(rel), { rel, abs: rel, display: `content/${rel}`, hash: rel === 'b.md' ? 'h-b.md-edited' : `h-${rel}`, text: '', stamp: `s-${rel}-read` }),
        stamp: () => undefined,
        known: (rel) => known[rel],
        displayPrefix: 'content/',
        assets: new Map(),
        next,
      },
      previous,
      sink,
    );
    // a.md: hashed on the thread, the same bytes: taken with the thread's stamp. b.md: edited, read and rendered.
    // c.md: the thread had not got there: read here. d.md: accepted once, refused, read and rendered.
    expect(read).toEqual(['b.md', 'c.md', 'd.md']);
    expect(accepted).toEqual(['a.md', 'c.md', 'd.md']);
    expect(toRender.map((s) => (typeof s === 'string' ? s : s.rel))).toEqual(['b.md', 'd.md']);
    expect(next.get('a.md')).toEqual({ ...previous.get('a.md'), stamp: 's-a.md-new' });
    expect(next.get('c.md')?.stamp).toBe('s-c.md-read');
  });

  it('in CI (a restored copy of the output) are not taken: the sources are hashed on a thread once the copy is checked', async () => {
    const root = makeSite({
      'stadtbote.config.yaml': 'title: Stempel\nbaseUrl: https://example.org/\nsearch: false\n',
      'content/2025/2025-03-01-eins.md': article({ title: 'Eins', date: '2025-03-01' }),
    });
    try {
      await buildSite(root);
      const hashing = vi.spyOn(SourceStamps.prototype, 'startHashing');
      const taking = vi.spyOn(SourceStamps, 'take');
      await buildSite(root);
      // A build from the cache on the same folder: the stamps go on a thread (for a site large enough to have one).
      expect(taking.mock.calls.map((call) => call[2])).toEqual([true]);
      // The same folder, changed at its top (a file removed, chmod): checked like a copy, but its sources keep their stamps.
      chmodSync(path.join(root, 'dist'), statSync(path.join(root, 'dist')).mode);
      await buildSite(root);
      expect(hashing).not.toHaveBeenCalled();
      // What CI does: the output comes back as a copy (times kept, another inode), without the shadow folder.
      const dist = path.join(root, 'dist');
      cpSync(dist, `${dist}.restored`, { recursive: true, preserveTimestamps: true });
      rmSync(dist, { recursive: true });
      rmSync(path.join(root, '.dist.stadtbote-shadow'), { recursive: true, force: true });
      renameSync(`${dist}.restored`, dist);
      taking.mockClear();
      const report = await buildSite(root);
      expect(hashing).toHaveBeenCalledTimes(1);
      // Not the stamps of a checkout: none would match.
      expect(taking.mock.calls.map((call) => call[2])).toEqual([false]);
      expect(report.cache).toBe('hit');
      expect(report.write?.written).toBe(0);
    } finally {
      cleanup(root);
    }
  });

  it('keep a build from the cache byte-identical, and an edited source is seen', async () => {
    const root = makeSite({
      'stadtbote.config.yaml': 'title: Stempel\nbaseUrl: https://example.org/\nsearch: false\n',
      'content/2025/2025-03-01-eins.md': article({ title: 'Eins', date: '2025-03-01' }),
      'content/2025/2025-03-02-zwei.md': article({ title: 'Zwei', date: '2025-03-02' }),
    });
    try {
      later();
      await buildSite(root);
      const cold = readTree(path.join(root, 'dist'));
      let warm: Awaited<ReturnType<typeof buildSite>> | undefined;
      // Nothing changed: no source is read, the stamps vouch for them.
      expect(await sourceReads(async () => (warm = await buildSite(root)))).toBe(0);
      expect(warm?.rendered.sources).toBe(0);
      expect(readTree(path.join(root, 'dist'))).toEqual(cold);
      appendFileSync(path.join(root, 'content/2025/2025-03-01-eins.md'), '\nNachtrag zur Meldung.\n');
      later(20_000);
      const edit = await buildSite(root);
      expect(edit.rendered.sources).toBe(1);
      expect(readFileSync(path.join(root, 'dist/2025/03-01-eins/index.html'), 'utf8')).toContain('Nachtrag zur Meldung.');
    } finally {
      cleanup(root);
    }
  });
});

describe('sources unchanged since the last build', () => {
  it('are read only when their text is needed, also when sent to a render thread', async () => {
    const files: Record<string, string> = { 'stadtbote.config.yaml': 'title: Stempel\nbaseUrl: https://example.org/\nsearch: false\n' };
    for (let i = 1; i <= 9; i++) files[`content/2025/2025-03-0${i}-meldung-${i}.md`] = article({ title: `Meldung ${i}`, date: `2025-03-0${i}`, region: 'Potsdam' }, `Text ${i} mit **Fett**.`);
    const root = makeSite(files);
    try {
      later();
      await buildSite(root);
      const footer = (n: number): void => {
        mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
        writeFileSync(path.join(root, 'templates/partials/footer.liquid'), `<footer class="site-footer"><p>Fassung ${n}</p></footer>\n`);
      };
      // A template edit in this thread and one on two threads: each page made from the stamped, unread source.
      for (const [n, workers] of [[2, undefined], [3, 2]] as const) {
        footer(n);
        let edit: Awaited<ReturnType<typeof buildSite>> | undefined;
        const reads = await sourceReads(async () => (edit = await buildSite(root, workers === undefined ? {} : { workers })));
        expect(edit?.rendered.sources).toBe(9);
        // In this thread no source is read; a thread's reads are its own (the copy it was sent read the file).
        if (workers === undefined) expect(reads).toBe(0);
        // The same count sees a build that reads: a cold one reads all nine.
        expect(await sourceReads(() => buildSite(root, { noCache: true, out: path.join(root, 'cold') }))).toBe(9);
        expect(readTree(path.join(root, 'dist'))).toEqual(readTree(path.join(root, 'cold')));
        expect(readFileSync(path.join(root, 'dist/2025/03-04-meldung-4/index.html'), 'utf8')).toContain(`Fassung ${n}`);
      }
      // A stamped source whose body is not in the Markdown cache (the cache emptied) is read and parsed, here on a thread.
      rmSync(path.join(root, '.stadtbote-cache/markdown'), { recursive: true, force: true });
      footer(4);
      expect((await buildSite(root, { workers: 2 })).threads).toBe(2);
      expect(readFileSync(path.join(root, 'dist/2025/03-04-meldung-4/index.html'), 'utf8')).toContain('<strong>Fett</strong>');
    } finally {
      cleanup(root);
    }
  });

  it('carry the hash of the bytes read when the file changed after its stamp was taken', () => {
    const dir = tempDir();
    try {
      writeFileSync(path.join(dir, 'a.md'), 'neu geschrieben');
      const source = stampedSource(dir, 'a.md', 'content/', 'hash-der-alten-bytes', '9:1:1:1');
      expect([source.hash, source.stamp]).toEqual(['hash-der-alten-bytes', '9:1:1:1']);
      expect(source.text).toBe('neu geschrieben');
      expect(source.hash).toBe(readSource(dir, 'a.md', 'content/').hash);
      // Just written: no stamp, so the next build reads it again.
      expect(source.stamp).toBeUndefined();
    } finally {
      cleanup(dir);
    }
  });

  it('are known by their stamp: one whose stamp changed is read as usual', () => {
    const reads: string[] = [];
    const last = new Map<string, CachedSource>([
      ['a.md', { hash: 'h-a', stamp: 's-a' } as CachedSource],
      ['b.md', { hash: 'h-b', stamp: 's-b' } as CachedSource],
      ['c.md', { hash: 'h-c' } as CachedSource],
    ]);
    const file = (rel: string, how: string): SourceFile => (reads.push(`${how} ${rel}`), { rel, abs: rel, display: rel, hash: how, text: '' });
    const { read, articleLinksOf } = fromLastBuild(last, ['a.md', 'b.md', 'c.md'], { drafts: false, future: false, now: Date.now() }, { read: (rel) => file(rel, 'read'), stamp: (rel) => (rel === 'b.md' ? 's-b-new' : `s-${rel.slice(0, 1)}`), readKnown: (rel, hash) => file(rel, `known ${hash}`) }, false);
    for (const rel of ['a.md', 'b.md', 'c.md', 'd.md']) read(rel);
    expect(reads).toEqual(['known h-a a.md', 'read b.md', 'read c.md', 'read d.md']);
    expect(articleLinksOf).toBeUndefined();
  });
});

describe('predicting article links', () => {
  it('pays when a build renders one source in 32 or more: a template edit, a small site; not one edited article of 10,000', () => {
    expect(predictsLinks(0, 10)).toBe(false);
    expect(predictsLinks(1, 10)).toBe(true);
    expect(predictsLinks(313, 10_000)).toBe(true);
    expect(predictsLinks(312, 10_000)).toBe(false);
    expect(predictsLinks(1, 10_000)).toBe(false);
    expect(predictsLinks(10_000, 10_000)).toBe(true);
  });
});
