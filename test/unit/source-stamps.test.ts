import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { currentStamp } from '../../src/content/file-stamp.js';
import { SourceStamps, STAMP_THREAD_FROM } from '../../src/content/source-stamps.js';
import { readSource } from '../../src/content/load.js';
import { cleanup, prng, tempDir } from '../helpers.js';

/** `count` sources in year folders, and one that cannot be stamped (a link that loops). */
function contentFolder(count: number): { dir: string; sources: string[] } {
  const dir = tempDir('stadtbote-stamps-');
  const sources: string[] = [];
  for (let i = 0; i < count; i++) {
    const rel = `${2020 + (i % 5)}/meldung-${String(i).padStart(5, '0')}.md`;
    mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), `Meldung ${i}\n`);
    sources.push(rel);
  }
  symlinkSync('schleife.md', path.join(dir, 'schleife.md'));
  sources.push('schleife.md');
  return { dir, sources: sources.sort() };
}

describe('source stamps taken from both ends', () => {
  let large: { dir: string; sources: string[] };
  let expected: Map<string, string | undefined>;
  beforeAll(async () => {
    large = contentFolder(STAMP_THREAD_FROM + 200);
    // A file gets a stamp once both its times are two seconds old (content/file-stamp.ts): the thread has its own clock.
    await vi.waitFor(() => expect(large.sources.map((rel) => currentStamp(path.join(large.dir, rel))).filter(Boolean)).toHaveLength(large.sources.length - 1), { timeout: 15_000, interval: 200 });
    expected = new Map(large.sources.map((rel) => [rel, currentStamp(path.join(large.dir, rel))]));
  }, 20_000);
  afterAll(() => cleanup(large.dir));

  it('a large site: the thread takes them all, and each is the file’s own', async () => {
    const stamps = SourceStamps.take(large.dir, large.sources);
    await stamps.finished();
    expect(large.sources.map(stamps.stampOf)).toEqual(large.sources.map((rel) => expected.get(rel)));
    expect(stamps.takenHere).toBe(0);
    stamps.close();
  });

  it('asked while the thread is at work, in any order, or for a file it was not given: the same stamps', async () => {
    const next = prng(7);
    for (const order of ['front', 'random'] as const) {
      const stamps = SourceStamps.take(large.dir, large.sources);
      const asked = order === 'front' ? large.sources : [...large.sources].sort(() => next() - 0.5);
      expect(asked.map(stamps.stampOf), order).toEqual(asked.map((rel) => expected.get(rel)));
      stamps.close();
      await stamps.finished();
    }
    const stamps = SourceStamps.take(large.dir, large.sources.slice(1));
    expect(stamps.stampOf(large.sources[0]!)).toBe(expected.get(large.sources[0]!));
    expect(stamps.takenHere).toBe(1);
    stamps.close();
    await stamps.finished();
  });

  it('in CI (hashes): the thread reads and hashes the sources as the build reads them, and takes no stamp here', async () => {
    const stamps = SourceStamps.take(large.dir, large.sources, false);
    stamps.startHashing();
    await stamps.finished();
    for (const rel of large.sources) {
      const read = readSource(large.dir, rel, 'content/');
      // The loop of links cannot be read: no answer, the build reads it and reports it.
      expect(stamps.knownOf(rel), rel).toEqual(read.unreadable ? undefined : { stamp: read.stamp, hash: read.hash });
      expect(stamps.stampOf(rel), rel).toBe(read.unreadable ? undefined : read.stamp);
    }
    expect(stamps.takenHere).toBe(0);
    stamps.close();
    // Asked before the thread got there: nothing known, no stamp taken here (the build reads the file, which stamps it).
    const early = SourceStamps.take(large.dir, large.sources, false);
    early.startHashing();
    const first = large.sources[0]!;
    expect([early.knownOf(first), early.stampOf(first), early.takenHere]).toEqual([undefined, undefined, 0]);
    early.close();
    await early.finished();
  });

  it('in CI, while the build waits for the check of its output: this thread hashes from the front until the answer comes, the thread takes the rest', async () => {
    const reads = new Map(large.sources.map((rel) => [rel, readSource(large.dir, rel, 'content/')]));
    const knownAs = (rel: string): unknown => {
      const read = reads.get(rel)!;
      return read.unreadable ? undefined : { stamp: read.stamp, hash: read.hash };
    };
    // An answer two turns of the event loop away: this thread hashes a chunk or a few meanwhile, not the whole list.
    const stamps = SourceStamps.take(large.dir, large.sources, false);
    let turns = 0;
    const answer = new Promise<string>((resolve) => {
      const wait = (): void => void setImmediate(() => (++turns === 2 ? resolve('geprüft') : wait()));
      wait();
    });
    await expect(stamps.hashWhile(answer)).resolves.toBe('geprüft');
    const ahead = large.sources.filter((rel) => stamps.knownOf(rel) !== undefined);
    expect(ahead.length).toBeGreaterThan(0);
    expect(ahead.length).toBeLessThan(large.sources.length / 2);
    expect(ahead).toEqual(large.sources.slice(0, ahead.length));
    expect(stamps.hashedWhileWaiting).toBe(ahead.length);
    for (const rel of ahead) expect(stamps.knownOf(rel), rel).toEqual(knownAs(rel));
    // The source after them is not known yet, and no stamp is taken for it here: the build reads it.
    const next = large.sources[ahead.length]!;
    expect([stamps.knownOf(next), stamps.stampOf(next)]).toEqual([undefined, undefined]);
    stamps.close();
    await stamps.finished();

    // Then the thread takes the sources from the back to where this thread got, and no further: none is read twice.
    const both = SourceStamps.take(large.dir, large.sources, false);
    await both.hashWhile(Promise.resolve());
    const hashedHere = both.hashedWhileWaiting;
    expect(hashedHere).toBeGreaterThan(0);
    both.startHashing();
    await both.finished();
    for (const rel of large.sources) expect(both.knownOf(rel), rel).toEqual(knownAs(rel));
    both.close();
    expect([both.takenHere, both.answeredOnThread]).toEqual([0, large.sources.length - hashedHere]);

    // A small site has no thread to share the work with: nothing is hashed ahead.
    const small = contentFolder(20);
    try {
      const few = SourceStamps.take(small.dir, small.sources, false);
      await few.hashWhile(new Promise((resolve) => setTimeout(resolve, 20)));
      expect(small.sources.map((rel) => few.knownOf(rel))).toEqual(small.sources.map(() => undefined));
    } finally {
      cleanup(small.dir);
    }
  });

  it('a thread that fails leaves the stamps to this thread, and the build goes on', async () => {
    // The thread takes the sources from the back: a path that is no text makes it throw at once.
    const sources = [...large.sources, 7 as unknown as string];
    const stamps = SourceStamps.take(large.dir, sources);
    await stamps.finished();
    expect(large.sources.map(stamps.stampOf)).toEqual(large.sources.map((rel) => expected.get(rel)));
    expect(stamps.takenHere).toBe(large.sources.length);
    stamps.close();
  });

  it('a small site, or a large one without a cache file: no thread, each stamp taken when asked', async () => {
    const small = contentFolder(20);
    try {
      const stamps = SourceStamps.take(small.dir, small.sources);
      await stamps.finished();
      small.sources.forEach(stamps.stampOf);
      expect(stamps.takenHere).toBe(small.sources.length);
      const unhelped = SourceStamps.take(large.dir, large.sources, false);
      await unhelped.finished();
      expect(large.sources.map(unhelped.stampOf)).toEqual(large.sources.map((rel) => expected.get(rel)));
      expect(unhelped.takenHere).toBe(large.sources.length);
    } finally {
      cleanup(small.dir);
    }
  });
});
