import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SiteCollector } from '../../src/build/collect.js';
import type { CachedSource } from '../../src/cache/cache.js';
import type { Problem } from '../../src/model/problem.js';
import type { ArticleData, ArticleMeta, PendingLink } from '../../src/model/types.js';
import type { SiteDate } from '../../src/util/dates.js';
import { OutputClaims } from '../../src/write/claims.js';
import { SiteOutput } from '../../src/write/site-output.js';
import { OutputWriter } from '../../src/write/writer.js';
import { cleanup, tempDir } from '../helpers.js';

const made: string[] = [];
afterAll(() => made.forEach(cleanup));

const day = (d: string): SiteDate => ({ day: d, epochMs: Date.parse(`${d}T00:00:00Z`), hasTime: false, iso: d });
const NOW = Date.parse('2025-06-15T12:00:00Z');

function entry(src: string, over: Partial<ArticleData> = {}, extra: Partial<CachedSource> = {}): CachedSource {
  const data: ArticleData = { title: src, date: day('2025-06-01'), region: 'Mitte', teaser: 'x', slug: src, draft: false, aliases: [], ...over };
  const meta: ArticleMeta = { src, hash: 'h', url: `/2025/06/${src.replace(/\W/g, '-')}/`, data, regionSlug: 'mitte', listHtml: '', listHash: 'h' };
  return { hash: 'h', kind: 'article', meta, problems: [], links: [], assets: [], assetKey: 'k', htmlHash: `hash-${src}`, ...extra };
}

function setup(writing = true) {
  const dir = tempDir();
  made.push(dir);
  const writer = writing ? OutputWriter.open(path.join(dir, 'dist'), undefined) : undefined;
  const problems: Problem[] = [];
  const claims = new OutputClaims({ dir: path.join(dir, 'content'), displayPrefix: 'content/' }, problems);
  const output = new SiteOutput(writer);
  const collector = new SiteCollector({ policy: { drafts: false, future: false, now: NOW }, claims, output, feedItems: 10, displayPrefix: 'content/', host: 'example.org', basePath: '/', problems });
  return { dir, writer, problems, collector };
}

describe('SiteCollector: takes sources into the site and writes their pages as they come', () => {
  it('writes a published page at once and lists the article; pages with links wait for every URL', () => {
    const { dir, writer, collector } = setup();
    const link: PendingLink = { token: 'stadtbote-link-x-0', target: 'b.md', fragment: '' };
    expect(collector.accept(entry('a.md'), '<p>A</p>', '<p>A</p>', 'content/a.md')).toBe(true);
    expect(collector.accept(entry('b.md', {}, { links: [link] }), '<p>B stadtbote-link-x-0</p>', undefined, 'content/b.md')).toBe(true);
    const site = collector.result();
    expect(site.articles.map((a) => a.src)).toEqual(['a.md', 'b.md']);
    // Every article page waits for its links to other articles (build/article-pages.ts); one with links between sources holds its HTML.
    expect(site.articlePages.map((p) => [p.meta.src, p.written, p.html])).toEqual([['a.md', true, undefined], ['b.md', false, '<p>B stadtbote-link-x-0</p>']]);
    expect(site.feedWindow.bodies.get('a.md')).toBe('<p>A</p>');
    writer!.commit();
    expect(readFileSync(path.join(dir, 'dist', '2025/06/a-md/index.html'), 'utf8')).toBe('<p>A</p>');
    expect(existsSync(path.join(dir, 'dist', '2025/06/b-md/index.html'))).toBe(false);
  });

  it('counts drafts, scheduled and expired articles, keeps their problems, and writes nothing for them', () => {
    const { collector, problems } = setup();
    const warning: Problem = { file: 'content/d.md', ruleId: 'markdown', reason: 'r', severity: 'warning' };
    collector.accept(entry('d.md', { draft: true }, { problems: [warning] }), '<p>D</p>', undefined, 'content/d.md');
    collector.accept(entry('f.md', { date: day('2025-07-02') }), '<p>F</p>', undefined, 'content/f.md');
    collector.accept(entry('e.md', { expires: day('2025-06-02') }), '<p>E</p>', undefined, 'content/e.md');
    const site = collector.result();
    expect(site.articles).toEqual([]);
    expect(site.exclusions.counts).toEqual({ drafts: 1, future: 1, expired: 1 });
    expect(site.exclusions.nextScheduled).toEqual({ date: '2025-07-02', src: 'content/f.md' });
    expect(problems).toEqual([warning]);
  });

  it('refuses a cache hit whose page is not there to keep, before recording anything', () => {
    const { collector, problems } = setup();
    const warning: Problem = { file: 'content/a.md', ruleId: 'markdown', reason: 'r', severity: 'warning' };
    expect(collector.accept(entry('a.md', {}, { problems: [warning] }), undefined, undefined, 'content/a.md')).toBe(false);
    expect(collector.result().articles).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('a second source for the same address is a duplicate-url problem, not a second page', () => {
    const { collector, problems } = setup();
    collector.accept(entry('a.md'), '<p>1</p>', undefined, 'content/a.md');
    collector.accept({ ...entry('a.md'), meta: { ...entry('a.md').meta, src: 'a2.md' } }, '<p>2</p>', undefined, 'content/a2.md');
    expect(collector.result().articles).toHaveLength(1);
    expect(problems.map((p) => p.ruleId)).toEqual(['duplicate-url']);
  });

  it('puts standalone pages in path order, whatever order they arrive in', () => {
    const { collector } = setup(false);
    for (const src of ['pages/z.md', 'pages/a.md']) {
      const page: CachedSource = { hash: 'h', kind: 'page', meta: { src, hash: 'h', url: `/${src}/`, data: { title: src } }, problems: [], links: [], assets: [], assetKey: 'k', htmlHash: src };
      collector.accept(page, '<p></p>', undefined, `content/${src}`);
    }
    expect(collector.result().pages.map((p) => p.src)).toEqual(['pages/a.md', 'pages/z.md']);
  });
});
