import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isFsError } from '../../src/model/fs-errors.js';
import { FileQueue } from '../../src/write/file-queue.js';
import type { MadeFile } from '../../src/write/file-maker.js';
import { OutputWriter } from '../../src/write/writer.js';
import { readTree, REPO, tempDirsPerTest } from '../helpers.js';

const folder = tempDirsPerTest('stadtbote-files-');

describe('FileQueue: the output writer’s files made on a thread of their own', () => {
  it('makes files in the order given, in their folders, and reports each one’s stamp', () => {
    const root = folder();
    const made = new Map<string, MadeFile>();
    const queue = new FileQueue(root, (rel, m) => made.set(rel, m), 0);
    for (let i = 0; i < 500; i++) queue.make({ rel: `${2000 + (i % 7)}/item-${i}/index.html`, content: `page ${i}`, replace: false });
    // The same file twice: the later bytes win, as when the writer puts a page again.
    queue.make({ rel: '2000/item-0/index.html', content: 'page 0, finished', replace: false });
    queue.drain();
    queue.close();
    expect(readFileSync(path.join(root, '2000/item-0/index.html'), 'utf8')).toBe('page 0, finished');
    expect(readFileSync(path.join(root, '2002/item-499/index.html'), 'utf8')).toBe('page 499');
    expect(made.size).toBe(500);
    const stats = statSync(path.join(root, '2002/item-499/index.html'));
    expect(made.get('2002/item-499/index.html')?.stamp).toBe(`${stats.size}:${Math.floor(stats.mtimeMs)}`);
  });

  it('waitFor: a file queued a moment ago can be read back at once', () => {
    const root = folder();
    const queue = new FileQueue(root, () => undefined, 0);
    for (let i = 0; i < 100; i++) {
      queue.make({ rel: `p${i}.html`, content: `p${i}`, replace: false });
      queue.waitFor(`p${i}.html`);
      expect(readFileSync(path.join(root, `p${i}.html`), 'utf8')).toBe(`p${i}`);
    }
    queue.close();
  });

  it('an older generation’s file is unlinked, not overwritten: a hard link to it keeps its bytes', () => {
    const root = folder();
    const live = folder();
    writeFileSync(path.join(live, 'a.html'), 'live bytes');
    mkdirSync(root, { recursive: true });
    const queue = new FileQueue(root, () => undefined, 0);
    queue.link(path.join(live, 'a.html'), 'a.html', false);
    queue.make({ rel: 'a.html', content: 'new bytes', replace: true });
    queue.drain();
    queue.close();
    expect(readFileSync(path.join(root, 'a.html'), 'utf8')).toBe('new bytes');
    expect(readFileSync(path.join(live, 'a.html'), 'utf8')).toBe('live bytes');
  });

  it('an older generation’s file that nothing else links to is rewritten in place: same inode, new bytes, no tail of the old ones', () => {
    const root = folder();
    const queue = new FileQueue(root, () => undefined, 0);
    queue.make({ rel: 'y/a.html', content: 'a long page of the last generation', replace: false });
    queue.drain();
    const before = statSync(path.join(root, 'y/a.html')).ino;
    queue.make({ rel: 'y/a.html', content: 'kurz', replace: true });
    queue.make({ rel: 'y/b.html', content: 'not there before', replace: true });
    queue.drain();
    queue.close();
    expect(readFileSync(path.join(root, 'y/a.html'), 'utf8')).toBe('kurz');
    expect(statSync(path.join(root, 'y/a.html')).ino).toBe(before);
    expect(readFileSync(path.join(root, 'y/b.html'), 'utf8')).toBe('not there before');
  });

  it('a page that grew or kept its length is rewritten in place too, and its stamp is the new file’s', () => {
    const root = folder();
    const made = new Map<string, MadeFile>();
    const queue = new FileQueue(root, (rel, m) => made.set(rel, m), 0);
    queue.make({ rel: 'z/a.html', content: 'kurz', replace: false });
    queue.make({ rel: 'z/b.html', content: 'vier', replace: false });
    queue.drain();
    const before = statSync(path.join(root, 'z/a.html')).ino;
    queue.make({ rel: 'z/a.html', content: 'kurz, mit einer Fußzeile mehr', replace: true });
    queue.make({ rel: 'z/b.html', content: 'fünf', replace: true });
    queue.drain();
    queue.close();
    expect(readFileSync(path.join(root, 'z/a.html'), 'utf8')).toBe('kurz, mit einer Fußzeile mehr');
    expect(readFileSync(path.join(root, 'z/b.html'), 'utf8')).toBe('fünf');
    expect(statSync(path.join(root, 'z/a.html')).ino).toBe(before);
    for (const rel of ['z/a.html', 'z/b.html']) {
      const stats = statSync(path.join(root, rel));
      expect(made.get(rel)?.stamp).toBe(`${stats.size}:${Math.floor(stats.mtimeMs)}`);
    }
  });

  it('a page whose folder an older generation left as a file is made in a new folder there', () => {
    const root = folder();
    writeFileSync(path.join(root, 'w'), 'an older file where a folder is needed now');
    const made = new Map<string, MadeFile>();
    const queue = new FileQueue(root, (rel, m) => made.set(rel, m), 0);
    queue.make({ rel: 'w/a.html', content: 'page', replace: true });
    queue.drain();
    queue.close();
    expect(readFileSync(path.join(root, 'w/a.html'), 'utf8')).toBe('page');
    expect(made.get('w/a.html')?.removed).toEqual(['w']);
  });

  it('a symbolic link where an older file was is replaced, never written through', () => {
    const root = folder();
    const outside = path.join(folder(), 'outside.txt');
    writeFileSync(outside, 'not the output’s');
    mkdirSync(path.join(root, 'y'), { recursive: true });
    symlinkSync(outside, path.join(root, 'y/a.html'));
    const queue = new FileQueue(root, () => undefined, 0);
    queue.make({ rel: 'y/a.html', content: 'page', replace: true });
    queue.drain();
    queue.close();
    expect(readFileSync(outside, 'utf8')).toBe('not the output’s');
    expect(lstatSync(path.join(root, 'y/a.html')).isFile()).toBe(true);
    expect(readFileSync(path.join(root, 'y/a.html'), 'utf8')).toBe('page');
  });

  it('stopThread: queued files are made first, later ones in this thread, in order', () => {
    const root = folder();
    const made: string[] = [];
    const queue = new FileQueue(root, (rel) => made.push(rel), 0);
    for (let i = 0; i < 70; i++) queue.make({ rel: `a/${i}.html`, content: `a${i}`, replace: false });
    queue.stopThread();
    expect(made).toHaveLength(70);
    queue.make({ rel: 'b.html', content: 'b', replace: false });
    // Made at once, without a drain: no thread any more.
    expect(made.at(-1)).toBe('b.html');
    expect(readFileSync(path.join(root, 'b.html'), 'utf8')).toBe('b');
    expect(readFileSync(path.join(root, 'a/69.html'), 'utf8')).toBe('a69');
    queue.close();
  });

  it('starts from a script run with `node --input-type=module -e`: the thread does not take the process’s flags', () => {
    // The compiled queue, as a build started from a script or a CI step uses it; the flag made the thread's module fail to load.
    const compiled = path.join(REPO, 'lib', 'write', 'file-queue.js');
    expect(existsSync(compiled), 'run `npm run compile` first').toBe(true);
    const root = folder();
    const script = `const { FileQueue } = await import(${JSON.stringify(pathToFileURL(compiled).href)});
      const queue = new FileQueue(${JSON.stringify(root)}, () => undefined, 0);
      for (let i = 0; i < 40; i++) queue.make({ rel: 'p' + i + '/index.html', content: 'page ' + i, replace: false });
      queue.drain();
      queue.close();`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'pipe', timeout: 60_000 });
    expect(readFileSync(path.join(root, 'p39/index.html'), 'utf8')).toBe('page 39');
  });

  it('a file that cannot be made fails the drain with its file-system error, the path named', () => {
    const root = folder();
    const queue = new FileQueue(root, () => undefined, 0);
    queue.make({ rel: 'ok.html', content: 'fine', replace: false });
    queue.make({ rel: `${'x'.repeat(300)}.html`, content: 'name too long', replace: false });
    let error: unknown;
    try {
      queue.drain();
    } catch (err) {
      error = err;
    }
    queue.close();
    expect(isFsError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ENAMETOOLONG', syscall: 'open' });
    expect((error as { path: string }).path).toContain('x'.repeat(300));
    expect(readFileSync(path.join(root, 'ok.html'), 'utf8')).toBe('fine');
  });
});

