import { describe, expect, it } from 'vitest';
import { packResults, splitPacked, unpacked } from '../../src/render/transfer.js';

// What a render thread answers: pages (strings) or source results (nested objects with optional fields).
const page = `<main>${'<li>Straße über Ämter – “Zitat” 😀</li>'.repeat(2000)}</main>`;
const source = {
  kind: 'article',
  meta: { src: '2024/a.md', url: '/2024/a/', data: { title: 'Ämter', topics: ['Bau', 'Verkehr'], updated: undefined, date: { iso: '2024-01-02T10:00:00+01:00', epochMs: 1704186000000 } } },
  problems: [{ file: 'a.md', line: 3, severity: 'warning' }],
  links: [],
  html: page,
  bodyHtml: '<p>\u00e4\ud83d\ude00</p>',
};

describe('results packed for the move from a render thread', () => {
  it('come back equal to what a structured clone of the batch gives, in order', () => {
    const batch = [source, { ...source, meta: { ...source.meta, src: '2024/b.md' } }, { kind: 'invalid', src: 'c.md', problems: [] }];
    const items = splitPacked(packResults(batch)).map((item) => unpacked<unknown>(item));
    expect(items).toEqual(structuredClone(batch));
    expect(items).toHaveLength(3);
    // An optional field left undefined stays a key, as with postMessage.
    expect(Object.keys((items[0] as typeof source).meta.data)).toContain('updated');
  });

  it('round-trips pages and an empty batch', () => {
    expect(splitPacked(packResults([page, '', page])).map((item) => unpacked<string>(item))).toEqual([page, '', page]);
    expect(splitPacked(packResults([]))).toEqual([]);
  });

  it('fill a buffer of their own, so moving it takes no other memory along', () => {
    const packed = packResults([page]);
    expect(packed.byteOffset).toBe(0);
    expect(packed.buffer.byteLength).toBe(packed.byteLength);
  });

  it('leave a result made in this thread as it is', () => {
    const local = { kind: 'invalid', src: 'big.md', problems: [] };
    expect(unpacked(local)).toBe(local);
  });
});
