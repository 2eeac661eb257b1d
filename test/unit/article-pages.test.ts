import { describe, expect, it } from 'vitest';
import { articleContextKey } from '../../src/build/article-neighbours.js';
import { articlePageOutput, writeArticlePages, type ArticlePagesInput } from '../../src/build/article-pages.js';
import type { ArticlePage } from '../../src/build/collect.js';
import { modelSite } from '../../src/build/plan.js';
import { emptyCache } from '../../src/cache/cache.js';
import { outputPathFor } from '../../src/model/urls.js';
import { meta } from './meta.js';

const A = meta('2025/a.md', '2025-03-05');
const B = meta('2025/b.md', '2025-03-01');
const model = modelSite([A, B]);
/** Article A's page as a build from the cache has it: not rendered, not written, its own HTML the last build's. */
const cachedPage: ArticlePage = { meta: A, display: 'content/2025/a.md', htmlHash: 'html-a', links: [], written: false };

/** The stage with A's page and a last build whose entry for it has a key no neighbours would give. */
function stage(lastContextKey: string): { input: ArticlePagesInput; kept: string[] } {
  const previous = emptyCache();
  previous.outputs.set('article-context', { key: lastContextKey, files: [] });
  previous.outputs.set(articlePageOutput(A.url), { key: 'a key no neighbours give', files: [[outputPathFor(A.url), 'page-hash']] });
  const kept: string[] = [];
  const output = { dryRun: false, keep: (rel: string) => (kept.push(rel), true) } as unknown as ArticlePagesInput['output'];
  const renderer = {
    articleContext: () => {
      throw new Error('the neighbours were worked out');
    },
  } as unknown as ArticlePagesInput['renderer'];
  const read = (): never => {
    throw new Error('a source was read');
  };
  return { input: { pages: [cachedPage], model, renderer, read, output, previous, next: emptyCache(), search: false }, kept };
}

describe('the article-page stage', () => {
  it('keeps a page from the cache with its last entry when what all pages show of each other is the last build’s, without working out neighbours', async () => {
    const { input, kept } = stage(articleContextKey(model));
    await expect(writeArticlePages(input)).resolves.toEqual({ rerendered: 0 });
    expect(kept).toEqual([outputPathFor(A.url)]);
    expect(input.next.outputs.get(articlePageOutput(A.url))).toBe(input.previous.outputs.get(articlePageOutput(A.url)));
    expect(input.next.outputs.get('article-context')).toBe(input.previous.outputs.get('article-context'));
  });

  it('works out the neighbours and checks the page’s key when the context changed', async () => {
    const { input } = stage('the context of another archive');
    // The last key does not match the neighbours' (as after a title edit elsewhere): the context is rendered again.
    await expect(writeArticlePages(input)).rejects.toThrow('the neighbours were worked out');
    expect(input.next.outputs.get('article-context')?.key).toBe(articleContextKey(model));
  });
});
