import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/model/errors.js';
import { article, buildSite, cleanup, makeSite, readTree, tempDir } from '../helpers.js';

/** 250,880 bytes: "245 KB" in units of 1024. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(250_880 - 9, 0x20)]);

const front = (fields: Record<string, string>, extra: string): string => article(fields).replace('\n---\n', `\n${extra}\n---\n`);

const PRESS = front(
  { title: 'Soforthilfe beantragen', date: '2025-03-05', region: 'Potsdam' },
  [
    'topics: [Soziales]',
    'contact:',
    '  name: Erika Muster',
    '  role: Pressesprecherin',
    '  phone: "0331 289-1234"',
    '  email: presse@potsdam.example',
    'attachments:',
    '  - src: Antrag Soforthilfe.pdf',
    '    title: Antragsformular',
  ].join('\n'),
).replace('Text der Meldung.', 'Das [Merkblatt](merkblatt.csv) erklärt die Schritte.');

const SITE = {
  'stadtbote.config.yaml': 'baseUrl: https://example.org/presse/\ntopics: [Soziales, Verkehr]\n',
  'content/2025/soforthilfe-beantragen.md': PRESS,
  'content/2025/Antrag Soforthilfe.pdf': PDF,
  'content/2025/merkblatt.csv': 'Schritt;Was\n1;Antrag ausfüllen\n',
  // Related to the press release: same topic first, then same region; prev/next by date.
  'content/2025/wohngeld-erhoeht.md': front({ title: 'Wohngeld erhöht', date: '2025-01-10', region: 'Cottbus' }, 'topics: [Soziales]'),
  'content/2025/neue-buslinie.md': front({ title: 'Neue Buslinie', date: '2025-03-01', region: 'Potsdam' }, 'topics: [Verkehr]'),
  'content/2025/fest-im-park.md': article({ title: 'Fest im Park', date: '2025-03-10', region: 'Cottbus' }),
  'content/2025/baustelle-am-markt.md': article({ title: 'Baustelle am Markt', date: '2024-06-01', region: 'Potsdam' }),
};

let root: string;
const out = (dir: string, rel: string): string => readFileSync(path.join(dir, 'dist', rel), 'utf8');
const PAGE = '2025/03-05-soforthilfe-beantragen/index.html';

beforeAll(async () => {
  root = makeSite(SITE);
  await buildSite(root);
});
afterAll(() => cleanup(root));

describe('press-release details', () => {
  it('shows the press contact as an address block with tel: and mailto: links', () => {
    const page = out(root, PAGE);
    const block = /<section class="contact"[^>]*>[\s\S]*?<\/section>/.exec(page)![0];
    expect(block).toContain('<address>');
    expect(block).toContain('Erika Muster');
    expect(block).toContain('Pressesprecherin');
    expect(block).toContain('<a href="tel:+493312891234">0331\u00a0289\u20111234</a>');
    expect(block).toContain('<a href="mailto:presse@potsdam.example">presse@potsdam.example</a>');
  });

  it('states the contact in JSON-LD as the publisher\'s ContactPoint', () => {
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(out(root, PAGE))![1]!) as { publisher: { contactPoint: unknown } };
    expect(ld.publisher.contactPoint).toEqual({ '@type': 'ContactPoint', name: 'Erika Muster', contactType: 'Pressesprecherin', telephone: '+493312891234', email: 'presse@potsdam.example' });
  });

  it('lists downloads with type and size, published under a readable name that follows the bytes', () => {
    const page = out(root, PAGE);
    const link = /<a href="\/presse\/medien\/([a-z0-9]{8})\/antrag-soforthilfe\.pdf" download>Antragsformular <span class="file-info">\(PDF, 245 KB\)<\/span><\/a>/.exec(page);
    expect(link).not.toBeNull();
    expect(statSync(path.join(root, 'dist/medien', link![1]!, 'antrag-soforthilfe.pdf')).size).toBe(PDF.length);
    // A file linked in the body says the same of itself, inside the link.
    expect(page).toMatch(/<a href="\/presse\/medien\/[a-z0-9]{8}\/merkblatt\.csv">Merkblatt <span class="file-info">\(CSV, 32 Bytes\)<\/span><\/a>/);
  });

  it('links up to three related articles (same topic, then region) and the previous and next one by date', () => {
    const page = out(root, PAGE);
    const related = /<section class="related"[\s\S]*?<\/section>/.exec(page)![0];
    expect([...related.matchAll(/<a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1])).toEqual(['Wohngeld erhöht', 'Neue Buslinie', 'Baustelle am Markt']);
    const pager = /<nav class="article-pager"[\s\S]*?<\/nav>/.exec(page)![0];
    expect(pager).toContain('<a href="/presse/2025/03-01-neue-buslinie/" rel="prev"><span class="pager-label">Vorherige Meldung:</span> Neue Buslinie</a>');
    expect(pager).toContain('<a href="/presse/2025/03-10-fest-im-park/" rel="next"><span class="pager-label">Nächste Meldung:</span> Fest im Park</a>');
    // The oldest article has no previous one.
    expect(out(root, '2024/06-01-baustelle-am-markt/index.html')).not.toContain('rel="prev"');
  });

  it('refuses an impossible phone number, an address that is not one and a missing download, naming the fields', async () => {
    const bad = front({ title: 'Kaputt', date: '2025-01-01' }, 'contact:\n  name: X\n  phone: "12"\n  email: "mailto:presse"');
    const missing = front({ title: 'Ohne Datei', date: '2025-01-02' }, 'attachments:\n  - src: fehlt.pdf\n    title: Fehlt');
    const dir = makeSite({ 'content/2025/x.md': bad, 'content/2025/y.md': missing }, tempDir());
    try {
      const error = await buildSite(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).problems.map((p) => [p.field, p.ruleId])).toEqual(
        expect.arrayContaining([
          ['contact.phone', 'invalid-field'],
          ['contact.email', 'invalid-field'],
          ['attachments.0.src', 'missing-file'],
        ]),
      );
    } finally {
      cleanup(dir);
    }
  });
});

describe('the build cache follows what an article page shows of other articles', () => {
  it('a new title of article B reaches A\'s related and previous/next links, byte-identical to a cold build', async () => {
    const warm = makeSite(SITE);
    const cold = tempDir();
    try {
      await buildSite(warm);
      const b = path.join(warm, 'content/2025/neue-buslinie.md');
      writeFileSync(b, readFileSync(b, 'utf8').replace('Neue Buslinie', 'Buslinie 614 fährt'));
      const report = await buildSite(warm);
      expect(report.cache).toBe('hit');
      const page = out(warm, PAGE);
      expect(page).toContain('<span class="pager-label">Vorherige Meldung:</span> Buslinie 614 fährt</a>');
      expect(page).not.toContain('Neue Buslinie');
      // The same sources built without a cache give the same bytes, file for file.
      makeSite({ ...SITE, 'content/2025/neue-buslinie.md': readFileSync(b, 'utf8') }, cold);
      await buildSite(cold, { noCache: true });
      expect(readTree(path.join(warm, 'dist'))).toEqual(readTree(path.join(cold, 'dist')));
    } finally {
      cleanup(warm);
      cleanup(cold);
    }
  });

  it('an unchanged rebuild keeps every article page as it was', async () => {
    const dir = makeSite(SITE);
    try {
      await buildSite(dir);
      const before = readTree(path.join(dir, 'dist'));
      const report = await buildSite(dir);
      expect(report.rendered.sources).toBe(0);
      expect(readTree(path.join(dir, 'dist'))).toEqual(before);
    } finally {
      cleanup(dir);
    }
  });
});
