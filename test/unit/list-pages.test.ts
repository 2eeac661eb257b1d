import { describe, expect, it } from 'vitest';
import { writeListPages, type ListPagesInput } from '../../src/build/list-pages.js';
import type { ListPage } from '../../src/build/plan.js';
import { emptyCache, type CacheData } from '../../src/cache/cache.js';

/** A list page of group `g` whose own key is counted when read: a kept list must not need it. */
function page(url: string, group: { first: string; key: string }, keysRead: string[]): ListPage {
  return {
    template: 'list',
    url,
    group,
    lastmod: '2025-06-01',
    get key() {
      keysRead.push(url);
      return `key ${url}`;
    },
    get chrome(): never {
      throw new Error(`${url} was made`);
    },
    get data(): never {
      throw new Error(`${url} was made`);
    },
  } as ListPage;
}

function run(lists: ListPage[], previous: CacheData): Promise<{ rendered: number; next: CacheData }> {
  const next = emptyCache();
  const input = {
    lists,
    model: { articles: [], regions: [], topics: [], years: [] },
    claims: { claim: () => true },
    output: { keep: () => true, put: () => undefined },
    pool: { renderPages: async (jobs: Iterable<ListPage>) => [...jobs].forEach((lp) => lp.key) },
    previous,
    next,
  } as unknown as ListPagesInput;
  return writeListPages(input).then(({ rendered }) => ({ rendered, next }));
}

describe('list pages kept by their list’s key', () => {
  const previous = emptyCache();
  previous.outputs.set('list-group:/', { key: 'list v1', files: [] });
  previous.outputs.set('list:/', { key: 'key /', files: [['index.html', 'h1']] });
  previous.outputs.set('list:/seite/2/', { key: 'key /seite/2/', files: [['seite/2/index.html', 'h2']] });

  it('a list whose key is the last build’s keeps every page without making its data or key', async () => {
    const read: string[] = [];
    const group = { first: '/', key: 'list v1' };
    const { rendered, next } = await run([page('/', group, read), page('/seite/2/', group, read)], previous);
    expect([rendered, read]).toEqual([0, []]);
    // The very entries: a build that changed nothing leaves the cache as it was.
    for (const name of ['list-group:/', 'list:/', 'list:/seite/2/']) expect(next.outputs.get(name), name).toBe(previous.outputs.get(name));
  });

  it('a list whose key changed compares each page’s own key, and records the new list key', async () => {
    const read: string[] = [];
    const group = { first: '/', key: 'list v2' };
    const { rendered, next } = await run([page('/', group, read), page('/seite/2/', group, read)], previous);
    expect([rendered, read]).toEqual([0, ['/', '/seite/2/']]);
    expect(next.outputs.get('list-group:/')).toEqual({ key: 'list v2', files: [] });
  });
});
