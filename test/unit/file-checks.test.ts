import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExternalResourceCheck } from '../../src/checks/external-resources.js';
import type { ThreadedFileCheck } from '../../src/model/outputs.js';
import { FileQueue } from '../../src/write/file-queue.js';
import { OutputWriter } from '../../src/write/writer.js';
import { REPO, tempDirsPerTest } from '../helpers.js';

/**
 * The writer's checks of written files (model/outputs.ts `ThreadedFileCheck`): the external-resource
 * scan runs where the writer makes each file, on its file thread in a large build, and reports the
 * same as when every file is made in the calling thread.
 */
const HOST = 'example.org';
const folder = tempDirsPerTest('stadtbote-file-checks-');

/** 400 pages and a stylesheet; every seventh page loads something from elsewhere, the hosts repeat. */
function files(): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < 400; i++) {
    const external = i % 7 === 3 ? `<img src="https://cdn${i % 3}.example.net/bild.jpg" alt="">` : '<img src="/bild.jpg" alt="">';
    out.push([`seite/${i}/index.html`, `<!doctype html><html lang="de"><head><link rel="stylesheet" href="/site.css"></head><body><p>Seite ${i}</p>${external}</body></html>`]);
  }
  out.push(['assets/site.css', '@import "https://fonts.example.com/f.css";']);
  // Not scanned: the check wants HTML and CSS only.
  out.push(['feed.json', '{"image":"https://cdn0.example.net/x.jpg"}']);
  return out;
}

const external = (all: [string, string][]): string[] => all.filter(([rel, text]) => !rel.endsWith('.json') && (text.includes('example.net') || text.includes('fonts.'))).map(([rel]) => rel);

/** The files each check was told of, in order. */
function recorder(check: ExternalResourceCheck): string[] {
  const told: string[] = [];
  const found = check.found.bind(check);
  check.found = (rel, resources) => {
    told.push(rel);
    found(rel, resources);
  };
  return told;
}

describe('checks of written files, run where the writer makes each file', () => {
  it('on the file thread, finds what the calling thread finds: the same files in the same order, the same problems', () => {
    const results = [10, Number.POSITIVE_INFINITY].map((threadFrom) => {
      const check = new ExternalResourceCheck(HOST, ['cdn2.example.net']);
      const told = recorder(check);
      const writer = OutputWriter.open(path.join(folder(), 'dist'), undefined, { fileThreadFrom: threadFrom, checks: [check] });
      for (const [rel, text] of files()) writer.put(rel, rel.endsWith('.css') ? Buffer.from(text) : text, undefined, true);
      writer.finishChecks();
      writer.commit();
      return { told, problems: check.problems() };
    });
    const [onThread, here] = results;
    expect(here!.told).toEqual(external(files()));
    expect(here!.problems.map((p) => p.file)).toEqual(['seite/3/index.html', 'seite/10/index.html', 'assets/site.css']);
    expect(onThread!.told).toEqual(here!.told);
    expect(onThread!.problems).toEqual(here!.problems);
  });

  it('scans a file whose bytes the output has already, and not one put again without `checked`', () => {
    const out = path.join(folder(), 'dist');
    const first = OutputWriter.open(out, undefined, { fileThreadFrom: 0 });
    first.put('index.html', '<script src="https://cdn.example.net/x.js"></script>');
    first.commit();
    // The same bytes again: the writer links the live file, and the check still sees it.
    const check = new ExternalResourceCheck(HOST, []);
    const told = recorder(check);
    const writer = OutputWriter.open(out, undefined, { fileThreadFrom: 0, checks: [check] });
    writer.put('index.html', '<script src="https://cdn.example.net/x.js"></script>', undefined, true);
    writer.put('other.html', '<script src="https://cdn.example.net/y.js"></script>', undefined, false);
    writer.finishChecks();
    const stats = writer.commit();
    expect(stats.written).toBe(1);
    expect(told).toEqual(['index.html']);
    expect(check.problems().map((p) => p.file)).toEqual(['index.html']);
  });

  it('keeps the order across the thread’s start and stop: files made here, there, and here again', () => {
    const all = files();
    const check = new ExternalResourceCheck(HOST, []);
    const told = recorder(check);
    const queue = new FileQueue(folder(), () => undefined, 100, [check]);
    for (const [rel, text] of all.slice(0, 250)) queue.make({ rel, content: text, replace: false }, true);
    queue.stopThread();
    for (const [rel, text] of all.slice(250)) queue.make({ rel, content: text, replace: false }, true);
    queue.drain();
    queue.close();
    expect(told).toEqual(external(all));
  });

  it('keeps the order when the scans move between the threads: here while render threads take the cores, there when not', () => {
    const all = files();
    const check = new ExternalResourceCheck(HOST, []);
    const told = recorder(check);
    let asked = 0;
    // Every third question answers "no core free": those files are scanned here at once, while earlier ones wait on the thread.
    const queue = new FileQueue(folder(), () => undefined, 0, [check], () => asked++ % 3 !== 0);
    all.forEach(([rel, text], i) => (i % 5 === 4 ? queue.scan(rel, text) : queue.make({ rel, content: text, replace: false }, true)));
    queue.drain();
    queue.close();
    expect(asked).toBeGreaterThan(300);
    expect(told).toEqual(external(all));
  });

  it('a check whose module cannot be loaded fails the writer with its error instead of scanning nothing', () => {
    const dir = folder();
    const broken: ThreadedFileCheck = { module: pathToFileURL(path.join(dir, 'missing.js')).href, data: null, scan: () => undefined, wants: () => true, found: () => undefined };
    const queue = new FileQueue(path.join(dir, 'out'), () => undefined, 0, [broken]);
    queue.make({ rel: 'a.html', content: 'a', replace: false }, true);
    expect(() => queue.drain()).toThrow(/missing\.js/);
    queue.close();
  });

  it('loads the compiled check in the compiled writer’s thread (a build run from lib/)', () => {
    const lib = path.join(REPO, 'lib');
    expect(existsSync(path.join(lib, 'checks', 'scan-file.js')), 'run `npm run compile` first').toBe(true);
    const dir = folder();
    const script = `const { OutputWriter } = await import(${JSON.stringify(pathToFileURL(path.join(lib, 'write', 'writer.js')).href)});
      const { ExternalResourceCheck } = await import(${JSON.stringify(pathToFileURL(path.join(lib, 'checks', 'external-resources.js')).href)});
      const check = new ExternalResourceCheck('example.org', []);
      const writer = OutputWriter.open(${JSON.stringify(path.join(dir, 'dist'))}, undefined, { fileThreadFrom: 0, checks: [check] });
      for (let i = 0; i < 40; i++) writer.put('p' + i + '/index.html', i === 33 ? '<img src="https://cdn.example.net/b.jpg" alt="">' : '<p>' + i + '</p>', undefined, true);
      writer.finishChecks();
      writer.commit();
      process.stdout.write(JSON.stringify(check.problems().map((p) => p.file)));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(out)).toEqual(['p33/index.html']);
    expect(readFileSync(path.join(dir, 'dist', 'p39', 'index.html'), 'utf8')).toBe('<p>39</p>');
  });
});
