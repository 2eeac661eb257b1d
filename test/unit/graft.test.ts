import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planGraft, writeJournal } from '../../src/write/graft.js';
import { liveManifestFile, OutputWriter } from '../../src/write/writer.js';
import { CopyCheck } from '../../src/write/copy-check.js';
import { fileIdentity } from '../../src/util/file-identity.js';
import { readState } from '../../src/write/manifest.js';
import { cleanup, prng, readTree, tempDir } from '../helpers.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) cleanup(d);
});

function setup(): { out: string; state: string; parent: string; shadow: string } {
  const parent = tempDir('stadtbote-graft-');
  made.push(parent);
  return { out: path.join(parent, 'dist'), state: path.join(parent, 'state'), parent, shadow: path.join(parent, '.dist.stadtbote-shadow') };
}

function write(out: string, state: string | undefined, files: Record<string, string>, options: Parameters<typeof OutputWriter.open>[2] = {}) {
  const writer = OutputWriter.open(out, state, options);
  for (const [rel, content] of Object.entries(files)) writer.put(rel, content);
  return writer.commit();
}

const text = (tree: Map<string, Buffer>): Record<string, string> => Object.fromEntries([...tree].map(([k, v]) => [k, v.toString()]));
const manifest = (...rels: string[]) => new Map(rels.map((r) => [r, 'h']));

describe('planGraft', () => {
  const live = manifest('index.html', '2024/a/index.html', '2024/b/index.html', '2025/c/index.html', '2025/d/index.html', '2025/index.html', 'assets/x.css');

  it('moves the highest folders whose every file is carried over; the root never moves', () => {
    const carried = new Set(['2024/a/index.html', '2024/b/index.html', '2025/d/index.html', '2025/index.html', 'assets/x.css']);
    // index.html and 2025/c changed: they were written into the shadow.
    const plan = planGraft(carried, live, ['index.html', '2025/c/index.html']);
    expect(plan).toEqual({ folders: ['2024', '2025/d', 'assets'], files: ['2025/index.html'], movedFiles: 4 });
  });

  it('a folder with a removed file, or one the shadow already has files in, is not moved whole', () => {
    // 2024/b is gone from the new output; 2025/d is in the shadow from an older generation.
    const carried = new Set(['2024/a/index.html', '2025/c/index.html', '2025/index.html', 'assets/x.css']);
    const plan = planGraft(carried, live, ['index.html', '2025/d/index.html']);
    expect(plan).toEqual({ folders: ['2024/a', '2025/c', 'assets'], files: ['2025/index.html'], movedFiles: 3 });
  });

  it('nothing carried, nothing planned', () => {
    expect(planGraft(new Set(), live, [])).toEqual({ folders: [], files: [], movedFiles: 0 });
  });
});

