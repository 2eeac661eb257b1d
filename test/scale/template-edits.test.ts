import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { article, buildSite, makeSite, readTree, REPO } from '../helpers.js';
import { Theme } from '../../src/theme/engine.js';
import { listFiles } from '../../src/util/files.js';

/**
 * A template edit renders again only the pages that can show it (build/cache-stage.ts, a fingerprint
 * per kind of page): each template of the default theme is overridden in turn, one more each step,
 * and the build from the cache must give a cold build's bytes. What each edit renders again is named
 * here by hand, not by the code under test: a template added to the theme fails the test until it is
 * placed, and one placed wrongly fails the comparison with the cold build.
 */
const THEME = path.join(REPO, 'templates');
/** What a template edit must render again: every article page, list pages (some or none), and what the build says of its cache. */
interface Expected {
  readonly cache: 'stale' | 'partial';
  readonly articles: boolean;
  readonly lists: boolean;
}
const EVERYTHING: Expected = { cache: 'stale', articles: true, lists: true };
/** Article pages only: the list pages are kept (`article.liquid`, the links to other articles, a static page's template). */
const ARTICLES: Expected = { cache: 'stale', articles: true, lists: false };
const LISTS: Expected = { cache: 'partial', articles: false, lists: true };
/** Pages that are made on every build anyway (404, search, redirects). */
const NEITHER: Expected = { cache: 'partial', articles: false, lists: false };
const EXPECTED: Record<string, Expected> = {
  'layouts/base': EVERYTHING,
  'partials/head-links': EVERYTHING,
  'partials/head-extra': EVERYTHING,
  'partials/header': EVERYTHING,
  'partials/footer': EVERYTHING,
  // The entry is on list pages, by the hash each list page's key holds: they change with it.
  'partials/article-item': EVERYTHING,
  article: ARTICLES,
  page: ARTICLES,
  'partials/article-context': ARTICLES,
  list: LISTS,
  archive: LISTS,
  regions: LISTS,
  topics: LISTS,
  'partials/article-list': LISTS,
  'partials/pagination': LISTS,
  '404': NEITHER,
  search: NEITHER,
  redirect: NEITHER,
};
/** What shows on an article page itself (the list entry shows on list pages, a static page's template on its own). */
const ON_ARTICLE_PAGES = ['layouts/base', 'partials/head-links', 'partials/head-extra', 'partials/header', 'partials/footer', 'article', 'partials/article-context'];

/** A site that renders every template: regions, topics, an old address, a static page, search. */
function site(): string {
  const files: Record<string, string> = {
    'stadtbote.config.yaml': 'title: Vorlagen\nbaseUrl: https://example.org/\nperPage: 2\nsearch: true\ntopics: [Verkehr, Soziales]\n',
    'content/pages/impressum.md': '---\ntitle: Impressum\n---\nStadt Test.\n',
  };
  for (let i = 0; i < 7; i++) {
    const date = `2025-0${1 + (i % 3)}-1${i}`;
    const extra = `topics: [${i % 2 ? 'Verkehr' : 'Soziales'}]\n${i === 0 ? 'aliases: ["/alt/meldung-0.html"]\n' : ''}`;
    files[`content/2025/${date}-meldung-${i}.md`] = article({ title: `Meldung ${i}`, date, region: i % 2 ? 'Potsdam' : 'Cottbus', teaser: `Anriss ${i}` }, `Text ${i}.`).replace('---\n', `---\n${extra}`);
  }
  return makeSite(files);
}

/** The template with a visible change: at the end of the layout's body, at the start of a page's content block or of a partial. */
function edited(name: string): string {
  const text = readFileSync(path.join(THEME, `${name}.liquid`), 'utf8');
  const mark = `<!-- geändert: ${name} -->\n`;
  if (text.includes('</body>')) return text.replace('</body>', `${mark}</body>`);
  if (text.includes('{% block content %}')) return text.replace('{% block content %}', `{% block content %}${mark}`);
  return mark + text;
}

describe('template edits', () => {
  let root: string;
  beforeAll(async () => {
    root = site();
    await buildSite(root, { workers: 0 });
  });
  afterEach(() => vi.restoreAllMocks());

  it('places every template of the default theme', () => {
    const all = listFiles(THEME).filter((f) => f.endsWith('.liquid')).map((f) => f.replace(/\.liquid$/, ''));
    expect(Object.keys(EXPECTED).sort()).toEqual(all.sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    const what = [expected.articles ? 'every article page' : '', expected.lists ? 'list pages' : ''].filter(Boolean).join(' and ') || 'no article or list page';
    it(`an edit of ${name}.liquid gives a cold build's bytes and renders ${what} again`, async () => {
      const file = path.join(root, 'templates', `${name}.liquid`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, edited(name));
      const renders = vi.spyOn(Theme.prototype, 'render');
      const report = await buildSite(root, { workers: 0 });
      const articles = renders.mock.calls.filter(([template]) => template === 'article').length;
      expect([report.cache, articles]).toEqual([expected.cache, expected.articles ? 7 : 0]);
      if (expected.lists) expect(report.rendered.lists).toBeGreaterThan(0);
      else expect(report.rendered.lists).toBe(0);
      rmSync(path.join(root, 'cold'), { recursive: true, force: true });
      await buildSite(root, { workers: 0, noCache: true, out: path.join(root, 'cold') });
      const warm = readTree(path.join(root, 'dist'));
      const cold = readTree(path.join(root, 'cold'));
      expect([...warm.keys()]).toEqual([...cold.keys()]);
      for (const [rel, bytes] of cold) expect(warm.get(rel)?.equals(bytes), rel).toBe(true);
      // The edit shows: somewhere for every template, on the article page for those it is made with.
      const marked = [...warm].filter(([rel, bytes]) => rel.endsWith('.html') && bytes.includes(`geändert: ${name} `)).map(([rel]) => rel);
      expect(marked.length, name).toBeGreaterThan(0);
      if (ON_ARTICLE_PAGES.includes(name)) expect(marked, name).toContain('2025/01-10-meldung-0/index.html');
    });
  }
});
