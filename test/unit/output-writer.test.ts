import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { OutputWriter } from '../../src/write/writer.js';
import { hashOf } from '../../src/util/hash.js';
import { cleanup, readTree, tempDirsPerTest } from '../helpers.js';

const folder = tempDirsPerTest('stadtbote-writer-');

/** An output folder `dist` and a state folder in a fresh temporary folder. */
function setup(): { out: string; state: string; parent: string } {
  const parent = folder();
  return { out: path.join(parent, 'dist'), state: path.join(parent, 'state'), parent };
}

/** One build: opens a writer, puts the files, commits. */
/** Both ways files are made: in this thread (a small build), and on the file thread from the first file (write/file-queue.ts). */
const MODES = [
  ['in this thread', undefined],
  ['on the file thread', 0],
] as const;
let fileThreadFrom: number | undefined;
const open = (out: string, state: string | undefined) => OutputWriter.open(out, state, { fileThreadFrom });

function write(out: string, state: string | undefined, files: Record<string, string>) {
  const writer = open(out, state);
  for (const [rel, content] of Object.entries(files)) writer.put(rel, content);
  return writer.commit();
}

const text = (tree: Map<string, Buffer>): Record<string, string> => Object.fromEntries([...tree].map(([k, v]) => [k, v.toString()]));

