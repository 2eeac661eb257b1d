import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/model/errors.js';
import { parseFeed } from '../archive/archive-site.js';
import { article, buildSite, cleanup, makeSite, tempDir } from '../helpers.js';

const CONFIG = 'baseUrl: https://example.org/presse/\nperPage: 2\ntopics: [Verkehr, Gesundheit, Abfall]\n';
const withTopics = (fields: Record<string, string>, topics: string[]): string => article(fields).replace('\n---\n', `\ntopics: [${topics.join(', ')}]\n---\n`);

const SITE = {
  'stadtbote.config.yaml': CONFIG,
  'content/2024/a.md': withTopics({ title: 'Neue Buslinie', date: '2024-05-02', region: 'Potsdam' }, ['Verkehr']),
  'content/2025/b.md': withTopics({ title: 'Radweg eröffnet', date: '2025-03-01', region: 'Potsdam' }, ['Verkehr']),
  'content/2025/impfaktion-im-rathaus.md': withTopics({ title: 'Impfaktion im Rathaus', date: '2025-03-05', region: 'Cottbus' }, ['Gesundheit', 'Verkehr']),
  'content/2025/d.md': article({ title: 'Ohne Thema', date: '2025-03-09', region: 'Cottbus' }),
};

let root: string;
const out = (rel: string): string => readFileSync(path.join(root, 'dist', rel), 'utf8');

beforeAll(async () => {
  root = makeSite(SITE);
  await buildSite(root);
});
afterAll(() => cleanup(root));

describe('topics', () => {
  it('writes a paginated page per topic with year pages and a year filter', () => {
    const verkehr = out('themen/verkehr/index.html');
    expect(verkehr).toContain('<h1>Verkehr</h1>');
    // Newest first, two per page: Impfaktion and Radweg on page 1, Buslinie on page 2.
    expect(verkehr.indexOf('Impfaktion im Rathaus')).toBeLessThan(verkehr.indexOf('Radweg eröffnet'));
    expect(verkehr).not.toContain('Neue Buslinie');
    expect(out('themen/verkehr/seite/2/index.html')).toContain('Neue Buslinie');
    expect(out('themen/verkehr/2024/index.html')).toContain('Neue Buslinie');
    expect(verkehr).toContain('href="/presse/themen/verkehr/2024/"');
    expect(existsSync(path.join(root, 'dist/themen/abfall/index.html'))).toBe(false);
  });

  it('lists topics with their counts on the overview, and the navigation leads there', () => {
    const overview = out('themen/index.html');
    expect(overview).toMatch(/<a href="\/presse\/themen\/gesundheit\/">Gesundheit<\/a> <span class="count">1 Meldung<\/span>/);
    expect(overview).toMatch(/<a href="\/presse\/themen\/verkehr\/">Verkehr<\/a> <span class="count">3 Meldungen<\/span>/);
    expect(out('index.html')).toContain('<a href="/presse/themen/">Themen</a>');
  });

  it('writes RSS, Atom and JSON feeds per topic that parse, with the topics as categories', async () => {
    const rss = await parseFeed(out('themen/verkehr/feed.xml'));
    expect(rss.items.map((i) => i.title)).toEqual(['Impfaktion im Rathaus', 'Radweg eröffnet', 'Neue Buslinie']);
    expect(rss.items[0]!.categories).toEqual(['Cottbus', 'Gesundheit', 'Verkehr']);
    const atom = await parseFeed(out('themen/verkehr/atom.xml'));
    expect(atom.items).toHaveLength(3);
    expect(atom.items[0]!.categories).toEqual(expect.arrayContaining(['Gesundheit', 'Verkehr']));
    const json = JSON.parse(out('themen/gesundheit/feed.json')) as { items: { title: string; tags: string[] }[] };
    expect(json.items.map((i) => [i.title, i.tags])).toEqual([['Impfaktion im Rathaus', ['Cottbus', 'Gesundheit', 'Verkehr']]]);
    expect(out('themen/verkehr/index.html')).toContain('<link rel="alternate" type="application/rss+xml" href="/presse/themen/verkehr/feed.xml"');
  });

  it('puts topics into the article page, the search filter and JSON-LD', () => {
    const page = out('2025/03-05-impfaktion-im-rathaus/index.html');
    expect(page).toContain('<a href="/presse/themen/gesundheit/" data-pagefind-filter="topic">Gesundheit</a>');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!) as Record<string, unknown>;
    expect(ld.keywords).toEqual(['Gesundheit', 'Verkehr']);
    expect(ld.about).toEqual([
      { '@type': 'Thing', name: 'Gesundheit', url: 'https://example.org/presse/themen/gesundheit/' },
      { '@type': 'Thing', name: 'Verkehr', url: 'https://example.org/presse/themen/verkehr/' },
    ]);
    const search = out('suche/index.html');
    expect(search).toMatch(/<select id="search-topic" name="topic">\s*<option value="">Alle<\/option>\s*<option>Gesundheit<\/option>\s*<option>Verkehr<\/option>/);
  });

  it('uses English path words and labels with language: en', async () => {
    const en = makeSite({ ...SITE, 'stadtbote.config.yaml': `${CONFIG}language: en\n` });
    try {
      await buildSite(en);
      const read = (rel: string): string => readFileSync(path.join(en, 'dist', rel), 'utf8');
      expect(read('topics/index.html')).toContain('<h1>Topics</h1>');
      expect(read('topics/verkehr/page/2/index.html')).toContain('Neue Buslinie');
      expect(read('index.html')).toContain('<a href="/presse/topics/">Topics</a>');
      expect(read('2025/03-05-impfaktion-im-rathaus/index.html')).toContain('Related news');
    } finally {
      cleanup(en);
    }
  });

  it('leaves topics out of sites without them (no navigation entry, no overview, no filter)', async () => {
    const plain = makeSite({ 'content/2025/a.md': article() });
    try {
      await buildSite(plain);
      expect(readFileSync(path.join(plain, 'dist/index.html'), 'utf8')).not.toContain('Themen');
      expect(existsSync(path.join(plain, 'dist/themen'))).toBe(false);
      expect(readFileSync(path.join(plain, 'dist/suche/index.html'), 'utf8')).not.toContain('search-topic');
    } finally {
      cleanup(plain);
    }
  });

  it('refuses an unknown topic with a suggestion, at its line, and one unlisted anywhere', async () => {
    const dir = makeSite({ ...SITE, 'content/2025/e.md': withTopics({ title: 'Tippfehler', date: '2025-04-01' }, ['Verkher', 'Kultur']) }, tempDir());
    try {
      const error = await buildSite(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      const problems = (error as ContentError).problems.filter((p) => p.ruleId === 'unknown-topic');
      expect(problems.map((p) => [p.file, p.line, p.field, p.reason, p.fix])).toEqual([
        ['content/2025/e.md', 6, 'topics.0', 'Topic "Verkher" is not known. Did you mean "Verkehr"?', 'write Verkehr in topics'],
        ['content/2025/e.md', 6, 'topics.1', 'Topic "Kultur" is not known.', 'use one of: Verkehr, Gesundheit, Abfall (or add it to topics in the config)'],
      ]);
      expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    } finally {
      cleanup(dir);
    }
  });
});
