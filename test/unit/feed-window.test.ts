import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedWindow } from '../../src/build/feed-window.js';
import { compareNewestFirst } from '../../src/build/plan.js';
import type { ArticleMeta } from '../../src/model/types.js';
import { meta } from './meta.js';

/** What the window must hold: the newest `size` of the site and of each region, whatever the order of arrival. */
function expectedSources(all: readonly ArticleMeta[], size: number): string[] {
  const newest = (list: readonly ArticleMeta[]): ArticleMeta[] => [...list].sort(compareNewestFirst).slice(0, size);
  const keep = new Set(newest(all).map((a) => a.src));
  for (const region of new Set(all.map((a) => a.regionSlug))) for (const a of newest(all.filter((x) => x.regionSlug === region))) keep.add(a.src);
  return [...keep].sort();
}

describe('FeedWindow', () => {
  it('keeps the newest of the site and the newest of each region, in any order of arrival', () => {
    const window = new FeedWindow(2);
    const items = [
      meta('a.md', '2025-01-01', 'Potsdam'),
      meta('b.md', '2025-03-01', 'Potsdam'),
      meta('c.md', '2025-02-01', 'München'),
      meta('d.md', '2025-04-01', 'Potsdam'),
      meta('e.md', '2024-01-01', 'Sachsen'),
    ];
    for (const item of items) window.offer(item, `<p>${item.src}</p>`);
    // Site: d, b. Potsdam: d, b. München: c. Sachsen: e (its only article, however old).
    expect([...window.bodies.keys()].sort()).toEqual(['b.md', 'c.md', 'd.md', 'e.md']);
    expect(window.bodies.get('e.md')).toBe('<p>e.md</p>');
  });

  it('lets a body go once the article is pushed out of every feed it was in', () => {
    const window = new FeedWindow(1);
    window.offer(meta('alt.md', '2025-01-01', 'Potsdam'), 'alt');
    expect(window.bodies.has('alt.md')).toBe(true);
    window.offer(meta('neu.md', '2025-02-01', 'Potsdam'), 'neu');
    expect([...window.bodies.keys()]).toEqual(['neu.md']);
  });

  it('breaks ties of the same instant by source path, so the result never depends on arrival order', () => {
    const forward = new FeedWindow(1);
    const backward = new FeedWindow(1);
    const same = [meta('b.md', '2025-01-01'), meta('a.md', '2025-01-01')];
    for (const m of same) forward.offer(m, m.src);
    for (const m of [...same].reverse()) backward.offer(m, m.src);
    expect([...forward.bodies.keys()]).toEqual(['a.md']);
    expect([...backward.bodies.keys()]).toEqual(['a.md']);
  });

  it('names the kept articles whose body is not known yet, and takes their body later', () => {
    const window = new FeedWindow(2);
    window.offer(meta('cached.md', '2025-02-01'), undefined);
    window.offer(meta('fresh.md', '2025-01-01'), 'fresh');
    expect(window.missing()).toEqual(['cached.md']);
    window.setBody('cached.md', 'cached');
    window.setBody('never-offered.md', 'x');
    expect(window.missing()).toEqual([]);
    expect([...window.bodies]).toEqual([['cached.md', 'cached'], ['fresh.md', 'fresh']]);
  });

  it('holds exactly the newest per feed for any articles in any order (property)', () => {
    const regions = ['Potsdam', 'München', 'Sachsen'];
    const article = fc.record({ day: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 12 }), region: fc.constantFrom(...regions) });
    fc.assert(
      fc.property(fc.array(article, { maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (specs, size) => {
        const all = specs.map((s, i) => meta(`${String(i).padStart(2, '0')}.md`, `2025-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`, s.region));
        const window = new FeedWindow(size);
        for (const a of all) window.offer(a, a.src);
        expect([...window.bodies.keys()].sort()).toEqual(expectedSources(all, size));
      }),
      { numRuns: 200 },
    );
  });
});
