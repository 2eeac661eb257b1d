import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../src/model/types.js';
import { listPagePlan, modelSite } from '../../src/build/plan.js';
import { resolveSite } from '../../src/config/config.js';
import { mapHashSizes } from '../../src/outputs/nginx.js';
import { Renderer } from '../../src/render/renderer.js';
import { collectsAfterPart, searchKey } from '../../src/search/pagefind.js';
import { DEFAULT_TEMPLATES_DIR } from '../../src/theme/engine.js';
import type { SiteOutput } from '../../src/write/site-output.js';
import { cleanup, tempDir } from '../helpers.js';
import { meta } from './meta.js';
import { yearsPerPart } from '../../src/search/parts.js';
import { appendAll } from '../../src/util/append.js';
import { hashOf, hashOfList } from '../../src/util/hash.js';

/**
 * Keys and sizes made from one item per article or old address must not pass them as a call's
 * arguments: V8 takes some 120,000 at most ("Maximum call stack size exceeded" at 200,000).
 */
const MANY = 300_000;

/** `n` articles in one region, a few a day over 2000–2024: made from 366 parsed days, as parsing each would cost seconds. */
function manyArticles(n: number): ArticleMeta[] {
  const days = Array.from({ length: 366 }, (_, d) => meta(`d${d}.md`, new Date(Date.UTC(2000, 0, 1 + d)).toISOString().slice(0, 10)));
  return Array.from({ length: n }, (_, i) => {
    const day = days[i % days.length]!;
    return { ...day, src: `a/${i}.md`, url: `/meldung-${i}/`, listHtml: `<li>${i}</li>`, listHash: `h-${i}` };
  });
}

function withSite<T>(use: (site: ReturnType<typeof resolveSite>) => T): T {
  const root = tempDir();
  try {
    return use(resolveSite({ root }));
  } finally {
    cleanup(root);
  }
}

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

  it('the home list of 200,000 articles is planned, with one key for the whole list', () => {
    const articles = manyArticles(200_000);
    const first = withSite((site) => {
      const renderer = new Renderer({ config: site.config, basePath: site.basePath, templateDirs: [DEFAULT_TEMPLATES_DIR], assets: [], search: false });
      return listPagePlan(modelSite(articles), renderer, 20).next().value;
    });
    expect(first).toMatchObject({ url: '/', group: { first: '/', key: expect.stringMatching(/^[\w-]{27}$/) } });
  });

  it('parts built one after the other in the build (large ones) collect garbage between them, not after the last, nor beside the build', () => {
    const built = { reusable: undefined };
    const kept = { reusable: { key: 'k' } };
    // Switching search on for 100,000 articles: 14 parts of some 7,000 pages, every one built again.
    expect(collectsAfterPart(false, 'indexed', [built, kept, built])).toBe(true);
    // The last part built, or only kept ones after it (a CI edit re-indexes one part): nothing is built beside what would be freed.
    expect(collectsAfterPart(false, 'indexed', [])).toBe(false);
    expect(collectsAfterPart(false, 'indexed', [kept, kept])).toBe(false);
    // A kept part made nothing to collect.
    expect(collectsAfterPart(false, 'kept', [built])).toBe(false);
    // Small parts are built on the search thread beside the build: what feeding them left is that thread's.
    expect(collectsAfterPart(true, 'indexed', [built])).toBe(false);
    expect(collectsAfterPart(true, 'guessed', [built])).toBe(false);
  });

  it('a search part of 200,000 articles gets its key', () => {
    const articles = manyArticles(200_000);
    // Every page's search view is known, so the output is never asked.
    const key = withSite((site) => searchKey(site, {} as SiteOutput, articles, (url) => `view-of-${url}`));
    expect(key).toMatch(/^[\w-]{27}$/);
  });
});
