import { describe, expect, it } from 'vitest';
import { articleContextKey, articleLinksJson, articleLinksOf, articleNeighbours, linkView, neighboursOf } from '../../src/build/article-neighbours.js';
import { modelSite } from '../../src/build/plan.js';
import type { ArticleMeta } from '../../src/model/types.js';
import { slugify } from '../../src/util/slug.js';
import { meta } from './meta.js';

function withTopics(a: ArticleMeta, topics: string[]): ArticleMeta {
  return { ...a, data: { ...a.data, topics }, topicSlugs: topics.map((t) => slugify(t)) };
}

const A = withTopics(meta('a.md', '2025-03-05', 'Potsdam'), ['Verkehr', 'Gesundheit']);
const B = withTopics(meta('b.md', '2025-03-01', 'Cottbus'), ['Verkehr']);
const C = withTopics(meta('c.md', '2024-01-01', 'Cottbus'), ['Verkehr', 'Gesundheit']);
const D = meta('d.md', '2025-03-04', 'Potsdam');
const E = meta('e.md', '2025-03-06', 'Potsdam');
const F = withTopics(meta('f.md', '2025-03-05', 'Bremen'), ['Abfall']);
const ALL = [A, B, C, D, E, F];

const srcs = (list: readonly ArticleMeta[]): string[] => list.map((a) => a.src);

describe('articleNeighbours', () => {
  it('ranks the most shared topics first, then nearest in date, then the same region; at most three', () => {
    const n = articleNeighbours(modelSite(ALL)).get(A)!;
    // C shares two topics (though a year away), B one; then Potsdam: D and E are a day away each, the newer one wins.
    expect(srcs(n.related)).toEqual(['c.md', 'b.md', 'e.md']);
  });

  it('links previous (older) and next (newer) across the archive, whatever the region', () => {
    const n = articleNeighbours(modelSite(ALL));
    // Newest first: e (03-06), then a and f (03-05, by path), d, b, c.
    expect(n.get(A)!.next?.src).toBe('e.md');
    expect(n.get(A)!.previous?.src).toBe('f.md');
    expect(n.get(E)!.next).toBeUndefined();
    expect(n.get(C)!.previous).toBeUndefined();
  });

  it('gives an article without topics or region peers no related ones, and is the same whatever order articles arrive in', () => {
    const once = articleNeighbours(modelSite(ALL));
    expect(once.get(F)!.related).toEqual([]);
    const again = articleNeighbours(modelSite([...ALL].reverse()));
    for (const a of ALL) expect(srcs(again.get(a)!.related)).toEqual(srcs(once.get(a)!.related));
  });

  it('keys a page by the same JSON as its links made whole: titles with quotes, umlauts and line breaks, first and last article', () => {
    const odd = { ...meta('g.md', '2025-03-02', 'Potsdam'), url: '/2025/03-02-g/' };
    const titled = { ...odd, data: { ...odd.data, title: 'Er sagte: "Ja" – \\ Ende\nzweite Zeile ü' } };
    for (const [a, n] of articleNeighbours(modelSite([...ALL, titled]))) {
      expect(articleLinksJson(n, (b) => JSON.stringify(linkView(b))), a.src).toBe(JSON.stringify(articleLinksOf(n)));
    }
  });
});

describe('neighboursOf', () => {
  it('works out one article as articleNeighbours works out all, whichever is asked first, and knows no article outside the model', () => {
    const model = modelSite(ALL);
    const all = articleNeighbours(model);
    for (const order of [ALL, [...ALL].reverse()]) {
      const of = neighboursOf(model);
      for (const a of order) {
        const n = of(a)!;
        expect(srcs(n.related), a.src).toEqual(srcs(all.get(a)!.related));
        expect([n.previous?.src, n.next?.src], a.src).toEqual([all.get(a)!.previous?.src, all.get(a)!.next?.src]);
        expect(of(a), 'asked again: the same').toBe(n);
      }
    }
    expect(neighboursOf(model)(meta('z.md', '2025-03-05', 'Potsdam'))).toBeUndefined();
  });
});

describe('articleContextKey', () => {
  const key = (list: readonly ArticleMeta[]): string => articleContextKey(modelSite(list));
  const replace = (a: ArticleMeta, b: ArticleMeta): ArticleMeta[] => ALL.map((x) => (x === a ? b : x));

  it('changes with whatever the neighbours or their links depend on: title, date, region, topics, address, the set of articles', () => {
    const base = key(ALL);
    expect(key([...ALL].reverse()), 'order of arrival').toBe(base);
    const changed = {
      title: replace(B, { ...B, data: { ...B.data, title: 'Neu' } }),
      date: replace(B, meta('b.md', '2025-03-02', 'Cottbus')),
      region: replace(D, { ...D, regionSlug: 'cottbus', data: { ...D.data, region: 'Cottbus' } }),
      topics: replace(D, withTopics(D, ['Verkehr'])),
      address: replace(E, { ...E, url: '/2025/anders/' }),
      removed: ALL.filter((x) => x !== F),
    };
    for (const [what, list] of Object.entries(changed)) expect(key(list), what).not.toBe(base);
  });

  it('stays as it is for what article pages do not show of each other: teaser, body, list entry', () => {
    const edited = { ...B, hash: 'other', listHash: 'other', data: { ...B.data, teaser: 'Ein anderer Anriss' } };
    expect(key(replace(B, edited))).toBe(key(ALL));
  });
});