describe('OutputWriter carrying unchanged folders over', () => {
  it('without a shadow (CI, or after a build from nothing), unchanged folders are moved whole: same inodes, nothing made again', () => {
    const { out, state, shadow } = setup();
    const first = { 'index.html': 'home', '2024/a/index.html': 'a', '2024/b/index.html': 'b', '2025/c/index.html': 'c', 'assets/x.css': 'x' };
    write(out, state, first);
    const before = statSync(path.join(out, '2024/a/index.html'));
    const folderBefore = statSync(path.join(out, '2024'));
    expect(existsSync(shadow)).toBe(false);
    const stats = write(out, state, { ...first, '2025/c/index.html': 'c2' });
    expect(stats).toMatchObject({ written: 1, linked: 4, files: 5, swapped: true });
    expect(text(readTree(out))).toEqual({ ...first, '2025/c/index.html': 'c2' });
    const after = statSync(path.join(out, '2024/a/index.html'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    // The folder itself moved: one rename instead of a folder and two links.
    expect(statSync(path.join(out, '2024')).ino).toBe(folderBefore.ino);
    // The previous output is the next shadow, without what moved out of it.
    expect(text(readTree(shadow))).toEqual({ 'index.html': 'home', '2025/c/index.html': 'c' });
    expect(existsSync(path.join(path.dirname(out), '.dist.stadtbote-moved.json'))).toBe(false);
  });

  it('a build killed after moving folders and before the swap: the next one moves them back first', () => {
    const { out, state, shadow, parent } = setup();
    const first = { 'index.html': 'home', '2024/a/index.html': 'a', '2025/c/index.html': 'c' };
    write(out, state, first);
    // What a kill in the middle of a commit leaves: the journal, 2024 moved into a half-made shadow.
    mkdirSync(path.join(shadow, '2025', 'c'), { recursive: true });
    writeJournal(path.join(parent, '.dist.stadtbote-moved.json'), ['2024']);
    renameSync(path.join(out, '2024'), path.join(shadow, '2024'));
    expect(existsSync(path.join(out, '2024'))).toBe(false);
    const writer = OutputWriter.open(out, state);
    expect(text(readTree(out))).toEqual(first);
    writer.abort();
    expect(existsSync(path.join(parent, '.dist.stadtbote-moved.json'))).toBe(false);
    expect(text(readTree(out))).toEqual(first);
  });

  it('a build killed while writing the journal (before any move) leaves no journal cut short; the next build clears what it left', () => {
    const { out, state, parent } = setup();
    const first = { 'index.html': 'home', '2024/a/index.html': 'a' };
    write(out, state, first);
    const journal = path.join(parent, '.dist.stadtbote-moved.json');
    writeJournal(journal, ['2024']);
    expect(JSON.parse(readFileSync(journal, 'utf8'))).toEqual({ moved: ['2024'] });
    expect(existsSync(`${journal}.partial`)).toBe(false);
    rmSync(journal);
    // Whole or not at all: where the temporary file cannot be written, no journal appears either.
    mkdirSync(`${journal}.partial`);
    expect(() => writeJournal(journal, ['2024'])).toThrow();
    expect(existsSync(journal)).toBe(false);
    rmSync(`${journal}.partial`, { recursive: true });
    // What a kill between creating the temporary file and writing it leaves.
    writeFileSync(`${journal}.partial`, '');
    const writer = OutputWriter.open(out, state);
    writer.abort();
    expect(existsSync(`${journal}.partial`)).toBe(false);
    expect(text(readTree(out))).toEqual(first);
  });

  it('random build sequences with and without a shadow give exactly the files put, unchanged ones on their old inodes', () => {
    const { out, state, shadow } = setup();
    const next = prng(14);
    const names = ['index.html', 'feed.xml', 'a/index.html', 'a/b/index.html', 'a/b/c.txt', 'a/d/index.html', 'e/index.html', 'e/f/g/index.html', 'h/i.txt'];
    let files: Record<string, string> = {};
    for (let step = 0; step < 60; step++) {
      const wanted: Record<string, string> = {};
      for (const name of names) {
        const roll = next();
        // Mostly unchanged, sometimes changed, sometimes gone (then a folder may vanish with it).
        if (files[name] !== undefined && roll < 0.75) wanted[name] = files[name]!;
        else if (roll < 0.9) wanted[name] = `${name} v${step}`;
      }
      // `a/b/c.txt` and the folder `a/b/c.txt/` never both: a file may become a folder and back.
      if (next() < 0.1 && wanted['a/b/c.txt'] !== undefined) {
        delete wanted['a/b/c.txt'];
        wanted['a/b/c.txt/index.html'] = `folder v${step}`;
      }
      const inodes = new Map<string, number>();
      for (const [rel, content] of Object.entries(wanted)) if (files[rel] === content) inodes.set(rel, statSync(path.join(out, rel)).ino);
      // CI restores the output but not the shadow: every fourth build has none.
      if (step % 4 === 3) rmSync(shadow, { recursive: true, force: true });
      write(out, state, wanted);
      expect(text(readTree(out)), `step ${step}`).toEqual(wanted);
      for (const [rel, ino] of inodes) expect(statSync(path.join(out, rel)).ino, `${rel} at step ${step}`).toBe(ino);
      files = wanted;
    }
  });
});

describe('an output folder brought back by a CI cache (a copy: another inode, same files and times)', () => {
  const first = { 'index.html': 'home', '2024/a/index.html': 'a', '2024/b/index.html': 'b', '2025/c/index.html': 'c' };

  /** What actions/cache does: the output is packed and unpacked elsewhere; sizes and times survive, inodes do not. */
  function restore(out: string, shadow: string): void {
    const copy = `${out}.restored`;
    cpSync(out, copy, { recursive: true, preserveTimestamps: true });
    rmSync(out, { recursive: true });
    rmSync(shadow, { recursive: true, force: true });
    renameSync(copy, out);
  }

  it('keeps its manifest when every file is there with its size and time: unchanged folders move, nothing is read', () => {
    const { out, state, shadow } = setup();
    write(out, state, first);
    restore(out, shadow);
    // An archive that keeps times to the second (GNU tar): a file's time moves by less than one.
    const moved = path.join(out, '2024/a/index.html');
    const mtime = statSync(moved).mtimeMs;
    utimesSync(moved, new Date(mtime), new Date(Math.floor(mtime / 1000) * 1000 - (mtime % 1000 === 0 ? 999 : 0)));
    const restored = statSync(path.join(out, '2024')).ino;
    const stats = write(out, state, { ...first, '2025/c/index.html': 'c2' });
    expect(stats).toMatchObject({ written: 1, linked: 3, files: 4 });
    expect(text(readTree(out))).toEqual({ ...first, '2025/c/index.html': 'c2' });
    expect(statSync(path.join(out, '2024')).ino).toBe(restored);
    // Nothing changed: the restored copy is recognised as the same output, so nothing is swapped.
    restore(out, shadow);
    expect(CopyCheck.start(out, liveManifestFile(state))).toBeDefined();
    expect(write(out, state, { ...first, '2025/c/index.html': 'c2' })).toMatchObject({ written: 0, swapped: false });
    // Found equal, the copy is the folder the manifest describes from now on: the next build checks nothing.
    expect(CopyCheck.start(out, liveManifestFile(state))).toBeUndefined();
  });

  it('a copy whose files differ (changed size or time, an extra file) is not trusted: the output is still exactly the new one', () => {
    for (const tamper of [
      (out: string) => appendFileSync(path.join(out, '2024/a/index.html'), ' changed'),
      (out: string) => utimesSync(path.join(out, '2024/b/index.html'), new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z')),
      (out: string) => writeFileSync(path.join(out, '2024/a/extra.html'), 'extra'),
    ]) {
      const { out, state, shadow } = setup();
      write(out, state, first);
      restore(out, shadow);
      tamper(out);
      const restored = statSync(path.join(out, '2024')).ino;
      write(out, state, { ...first, '2025/c/index.html': 'c2' });
      expect(text(readTree(out))).toEqual({ ...first, '2025/c/index.html': 'c2' });
      // Without a manifest to trust, no folder is moved: each file was compared and linked.
      expect(statSync(path.join(out, '2024')).ino).not.toBe(restored);
    }
  });

  it('a folder with the inode the manifest names but another change time is checked like a copy: inode numbers are reused', () => {
    const { out, state } = setup();
    write(out, state, first);
    // Two restores in a row on ext4 or tmpfs can give the folder the number it had two restores ago;
    // here the same inode gets a new change time, as a restored folder always has.
    const ino = statSync(out).ino;
    chmodSync(out, statSync(out).mode);
    appendFileSync(path.join(out, '2024/a/index.html'), ' changed');
    expect(statSync(out).ino).toBe(ino);
    write(out, state, { ...first, '2025/c/index.html': 'c2' });
    expect(text(readTree(out))).toEqual({ ...first, '2025/c/index.html': 'c2' });
  });

  it('a shadow whose manifest was written before change times were recorded is still taken by its inode: the first build after an upgrade keeps it', () => {
    const { out, state, shadow } = setup();
    write(out, state, first);
    write(out, state, { ...first, '2025/c/index.html': 'c2' });
    const shadowManifest = path.join(state, 'shadow-output.json');
    writeFileSync(shadowManifest, readFileSync(shadowManifest, 'utf8').replace(/,"ctime":[\d.]+/, ''));
    expect(readFileSync(shadowManifest, 'utf8')).not.toContain('ctime');
    expect(readState(shadowManifest, shadow)?.files.get('2025/c/index.html')).toBeDefined();
    // Not so the live output, which CI may have restored: checked like a copy (and here found to be one).
    const liveManifest = liveManifestFile(state);
    writeFileSync(liveManifest, readFileSync(liveManifest, 'utf8').replace(/,"ctime":[\d.]+/, ''));
    expect(readState(liveManifest, out, true)).toMatchObject({ copy: true });
    expect(write(out, state, { ...first, '2025/c/index.html': 'c3' })).toMatchObject({ written: 1 });
    expect(text(readTree(out))).toEqual({ ...first, '2025/c/index.html': 'c3' });
  });

  it('a manifest written as objects keyed by path (by earlier builds) is read as the lists written now', () => {
    const { out, state, shadow } = setup();
    write(out, state, first);
    write(out, state, { ...first, '2025/c/index.html': 'c2' });
    const manifest = path.join(state, 'shadow-output.json');
    const now = JSON.parse(readFileSync(manifest, 'utf8')) as { ino: number; ctime: number; names: string[]; hashes: string[]; stamps: string[] };
    expect(now.names).toEqual([...now.names].sort());
    const lists = readState(manifest, shadow);
    expect(lists?.files.size).toBe(now.names.length);
    const pairs = (values: string[]): Record<string, string> => Object.fromEntries(now.names.map((name, i) => [name, values[i]!]));
    writeFileSync(manifest, JSON.stringify({ ino: now.ino, ctime: now.ctime, files: pairs(now.hashes), stamps: pairs(now.stamps) }));
    const objects = readState(manifest, shadow);
    expect(objects?.files).toEqual(lists?.files);
    expect(objects?.stamps).toEqual(lists?.stamps);
    expect(objects?.stamps.size).toBe(now.names.length);
  });

  // The build starts this check on a thread before it loads the cache (write/copy-check.ts) and hands the verdict to the writer.
  it('is checked on a thread before the writer opens, with the verdict the writer would reach itself', async () => {
    const tampers: [string, ((out: string) => void) | undefined, boolean][] = [
      ['untouched', undefined, true],
      ['a file grew', (out) => appendFileSync(path.join(out, '2024/a/index.html'), ' changed'), false],
      ['an extra file', (out) => writeFileSync(path.join(out, '2024/a/extra.html'), 'extra'), false],
    ];
    for (const [label, tamper, same] of tampers) {
      const { out, state, shadow } = setup();
      write(out, state, first);
      // The live output as the last build left it: no check, no thread.
      expect(CopyCheck.start(out, liveManifestFile(state)), label).toBeUndefined();
      restore(out, shadow);
      tamper?.(out);
      const check = CopyCheck.start(out, liveManifestFile(state));
      expect(check, label).toBeDefined();
      const verdict = await check!.verdict();
      expect(verdict, label).toMatchObject({ same, dir: fileIdentity(statSync(out)), manifest: fileIdentity(statSync(liveManifestFile(state))) });
      const restored = statSync(path.join(out, '2024')).ino;
      write(out, state, { ...first, '2025/c/index.html': 'c2' }, { copyVerdict: verdict! });
      expect(text(readTree(out)), label).toEqual({ ...first, '2025/c/index.html': 'c2' });
      // A trusted copy moves its unchanged folders; an untrusted one has each file compared and linked.
      expect(statSync(path.join(out, '2024')).ino === restored, label).toBe(same);
    }
  });

  it("takes a verdict only for the manifest and folder it was made of, and then without checking again", async () => {
    const { out, state, shadow } = setup();
    write(out, state, first);
    restore(out, shadow);
    const verdict = (await CopyCheck.start(out, liveManifestFile(state))!.verdict())!;
    expect(verdict.same).toBe(true);
    // Restored once more, and a file changed: the verdict was made of another folder and is not taken.
    restore(out, shadow);
    appendFileSync(path.join(out, '2024/a/index.html'), ' changed');
    let restored = statSync(path.join(out, '2024')).ino;
    write(out, state, { ...first, '2025/c/index.html': 'c2' }, { copyVerdict: verdict });
    expect(text(readTree(out))).toEqual({ ...first, '2025/c/index.html': 'c2' });
    expect(statSync(path.join(out, '2024')).ino).not.toBe(restored);
    // A verdict for this very manifest and folder is taken as it is: the writer does not list the files again.
    restore(out, shadow);
    restored = statSync(path.join(out, '2024')).ino;
    const untrusted = { same: false, dir: fileIdentity(statSync(out)), manifest: fileIdentity(statSync(liveManifestFile(state))) };
    write(out, state, { ...first, '2025/c/index.html': 'c2' }, { copyVerdict: untrusted });
    expect(statSync(path.join(out, '2024')).ino).not.toBe(restored);
  });
});
