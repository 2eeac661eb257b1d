import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { messagesDe } from '../../src/i18n/messages-de.js';
import { messagesEn } from '../../src/i18n/messages-en.js';
import { article, cleanup, makeSite, REPO, runCli } from '../helpers.js';

/**
 * A German site's every line is German, an English site's every line English: a site with the
 * mistakes editors make goes through the real command line (`check`, `build`), and no line of its
 * output may hold a sentence of the other language's catalogue. The sentences come from the
 * catalogue itself, so a new message is covered without touching this test.
 */

type Catalogue = typeof messagesDe;

/** Parameters stand out as «name», so that the fixed words around them can be cut out. */
const SAMPLE = new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? `«${key}»` : undefined) });

function allTexts(part: unknown): string[] {
  if (typeof part === 'string') return [part];
  if (typeof part === 'function') return allTexts((part as (p: unknown) => unknown)(SAMPLE));
  if (part && typeof part === 'object') return Object.values(part).flatMap(allTexts);
  return [];
}

/**
 * The fixed word runs of a catalogue: every text cut at its parameters and line breaks, keeping runs
 * of at least two words that do not also occur in the other catalogue (examples such as
 * `region: Potsdam` or `--date 2025-02-13` are the same in both languages).
 */
function sentences(catalogue: Catalogue, other: Catalogue): string[] {
  const otherText = allTexts(other).join('\n');
  const runs = allTexts(catalogue)
    .flatMap((t) => t.split(/«\w+»|\n/))
    .map((s) => s.trim().replace(/^[,;:.()"'„“”]+\s*|\s*[,;:.()"'„“”]+$/g, ''))
    .filter((s) => s.split(/\s+/).length >= 2 && !otherText.includes(s));
  return [...new Set(runs)];
}

const ENGLISH = sentences(messagesEn, messagesDe);
const GERMAN = sentences(messagesDe, messagesEn);

/** The first sentence of `list` that a line of `output` holds, with the line; undefined when none does. */
function foreign(output: string, list: readonly string[]): string | undefined {
  for (const line of output.split('\n')) {
    const hit = list.find((s) => line.includes(s));
    if (hit) return `«${hit}» in: ${line}`;
  }
  return undefined;
}

const roots: string[] = [];
afterAll(() => roots.forEach(cleanup));

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A district office's site with one mistake of each common kind. */
function mistakenSite(language: 'de' | 'en'): string {
  const config = ['title: Landkreis Musterland', 'baseUrl: https://www.musterland.de/presse/', `language: ${language}`, 'search: false', 'regions:', '  - Nord', '  - Süd', ''].join('\n');
  const root = makeSite({
    'stadtbote.config.yaml': config,
    'content/2025/kreistag-sitzung.jpg': PNG,
    'content/2025/2025-02-10-doppelpunkt.md': '---\ntitle: Kreistag: neue Strategie\ndate: 2025-02-10\nregion: Nord\nteaser: T\n---\nText\n',
    'content/2025/2025-02-11-tabulator.md': '---\ntitle: T\ndate: 2025-02-11\nregion: Nord\nteaser: T\nimage:\n\tsrc: a.jpg\n---\nText\n',
    'content/2025/2025-02-12-ohne-teaser.md': '---\ntitle: Ohne Anriss\ndate: 2025-02-12\nregion: Nord\n---\nText\n',
    'content/2025/2025-02-13-datum.md': article({ title: 'Datum', date: '2025-02-30', region: 'Nord' }),
    'content/2025/2025-02-14-fehler.md': article(
      { title: 'Viele Fehler', date: '2025-02-14', region: 'Nord' },
      ['![Sitzung](Kreistag-Sitzung.JPG)', '', '[Alt](../2024/2024-12-19-gibt-es-nicht.md)', '', '[Klick](javascript:alert(1))', '', '![Plan](plan.png)'].join('\n'),
    ).replace('teaser:', 'tags: [a]\nteaser:'),
    'content/2025/2025-02-15-region.md': article({ title: 'Region', date: '2025-02-15', region: 'Nrod' }).replace('teaser:', 'aliases:\n  - https://www.anderer-server.de/alt/meldung.html\nteaser:'),
    'content/2025/2025-03-01-platzhalter.md': article({ title: 'Platzhalter', date: '2025-02-28', region: 'Süd', teaser: 'Kurzbeschreibung ergänzen' }, 'Text der Meldung ergänzen.'),
  });
  roots.push(root);
  return root;
}

/** A site without errors but with warnings, so that `build` succeeds and prints its summary. */
function warnedSite(language: 'de' | 'en'): string {
  const root = makeSite({
    'stadtbote.config.yaml': `title: Landkreis\nbaseUrl: https://www.musterland.de/presse/\nlanguage: ${language}\nsearch: false\nfooterLinks: []\n`,
    'content/2025/2025-03-01-platzhalter.md': article({ title: 'Platzhalter', date: '2025-02-28', region: 'Süd', teaser: 'Kurzbeschreibung ergänzen' }, 'Text der Meldung ergänzen.'),
    'content/2025/2025-03-02-gut.md': article({ title: 'Gut', date: '2025-03-02', region: 'Süd' }).replace('teaser:', 'unbekannt: 1\nteaser:'),
  });
  roots.push(root);
  return root;
}

/** stdout and stderr of one run, as the editor sees them. */
function run(args: string[], root: string): { code: number; output: string } {
  const r = runCli([...args, '--root', root], { env: { STADTBOTE_LANG: '' } });
  return { code: r.code, output: `${r.stdout}\n${r.stderr}` };
}

beforeAll(() => {
  // The command line runs the compiled library; `npm test` compiles first.
  expect(existsSync(path.join(REPO, 'lib', 'cli.js')), 'run `npm run compile` first').toBe(true);
});

describe('every line in the site language', () => {
  it('knows enough sentences of each language to look for', () => {
    expect(ENGLISH.length).toBeGreaterThan(150);
    expect(GERMAN.length).toBeGreaterThan(150);
    expect(ENGLISH).toContain('is not a real calendar date');
    expect(GERMAN).toContain('gibt es im Kalender nicht');
    // Lines as Stadtbote printed them before the catalogue: each is caught.
    expect(foreign('content/2025/a.md:3:1: error: date "2025-02-30" is not a real calendar date (date) [invalid-date]', ENGLISH)).toBeDefined();
    expect(foreign("content/2025/a.md:10:1: error: image \"x.JPG\" does not exist [missing-image]\n  fix: check the file name; looked for content/2025/x.JPG", ENGLISH)).toBeDefined();
    expect(foreign('Built 3 pages from 1 article in 0.52 s (12 files; cache: hit).', ENGLISH)).toBeDefined();
  });

  for (const [language, others, own, words] of [
    ['de', ENGLISH, GERMAN, { error: ': Fehler: ', fix: '  Lösung: ' }],
    ['en', GERMAN, ENGLISH, { error: ': error: ', fix: '  fix: ' }],
  ] as const) {
    it(`check and build of a site with language: ${language} with many mistakes`, () => {
      const root = mistakenSite(language);
      for (const command of ['check', 'build']) {
        const { code, output } = run([command], root);
        expect(code, output).toBe(1);
        // The mistakes are found (the test cannot pass on an empty report) …
        for (const rule of ['[frontmatter]', '[missing-field]', '[invalid-date]', '[missing-image]', '[broken-link]', '[unknown-region]', '[unsafe-link]', '[alias-other-host]', '[unknown-key]', '[date-mismatch]', '[placeholder]']) {
          expect(output, `${command}: ${rule}`).toContain(rule);
        }
        expect(output).toContain(words.error);
        expect(output).toContain(words.fix);
        // … and said in the site's language only.
        expect(foreign(output, others), `${command} (${language})`).toBeUndefined();
        expect(foreign(output, own), `${command} (${language}) says nothing in its own language`).toBeDefined();
      }
    }, 60_000);

    it(`build summary and warnings of a site with language: ${language}`, () => {
      const root = warnedSite(language);
      const { code, output } = run(['build'], root);
      expect(code, output).toBe(0);
      expect(output).toMatch(language === 'de' ? /Seiten? aus 2 Meldungen gebaut/ : /Built \d+ pages? from 2 articles/);
      expect(output).toContain('[placeholder]');
      expect(foreign(output, others), `build (${language})`).toBeUndefined();
      const check = run(['check', '--strict', '--verbose'], root);
      expect(check.code).toBe(1);
      expect(check.output).toContain(language === 'de' ? '2 Fehler, 2 Warnungen' : '2 errors, 2 warnings');
      expect(foreign(check.output, others), `check (${language})`).toBeUndefined();
    }, 60_000);

    it(`a config that does not parse is reported in its language: ${language}`, () => {
      const root = makeSite({ 'stadtbote.config.yaml': `language: ${language}\ntitle: Landkreis: Presse\n`, 'content/2025/a.md': article() });
      roots.push(root);
      const { code, output } = run(['check'], root);
      expect(code).toBe(2);
      expect(output).toContain('[config-syntax]');
      expect(foreign(output, others), `config (${language})`).toBeUndefined();
    });
  }

  it('speaks German before any config is read, English with STADTBOTE_LANG=en', () => {
    const missing = path.join(REPO, 'does-not-exist');
    const de = runCli(['check', '--root', missing], { env: { STADTBOTE_LANG: '' } });
    expect(de.code).toBe(2);
    expect(de.stderr).toContain('existiert nicht');
    expect(foreign(de.stderr, ENGLISH)).toBeUndefined();
    const en = runCli(['check', '--root', missing], { env: { STADTBOTE_LANG: 'en' } });
    expect(en.stderr).toContain('does not exist');
    expect(foreign(en.stderr, GERMAN)).toBeUndefined();
  });
});
