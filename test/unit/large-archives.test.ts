import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../src/model/types.js';
import { mapHashSizes } from '../../src/outputs/nginx.js';
import { yearsPerPart } from '../../src/search/parts.js';
import { appendAll } from '../../src/util/append.js';
import { hashOf, hashOfList } from '../../src/util/hash.js';

/**
 * Keys and sizes made from one item per article or old address must not pass them as a call's
 * arguments: V8 takes some 120,000 at most ("Maximum call stack size exceeded" at 200,000).
 */
const MANY = 300_000;

describe('archives of more than 120,000 items', () => {
  it('hashOfList takes any number of parts and gives the bytes hashOf gives', () => {
    expect(hashOfList(['list', '{"a":1}', 'x', 'y'])).toBe(hashOf('list', '{"a":1}', 'x', 'y'));
    expect(hashOfList(['one'])).toBe(hashOf('one'));
    const parts = Array.from({ length: MANY }, (_, i) => `entry-${i}`);
    const expected = createHash('sha1').update(`${parts.join('\0')}\0`).digest('base64url');
    expect(hashOfList(parts)).toBe(expected);
  });

  it('appendAll adds 300,000 items (redirect files, file names, warnings) in order', () => {
    const target = ['first'];
    appendAll(target, Array.from({ length: MANY }, (_, i) => `file-${i}`), new Set(['last']));
    expect(target).toHaveLength(MANY + 2);
    expect([target[1], target[MANY], target[MANY + 1]]).toEqual(['file-0', `file-${MANY - 1}`, 'last']);
  });

  it('the search index is split for 300,000 articles', () => {
    const articles = Array.from({ length: MANY }, (_, i) => ({ data: { date: { day: `${2000 + (i % 25)}-01-01` } } })) as unknown as ArticleMeta[];
    expect(yearsPerPart(articles, 'auto')).toBe(1);
  });

  it('nginx map sizes are found for 300,000 old addresses', () => {
    const keys = Array.from({ length: MANY }, (_, i) => `/alt/meldung-${i}.html`);
    expect(mapHashSizes(keys)).toEqual({ bucket: expect.any(Number), maxSize: 1048576 });
  });
});
