import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/pagefind.js';
import type { SearchInput } from '../../src/search/pagefind.js';

/** Three article pages as the theme marks them up for Pagefind. */
const pages = new Map(
  ['2025/02-13-kreistag', '2025/03-01-haushalt', '2024/12-19-ozg'].map((slug, i) => [
    `${slug}/index.html`,
    `<!DOCTYPE html><html lang="de"><head><title>Meldung ${i}</title></head><body><main><article data-pagefind-body><h1 data-pagefind-meta="title">Meldung ${i}</h1><p>Der Kreistag berät über den Haushalt ${2024 + i} und die Umsetzung des Onlinezugangsgesetzes.</p></article></main></body></html>`,
  ]),
);

const input = {
  writer: { read: (rel: string) => Buffer.from(pages.get(rel) ?? '') },
  site: { config: { language: 'de' } },
} as unknown as Pick<SearchInput, 'writer' | 'site'>;
const articles = [...pages.keys()].map((rel) => ({ url: `/${rel.replace(/index\.html$/, '')}` }));

async function bundle(viaFolder: boolean): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  await buildIndex(input, articles, true, (path, content) => files.set(path, Buffer.from(content).toString('base64')), viaFolder);
  return files;
}

describe('the search bundle, in memory or through a temporary folder', () => {
  it('hands over the same files with the same bytes, in path order', async () => {
    const inMemory = await bundle(false);
    const viaFolder = await bundle(true);
    expect([...inMemory.keys()].some((p) => p.startsWith('fragment/'))).toBe(true);
    expect([...viaFolder.keys()]).toEqual([...inMemory.keys()].sort());
    expect([...viaFolder.keys()]).toEqual([...inMemory.keys()]);
    for (const [path, bytes] of inMemory) expect(viaFolder.get(path), path).toBe(bytes);
  }, 60_000);
});
