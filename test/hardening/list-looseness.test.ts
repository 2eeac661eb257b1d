import type { List, ListItem, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { listItemHandler } from '../../src/markdown/list-item-handler.js';

/** A list whose items count how often their looseness is asked for. */
function countingList(n: number, spread: (i: number) => boolean | null): { tree: Root; reads: () => number } {
  let reads = 0;
  const children: ListItem[] = Array.from({ length: n }, (_, i) => {
    const item = { type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: `p${i}` }] }] } as ListItem;
    const value = spread(i);
    Object.defineProperty(item, 'spread', { get: () => (reads++, value), enumerable: true });
    return item;
  });
  const list: List = { type: 'list', ordered: false, spread: false, children };
  return { tree: { type: 'root', children: [list] }, reads: () => reads };
}

describe('list looseness (issue 16: listLoose per item was quadratic)', () => {
  it('asks each item of a 2,000-item list a bounded number of times, not once per sibling', () => {
    const { tree, reads } = countingList(2000, () => false);
    toHast(tree, { handlers: { listItem: listItemHandler } });
    // The library alone asks n² = 4,000,000 times; once per list plus once per item is linear.
    expect(reads()).toBeLessThanOrEqual(3 * 2000);
  });

  it.each([
    ['tight', () => false, false],
    ['loose by one spread item', (i: number) => i === 1500, true],
    ['unknown spread: items with one child are tight', () => null, false],
  ] as const)('gives the same HTML as the library (%s)', (_name, spread, loose) => {
    const mine = countingList(2000, spread);
    const theirs = countingList(2000, spread);
    const html = toHtml(toHast(mine.tree, { handlers: { listItem: listItemHandler } }));
    expect(html).toBe(toHtml(toHast(theirs.tree)));
    expect(html.includes('<li>\n<p>p0</p>\n</li>')).toBe(loose);
  });
});
