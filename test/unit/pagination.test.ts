import { describe, expect, it } from 'vitest';
import { modelSite, planListPages, type ListPage, type Pagination } from '../../src/build/plan.js';
import type { ListView } from '../../src/theme/views.js';
import { resolveSite } from '../../src/config/config.js';
import { Renderer } from '../../src/render/renderer.js';
import { DEFAULT_TEMPLATES_DIR } from '../../src/theme/engine.js';
import { cleanup, tempDir } from '../helpers.js';
import { meta } from './meta.js';

function renderer(): Renderer {
  const root = tempDir();
  try {
    const site = resolveSite({ root });
    return new Renderer({ config: site.config, basePath: site.basePath, templateDirs: [DEFAULT_TEMPLATES_DIR], assets: [], search: false });
  } finally {
    cleanup(root);
  }
}

const r = renderer();

/** `n` articles in Potsdam, one a day from 2025-01-01, so the newest is the last. */
function articles(n: number, region = 'Potsdam'): ReturnType<typeof meta>[] {
  return Array.from({ length: n }, (_, i) => meta(`2025/${String(i).padStart(3, '0')}.md`, new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10), region));
}

function plan(n: number, perPage: number): Map<string, ListPage> {
  return new Map(planListPages(modelSite(articles(n)), r, perPage).map((p) => [p.url, p]));
}

/** List and home pages carry a ListView; the overviews never paginate. */
const listView = (page: ListPage | undefined): ListView => page!.data as ListView;
const paginationOf = (page: ListPage | undefined): Pagination => listView(page).pagination as Pagination;
const numbers = (p: Pagination): (number | '…')[] => p.pages.map((e) => (e.gap ? '…' : e.number!));

describe('pagination of list pages', () => {
  it('splits a list into pages of perPage, newest first, numbering on across pages', () => {
    const pages = plan(5, 2);
    expect([...pages.keys()].filter((u) => u === '/' || u.startsWith('/seite/'))).toEqual(['/', '/seite/2/', '/seite/3/']);
    const items = (url: string): string[] => (listView(pages.get(url)).items as readonly { html: string }[]).map((i) => i.html);
    expect(items('/')).toEqual(['<li>2025/004.md</li>', '<li>2025/003.md</li>']);
    expect(items('/seite/3/')).toEqual(['<li>2025/000.md</li>']);
    expect(listView(pages.get('/seite/2/')).start).toBe(3);
  });

  it('links to the previous and next page, and only where they exist', () => {
    const pages = plan(5, 2);
    expect(paginationOf(pages.get('/'))).toMatchObject({ current: 1, total: 3, next: '/seite/2/' });
    expect(paginationOf(pages.get('/')).prev).toBeUndefined();
    expect(paginationOf(pages.get('/seite/2/'))).toMatchObject({ prev: '/', next: '/seite/3/' });
    expect(paginationOf(pages.get('/seite/3/')).next).toBeUndefined();
  });

  it('shows the first, the last and two either side of the current page, with gaps between', () => {
    const pages = plan(10, 1);
    const at = (n: number): (number | '…')[] => numbers(paginationOf(pages.get(n === 1 ? '/' : `/seite/${n}/`)));
    expect(at(1)).toEqual([1, 2, 3, '…', 10]);
    expect(at(4)).toEqual([1, 2, 3, 4, 5, 6, '…', 10]);
    expect(at(5)).toEqual([1, '…', 3, 4, 5, 6, 7, '…', 10]);
    expect(at(10)).toEqual([1, '…', 8, 9, 10]);
    expect(paginationOf(pages.get('/seite/5/')).pages.filter((e) => e.current)).toEqual([{ number: 5, url: '/seite/5/', current: true }]);
  });

  it('an empty site still has one home page, without page links', () => {
    const home = plan(0, 10).get('/')!;
    expect(paginationOf(home)).toEqual({ current: 1, total: 1, pages: [{ number: 1, url: '/', current: true }] });
    expect(listView(home).items).toEqual([]);
  });

  it('exactly perPage articles make one page, one more makes two', () => {
    expect(paginationOf(plan(3, 3).get('/')).total).toBe(1);
    expect(paginationOf(plan(4, 3).get('/')).total).toBe(2);
  });

  it('each later page describes itself, so search engines do not see one description many times', () => {
    const pages = plan(5, 2);
    expect(pages.get('/seite/2/')!.chrome.title).toMatch(/– Seite 2$/);
    expect(pages.get('/seite/2/')!.chrome.description).toMatch(/\(Seite 2 von 3\)$/);
    expect(pages.get('/')!.chrome.description).not.toMatch(/Seite/);
  });

  it('regions, region years, years and months are paginated the same way', () => {
    const pages = plan(5, 2);
    for (const url of ['/regionen/potsdam/', '/regionen/potsdam/seite/3/', '/regionen/potsdam/2025/seite/2/', '/2025/seite/3/', '/2025/01/seite/3/']) {
      expect(pages.has(url), url).toBe(true);
    }
    expect(pages.has('/2025/01/seite/4/')).toBe(false);
  });

  it('a page’s key changes when what it shows changes, and only then', () => {
    const before = plan(5, 2);
    const again = plan(5, 2);
    expect(again.get('/seite/2/')!.key).toBe(before.get('/seite/2/')!.key);
    const more = plan(6, 2);
    expect(more.get('/')!.key).not.toBe(before.get('/')!.key);
  });
});
