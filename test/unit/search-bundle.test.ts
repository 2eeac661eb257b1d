import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex, PagefindBundle, type SearchPage } from '../../src/search/bundle.js';
import { SearchThread, type BuiltBundle } from '../../src/search/search-thread.js';
import { searchViewHash } from '../../src/theme/search-view.js';

/** Three article pages as the theme marks them up for Pagefind. */
const pages = new Map(
  ['2025/02-13-kreistag', '2025/03-01-haushalt', '2024/12-19-ozg'].map((slug, i) => [
    `${slug}/index.html`,
    `<!DOCTYPE html><html lang="de"><head><title>Meldung ${i}</title></head><body><main><article data-pagefind-body><h1 data-pagefind-meta="title">Meldung ${i}</h1><p>Der Kreistag berät über den Haushalt ${2024 + i} und die Umsetzung des Onlinezugangsgesetzes.</p></article></main></body></html>`,
  ]),
);

const folder = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-bundle-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
for (const [rel, html] of pages) {
  mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
  writeFileSync(path.join(folder, rel), html);
}
const articles = [...pages.keys()].map((rel) => ({ url: `/${rel.replace(/index\.html$/, '')}`, file: path.join(folder, rel) }));

async function bundle(viaFolder: boolean): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  await buildIndex('de', articles, true, (file, content) => files.set(file, Buffer.from(content).toString('base64')), viaFolder);
  return files;
}

describe('the search bundle, in memory or through a temporary folder', () => {
  it('hands over the same files with the same bytes, in path order', async () => {
    const inMemory = await bundle(false);
    const viaFolder = await bundle(true);
    expect([...inMemory.keys()].some((p) => p.startsWith('fragment/'))).toBe(true);
    expect([...viaFolder.keys()]).toEqual([...inMemory.keys()].sort());
    expect([...viaFolder.keys()]).toEqual([...inMemory.keys()]);
    for (const [file, bytes] of inMemory) expect(viaFolder.get(file), file).toBe(bytes);
  }, 60_000);
});

describe('an index guessed from the last pages', () => {
  /** The bundle of these views, each added once in order, closed by the part's end record. */
  async function bundleOf(rounds: readonly (readonly { url: string; view: string }[])[]): Promise<Map<string, string>> {
    const files = new Map<string, string>();
    const bundle = await PagefindBundle.create('de');
    for (const views of rounds) {
      await bundle.add(views);
      if (views === rounds[0]) await bundle.addPartEnd();
    }
    await bundle.take((file, content) => files.set(file, Buffer.from(content).toString('base64')), false);
    return files;
  }
  const page = (slug: string, title: string, region: string, text: string): { url: string; view: string } => ({
    url: `/2025/${slug}/`,
    view: `<!DOCTYPE html><html lang="de"><head><title>${title}</title></head><body><article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p data-pagefind-filter="region">${region}</p><p>${text}</p></article></body></html>`,
  });
  const before = [
    page('02-13-kreistag', 'Kreistag tagt', 'Potsdam', 'Der Kreistag berät über den Haushalt.'),
    page('02-10-breitband', 'Breitband kommt', 'Cottbus', 'Glasfaser erreicht weitere Ortsteile.'),
    page('02-01-ozg', 'OZG umgesetzt', 'Potsdam', 'Weitere Onlinedienste gehen an den Start.'),
  ];
  // The middle page changed: another title, region and text (its words, filter and metadata all move).
  const changed = page('02-10-breitband', 'Glasfaser für alle', 'Kreis Recklinghausen', 'Der Ausbau ist abgeschlossen, Verwaltung und Schulen sind angeschlossen.');
  const after = [before[0]!, changed, before[2]!];

  it('is, with the changed pages added again, the index of the new pages byte for byte', async () => {
    const fresh = await bundleOf([after]);
    const guessed = await bundleOf([before, [changed]]);
    expect([...guessed.keys()]).toEqual([...fresh.keys()]);
    for (const [file, bytes] of fresh) expect(guessed.get(file), file).toBe(bytes);
    // And not by chance: the last pages' index differs.
    const stale = await bundleOf([before]);
    expect([...stale].some(([file, bytes]) => fresh.get(file) !== bytes)).toBe(true);
  }, 60_000);
});

describe('the search thread', () => {
  /** Pages written as files, as the build's writer has them. */
  function pagesIn(dir: string, views: readonly { url: string; view: string }[]): SearchPage[] {
    return views.map(({ url, view }) => {
      const file = path.join(dir, url, 'index.html');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, view);
      return { url, file };
    });
  }
  const view = (slug: string, words: string): { url: string; view: string } => ({
    url: `/2025/${slug}/`,
    view: `<!DOCTYPE html><html lang="de"><head><title>${slug}</title></head><body><article data-pagefind-body><h1 data-pagefind-meta="title">${slug}</h1><p>${words}</p></article></body></html>`,
  });
  const files = (bundle: BuiltBundle): Map<string, string> => new Map('files' in bundle ? bundle.files.map((f) => [f.path, Buffer.from(f.content).toString('base64')]) : []);

  it('builds from a guess the bundle of the new pages: changed views read again, unchanged ones by their hash not even read', async () => {
    const last = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-guess-last-'));
    const next = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-guess-next-'));
    try {
      const before = [view('a', 'Kreistag berät Haushalt'), view('b', 'Glasfaser für Ortsteile'), view('c', 'Onlinedienste starten')];
      const after = [before[0]!, view('b', 'Der Ausbau ist abgeschlossen'), before[2]!];
      const lastPages = pagesIn(last, before);
      const nextPages = pagesIn(next, after);
      // Page a: its hash is given, and its file is gone: a guess that read it would fail. Page c: no hash given, read and compared.
      const withHashes = nextPages.map((p, i) => (i === 0 ? { ...p, viewHash: searchViewHash(before[0]!.view), file: path.join(next, 'gibt-es-nicht.html') } : p));
      const thread = SearchThread.start();
      try {
        const guess = thread.guess({ language: 'de', pages: lastPages, lastPlace: true });
        const guessed = await thread.index({ language: 'de', pages: withHashes, lastPlace: true }, guess);
        const fresh = await thread.index({ language: 'de', pages: nextPages, lastPlace: true });
        expect(guessed.guessed).toBe(true);
        expect(fresh.guessed).toBe(false);
        expect(files(guessed).size).toBeGreaterThan(0);
        expect(files(guessed)).toEqual(files(fresh));
        // A guess made of other articles does not fit: the part is indexed from its new pages.
        const other = thread.guess({ language: 'de', pages: lastPages.slice(0, 2), lastPlace: true });
        const unfit = await thread.index({ language: 'de', pages: nextPages, lastPlace: true }, other);
        expect(unfit.guessed).toBe(false);
        expect(files(unfit)).toEqual(files(fresh));
      } finally {
        thread.close();
      }
    } finally {
      rmSync(last, { recursive: true, force: true });
      rmSync(next, { recursive: true, force: true });
    }
  }, 60_000);
});
