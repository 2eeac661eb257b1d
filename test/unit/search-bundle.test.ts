import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex, PagefindBundle } from '../../src/search/bundle.js';

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