describe.each(MODES)('OutputWriter, files made %s', (_, threadFrom) => {
  beforeEach(() => {
    fileThreadFrom = threadFrom;
  });

  it('writes a first build and swaps it in as a whole', () => {
    const { out, state, parent } = setup();
    const stats = write(out, state, { 'index.html': 'home', '2025/a/index.html': 'a' });
    expect(stats).toEqual({ written: 2, linked: 0, removed: 0, files: 2, swapped: true });
    expect(text(readTree(out))).toEqual({ 'index.html': 'home', '2025/a/index.html': 'a' });
    // No lock left behind; the shadow and old folders are hidden beside the output.
    expect(readdirSync(parent).filter((n) => n.endsWith('lock'))).toEqual([]);
  });

  it('a build that changes nothing touches no file', () => {
    const { out, state } = setup();
    write(out, state, { 'index.html': 'home', 'a.txt': 'a' });
    const before = statSync(path.join(out, 'a.txt'));
    const stats = write(out, state, { 'index.html': 'home', 'a.txt': 'a' });
    expect(stats).toEqual({ written: 0, linked: 0, removed: 0, files: 2, swapped: false });
    const after = statSync(path.join(out, 'a.txt'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('writes only what changed; unchanged files are hard links to the live ones (same inode, same mtime)', () => {
    const { out, state } = setup();
    write(out, state, { 'index.html': 'home', 'a.txt': 'a', 'b.txt': 'b' });
    const a = statSync(path.join(out, 'a.txt'));
    const stats = write(out, state, { 'index.html': 'home 2', 'a.txt': 'a', 'b.txt': 'b' });
    expect(stats).toMatchObject({ written: 1, linked: 2, swapped: true });
    const a2 = statSync(path.join(out, 'a.txt'));
    expect([a2.ino, a2.mtimeMs]).toEqual([a.ino, a.mtimeMs]);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('home 2');
  });

  it('removes files nothing produces any more, and their empty folders', () => {
    const { out, state } = setup();
    write(out, state, { 'index.html': 'home', 'alt/x/index.html': 'x' });
    const stats = write(out, state, { 'index.html': 'home' });
    expect(stats).toMatchObject({ removed: 1, files: 1 });
    expect(text(readTree(out))).toEqual({ 'index.html': 'home' });
    expect(existsSync(path.join(out, 'alt'))).toBe(false);
  });

  it('a file may become a folder and back between builds', () => {
    const { out, state } = setup();
    write(out, state, { 'a': 'file' });
    write(out, state, { 'a/index.html': 'folder' });
    expect(text(readTree(out))).toEqual({ 'a/index.html': 'folder' });
    write(out, state, { 'a': 'file again' });
    expect(text(readTree(out))).toEqual({ 'a': 'file again' });
    write(out, state, { 'a/index.html': 'folder again' });
    expect(text(readTree(out))).toEqual({ 'a/index.html': 'folder again' });
  });

  it('works without a state folder (--no-cache) by comparing with the files on disk', () => {
    const { out } = setup();
    write(out, undefined, { 'a.txt': 'a', 'b.txt': 'b' });
    const a = statSync(path.join(out, 'a.txt'));
    const stats = write(out, undefined, { 'a.txt': 'a', 'b.txt': 'b 2' });
    expect(stats).toMatchObject({ written: 1, linked: 1, swapped: true });
    expect(statSync(path.join(out, 'a.txt')).ino).toBe(a.ino);
  });

  it('keep(): a file known by hash only is kept when the live output has those bytes, refused otherwise', () => {
    const { out, state } = setup();
    write(out, state, { 'bild.webp': 'pixels' });
    const writer = open(out, state);
    expect(writer.canKeep('bild.webp', hashOf('pixels'))).toBe(true);
    expect(writer.keep('bild.webp', hashOf('other pixels'))).toBe(false);
    expect(writer.keep('neu.webp', hashOf('pixels'))).toBe(false);
    expect(writer.keep('bild.webp', hashOf('pixels'))).toBe(true);
    expect(writer.has('bild.webp')).toBe(true);
    expect(writer.read('bild.webp').toString()).toBe('pixels');
    writer.put('neu.txt', 'neu');
    expect(writer.read('neu.txt').toString()).toBe('neu');
    expect(() => writer.read('fehlt.txt')).toThrow(/not part of the new output/);
    expect(writer.commit()).toMatchObject({ files: 2, written: 1, linked: 1 });
    expect(text(readTree(out))).toEqual({ 'bild.webp': 'pixels', 'neu.txt': 'neu' });
  });

  it('abort() leaves the live output as it was', () => {
    const { out, state } = setup();
    write(out, state, { 'index.html': 'home' });
    const writer = open(out, state);
    writer.put('index.html', 'half');
    writer.put('neu.html', 'half');
    writer.abort();
    expect(text(readTree(out))).toEqual({ 'index.html': 'home' });
    // The lock is released: the next build can open the folder.
    expect(write(out, state, { 'index.html': 'home 2' })).toMatchObject({ written: 1 });
  });

  it('refuses paths that would leave the output folder', () => {
    const { out, state } = setup();
    const writer = open(out, state);
    for (const rel of ['../x', '/etc/x', 'a/../../x', 'a//b', './x', '']) expect(() => writer.put(rel, 'x'), rel).toThrow(/outside the output folder/);
    writer.abort();
  });

  it('one build at a time: a second writer for the same folder is refused while the first is open', () => {
    const { out, state } = setup();
    const first = open(out, state);
    // The lock now holds this process's pid, which the writer takes for a stale lock of its own:
    // name a live process that is not this one (the parent) as another build would.
    writeFileSync(path.join(path.dirname(out), '.dist.stadtbote-lock'), String(process.ppid));
    expect(() => open(out, state)).toThrow(/another Stadtbote build \(process \d+\)/);
    first.abort();
    expect(() => open(out, state).abort()).not.toThrow();
  });

  it('a lock left by a process that is gone is taken over', () => {
    const { out, state } = setup();
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(path.join(path.dirname(out), '.dist.stadtbote-lock'), '999999999');
    expect(write(out, state, { 'a.txt': 'a' })).toMatchObject({ written: 1 });
  });

  it('a build killed between the two renames of a swap: the next one puts the complete output back', () => {
    const { out, state, parent } = setup();
    write(out, state, { 'index.html': 'home' });
    // What a kill after "live → old" and before "shadow → live" leaves behind.
    const old = path.join(parent, '.dist.stadtbote-old');
    mkdirSync(old);
    for (const name of readdirSync(out)) writeFileSync(path.join(old, name), readFileSync(path.join(out, name)));
    cleanup(out);
    const writer = open(out, state);
    expect(text(readTree(out))).toEqual({ 'index.html': 'home' });
    writer.abort();
  });

  it('is closed after commit', () => {
    const { out, state } = setup();
    const writer = open(out, state);
    writer.put('a.txt', 'a');
    writer.commit();
    expect(() => writer.put('b.txt', 'b')).toThrow(/closed/);
  });
});
