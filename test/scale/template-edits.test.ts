import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { article, buildSite, makeSite, readTree, REPO } from '../helpers.js';
import { Theme } from '../../src/theme/engine.js';
import { listFiles } from '../../src/util/files.js';

/**
 * A template edit renders again only the pages that can show it (build/cache-stage.ts, the second
 * fingerprint): each template of the default theme is overridden in turn, one more each step, and
 * the build from the cache must give a cold build's bytes. The page and list templates are named
 * here by hand, not by the code under test: a template added to the theme fails the test until it is
 * placed, and one placed wrongly fails the comparison with the cold build.
 */
const THEME = path.join(REPO, 'templates');
/** What an article page or static page is made with: an edit renders every page again. */
const SOURCE_TEMPLATES = ['article', 'page', 'layouts/base', 'partials/article-item', 'partials/article-context', 'partials/head-links', 'partials/head-extra', 'partials/header', 'partials/footer'];
/** What shows on an article page itself (the list entry shows on list pages, a static page's template on its own). */
const ON_ARTICLE_PAGES = SOURCE_TEMPLATES.filter((name) => !['page', 'partials/article-item'].includes(name));
/** What only other pages use: an edit keeps every article page. */
const OTHER_TEMPLATES = ['404', 'archive', 'list', 'redirect', 'regions', 'search', 'topics', 'partials/article-list', 'partials/pagination'];

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
    expect([...SOURCE_TEMPLATES, ...OTHER_TEMPLATES].sort()).toEqual(all.sort());
  });

  for (const name of [...OTHER_TEMPLATES, ...SOURCE_TEMPLATES]) {
    const sources = SOURCE_TEMPLATES.includes(name);
    it(`an edit of ${name}.liquid gives a cold build's bytes and ${sources ? 'renders every page again' : 'keeps every article page'}`, async () => {
      const file = path.join(root, 'templates', `${name}.liquid`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, edited(name));
      const renders = vi.spyOn(Theme.prototype, 'render');
      const report = await buildSite(root, { workers: 0 });
      const articles = renders.mock.calls.filter(([template]) => template === 'article').length;
      expect(report.cache).toBe(sources ? 'stale' : 'partial');
      expect(articles).toBe(sources ? 7 : 0);
      rmSync(path.join(root, 'cold'), { recursive: true, force: true });
      await buildSite(root, { workers: 0, noCache: true, out: path.join(root, 'cold') });
      const warm = readTree(path.join(root, 'dist'));
      const cold = readTree(path.join(root, 'cold'));
      expect([...warm.keys()]).toEqual([...cold.keys()]);
      for (const [rel, bytes] of cold) expect(warm.get(rel)?.equals(bytes), rel).toBe(true);
      // The edit shows: on every page for the sources' templates, somewhere for the others.
      const marked = [...warm].filter(([rel, bytes]) => rel.endsWith('.html') && bytes.includes(`geändert: ${name} `)).map(([rel]) => rel);
      expect(marked.length, name).toBeGreaterThan(0);
      if (ON_ARTICLE_PAGES.includes(name)) expect(marked, name).toContain('2025/01-10-meldung-0/index.html');
    });
  }
});