describe('OutputWriter with the file thread', () => {
  it('a failed write leaves the live output as it was, and the next build works', () => {
    const parent = folder();
    const out = path.join(parent, 'dist');
    const state = path.join(parent, 'state');
    const first = OutputWriter.open(out, state, { fileThreadFrom: 0 });
    first.put('index.html', 'home');
    first.commit();
    const failing = OutputWriter.open(out, state, { fileThreadFrom: 0 });
    failing.put('index.html', 'home 2');
    failing.put(`${'y'.repeat(300)}.html`, 'too long');
    expect(() => failing.commit()).toThrow(/ENAMETOOLONG/);
    failing.abort();
    expect(Object.fromEntries([...readTree(out)].map(([k, v]) => [k, v.toString()]))).toEqual({ 'index.html': 'home' });
    const next = OutputWriter.open(out, state, { fileThreadFrom: 0 });
    next.put('index.html', 'home 3');
    expect(next.commit()).toMatchObject({ written: 1, swapped: true });
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('home 3');
  });

  it('stamps of files made on the thread hold: a build of the same files touches none', () => {
    const parent = folder();
    const out = path.join(parent, 'dist');
    const state = path.join(parent, 'state');
    const files = Array.from({ length: 400 }, (_, i) => [`${i % 9}/p${i}/index.html`, `page ${i}`] as const);
    const build = () => {
      const writer = OutputWriter.open(out, state, { fileThreadFrom: 0 });
      for (const [rel, content] of files) writer.put(rel, content);
      return writer.commit();
    };
    expect(build()).toMatchObject({ written: 400, swapped: true });
    expect(build()).toMatchObject({ written: 0, linked: 0, swapped: false });
  });
});
