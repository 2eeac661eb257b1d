import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MarkdownStore, type StoredMarkdown } from '../../src/cache/markdown-store.js';
import { entryFileOf, readEntryText } from '../../src/cache/store-files.js';
import { READ_WINDOW, StoreReadAhead } from '../../src/cache/store-read-ahead.js';
import { tempDirsPerTest } from '../helpers.js';

const folder = tempDirsPerTest('stadtbote-store-');

/** A key as `markdownEntryKey` makes them: 27 characters of base64url. */
const keyOf = (i: number): string => `k${String(i).padStart(26, '0')}`;

function entry(i: number): StoredMarkdown {
  return {
    frontmatter: { kind: 'page', data: { title: `Seite ${i}` }, problems: [] },
    html: `<p>Text ${i} – mit Umlauten: äöü</p>`,
    links: [],
    usedAssets: [],
    assetKey: 'a',
    problems: [],
  };
}

/** A store folder with entries for keys 0 … count-1; `missing` have no file, `broken` a file that is no entry. */
function storeWith(count: number, missing: ReadonlySet<number>, broken: ReadonlySet<number>): string {
  const dir = folder();
  for (let i = 0; i < count; i++) {
    if (missing.has(i)) continue;
    const file = entryFileOf(dir, keyOf(i));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, broken.has(i) ? '{"html": "abgeschnitten' : JSON.stringify(entry(i)));
  }
  return dir;
}

describe('StoreReadAhead: the Markdown store’s entries read on a thread ahead of the build', () => {
  it('reads the wanted entries in order, beyond its window as they are taken, and answers null for what cannot be read', async () => {
    const count = READ_WINDOW * 3;
    const dir = storeWith(count, new Set([5, 300]), new Set([7]));
    const ahead = StoreReadAhead.start(dir)!;
    expect(ahead).toBeDefined();
    try {
      const keys = Array.from({ length: count }, (_, i) => keyOf(i));
      // Wanted in two parts, as the render loop announces its sources.
      ahead.want(keys.slice(0, 100));
      ahead.want(keys.slice(100));
      for (let i = 0; i < count; i++) {
        // Each read by the thread: past the first window only because the ones before were taken.
        await vi.waitFor(() => expect(ahead.hasRead(keys[i]!)).toBe(true), { timeout: 10_000, interval: 1 });
        const text = ahead.take(keys[i]!);
        if (i === 5 || i === 300) expect(text).toBeNull();
        else if (i === 7) expect(text).toBe('{"html": "abgeschnitten');
        else expect(JSON.parse(text!)).toEqual(entry(i));
      }
      expect(ahead.served).toBe(count);
    } finally {
      ahead.end();
    }
  });

  it('leaves to the caller what it has not read, skips what was taken past, and knows no key it was not given', async () => {
    const dir = storeWith(600, new Set(), new Set());
    const ahead = StoreReadAhead.start(dir)!;
    try {
      const keys = Array.from({ length: 600 }, (_, i) => keyOf(i));
      expect(ahead.take(keys[0]!)).toBeUndefined();
      ahead.want(keys);
      // Taken at once, before the thread could read them: the caller reads these itself.
      const early = keys.slice(0, 400).map((key) => ahead.take(key));
      expect(early.filter((text) => text === undefined).length).toBeGreaterThan(0);
      // The thread goes on from where the caller got to.
      await vi.waitFor(() => expect(ahead.hasRead(keys[599]!)).toBe(true), { timeout: 10_000, interval: 1 });
      expect(JSON.parse(ahead.take(keys[599]!)!)).toEqual(entry(599));
      expect(ahead.take(keyOf(9999))).toBeUndefined();
    } finally {
      ahead.end();
    }
  });
});

describe('MarkdownStore.readAhead', () => {
  it('gives the same entries as reading each one, and a miss for a missing or damaged one', async () => {
    const dir = storeWith(400, new Set([3]), new Set([4]));
    const keys = Array.from({ length: 400 }, (_, i) => keyOf(i));
    const plain = new MarkdownStore(dir);
    const expected = keys.map((key) => plain.get(key));
    expect(expected[3]).toBeUndefined();
    expect(expected[4]).toBeUndefined();
    expect(expected[5]).toEqual(entry(5));
    const store = new MarkdownStore(dir);
    store.readAhead(keys);
    try {
      const got: (StoredMarkdown | undefined)[] = [];
      for (const key of keys) {
        got.push(store.get(key));
        // The render loop gives the thread time between pages; so does this.
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(got).toEqual(expected);
    } finally {
      store.endReadAhead();
    }
  });
});

describe('readEntryText', () => {
  it('reads an entry larger than its kept buffer whole, and the small ones after it too', () => {
    const dir = folder();
    const large = path.join(dir, 'large.json');
    const small = path.join(dir, 'small.json');
    // 200 KB of text with characters of two and three bytes: more than the 64 KB buffer, across its doublings.
    const text = JSON.stringify({ html: 'Straßenbau – Ä'.repeat(14_000) });
    writeFileSync(large, text);
    writeFileSync(small, '{"html": "kurz"}');
    expect(readEntryText(large)).toBe(text);
    expect(readEntryText(small)).toBe('{"html": "kurz"}');
    expect(readEntryText(path.join(dir, 'missing.json'))).toBeUndefined();
  });
});
