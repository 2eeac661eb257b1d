import { afterAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/commands/check.js';
import { newArticle } from '../../src/commands/new.js';
import type { Problem } from '../../src/model/problem.js';
import { article, cleanup, makeSite, runCli } from '../helpers.js';

const sites: string[] = [];
afterAll(() => sites.forEach(cleanup));

function site(files: Record<string, string | Buffer>, language = 'de'): string {
  const root = makeSite({ 'stadtbote.config.yaml': `title: T\nsearch: false\nfooterLinks: []\nlanguage: ${language}\n`, ...files });
  sites.push(root);
  return root;
}

const A = 'content/2025/2025-02-13-kreistag.md';
const at = (p: Problem): string => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.ruleId}`;
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64');

describe('YAML mistakes explained, with line and column', () => {
  const cases: [string, string, string, string, string][] = [
    ['unquoted colon', '---\ntitle: Kreistag: neue Strategie\ndate: 2025-02-13\nregion: Kreis\nteaser: T\n---\nText\n', ':2:8', 'Titel in Anführungszeichen setzen: title: "Kreistag: neue Strategie"', 'put the title in quotes: title: "Kreistag: neue Strategie"'],
    ['tab', '---\ntitle: T\ndate: 2025-02-13\nregion: Kreis\nteaser: T\nimage:\n\tsrc: a.jpg\n---\nText\n', ':7:1', 'Tabulator durch Leerzeichen ersetzen', 'replace the tab with spaces'],
    ['unclosed quote', '---\ntitle: "Kreistag tagt\ndate: 2025-02-13\nregion: Kreis\nteaser: T\n---\nText\n', ':2:8', 'am Ende des Werts ein " ergänzen', 'add a closing " at the end of the value'],
    ['wrong indentation', '---\ntitle: T\n  date: 2025-02-13\nregion: Kreis\nteaser: T\n---\nText\n', ':3:3', 'Schlüssel einer Ebene beginnen in derselben Spalte', 'keys of one level start in the same column'],
    ['indented list item', '---\ntitle: T\ndate: 2025-02-13\nregion: Kreis\nteaser: T\nimage:\n  src: a.jpg\n   alt: Foto\n---\nText\n', ':8:4', 'Schlüssel einer Ebene beginnen in derselben Spalte', 'keys of one level start in the same column'],
    ['text after a closing quote', '---\ntitle: "Kreistag" tagt\ndate: 2025-02-13\nregion: Kreis\nteaser: T\n---\nText\n', ':2:8', 'den ganzen Wert in "…" setzen', 'put the whole value in "…"'],
  ];
  it.each(cases)('%s', async (_name, text, place, german, english) => {
    for (const [language, fix] of [['de', german], ['en', english]] as const) {
      const root = site({ [A]: text }, language);
      const { problems } = await checkSite({ root });
      expect(problems).toHaveLength(1);
      expect(at(problems[0]!)).toBe(`${A}${place} error frontmatter`);
      expect(problems[0]!.fix).toContain(fix);
    }
  });
});

describe('a required field', () => {
  it('that is missing is named at the top; one whose line has no value, at that line', async () => {
    const root = site({ [A]: '---\ntitle:\ndate: 2025-02-13\nteaser: T\n---\nText\n' });
    const { problems } = await checkSite({ root });
    expect(problems.map((p) => `${at(p)} ${p.field} ${p.reason} | ${p.fix}`)).toEqual([
      `${A}:1:1 error missing-field region die Angabe region fehlt | im Kopf der Datei eine Zeile „region: …“ ergänzen`,
      `${A}:2:1 error missing-field title die Angabe title ist leer | hinter „title:“ den Wert schreiben, z. B. title: "…"`,
    ]);
  });
});

describe('suggestions for file names', () => {
  it('names the file that differs only in case, or by a typo, for images and links', async () => {
    const root = site({
      'content/2025/kreistag-sitzung.jpg': JPEG,
      'content/2024/2024-12-19-ozg-umsetzung-auf-kurs.md': article({ title: 'OZG', date: '2024-12-19' }),
      [A]: article({ title: 'Kreistag' }, '![Sitzung](Kreistag-Sitzung.JPG)\n\n[OZG](../2024/2024-12-19-ozg-umsetzung-auf-kurz.md)\n').replace('teaser:', 'image:\n  src: kreistag-sitzung.jpeg\n  alt: Sitzung\nteaser:'),
    });
    const { problems } = await checkSite({ root });
    const fixes = Object.fromEntries(problems.map((p) => [p.ruleId + (p.field ? `:${p.field}` : ''), p.fix]));
    expect(fixes['missing-image']).toBe('Meinten Sie „kreistag-sitzung.jpg“? Dateinamen unterscheiden Groß- und Kleinschreibung');
    expect(fixes['missing-image:image.src']).toBe('Meinten Sie „kreistag-sitzung.jpg“? Dateinamen unterscheiden Groß- und Kleinschreibung');
    expect(fixes['broken-link']).toBe('Meinten Sie „../2024/2024-12-19-ozg-umsetzung-auf-kurs.md“? Dateinamen unterscheiden Groß- und Kleinschreibung');
  });

  it('guesses nothing when no name is close', async () => {
    const root = site({ 'content/2025/foto.jpg': JPEG, [A]: article({ title: 'K' }, '![Plan](lageplan-rathaus.png)\n') });
    const { problems } = await checkSite({ root });
    expect(problems.find((p) => p.ruleId === 'missing-image')!.fix).toBe('den Dateinamen prüfen oder das Bild in den Ordner legen');
  });
});

describe('dates and placeholders', () => {
  it('warns when the date in the file name and date: disagree', async () => {
    const root = site({ [A]: article({ title: 'K', date: '2024-02-13' }), 'content/2025/2025-01-01-silvester.md': article({ title: 'S', date: '2024-12-31T23:30:00Z' }) });
    const { problems } = await checkSite({ root });
    // Silvester 23:30 UTC is already 1 January in Berlin: the file name is right.
    expect(problems.map(at)).toEqual([`${A}:3:1 warning date-mismatch`]);
    expect(problems[0]!.reason).toBe('der Dateiname beginnt mit 2025-02-13, date sagt 2024-02-13');
  });

  it('warns about the placeholders new writes; check --strict fails on them', async () => {
    const root = site({});
    newArticle({ root, title: 'Neue Meldung', region: 'Kreis', date: '2025-02-13' });
    const { problems } = await checkSite({ root });
    expect(problems.map(at)).toEqual(['content/2025/2025-02-13-neue-meldung.md:5:1 warning placeholder', 'content/2025/2025-02-13-neue-meldung.md:8:1 warning placeholder']);
    expect(problems.map((p) => p.reason)).toEqual([
      'der Platzhalter „Kurzbeschreibung ergänzen“ steht noch im Text und würde so veröffentlicht',
      'der Platzhalter „Text der Meldung ergänzen.“ steht noch im Text und würde so veröffentlicht',
    ]);
    expect((await checkSite({ root, strict: true })).errors).toBe(2);
    expect(runCli(['check', '--root', root]).code).toBe(0);
    const strict = runCli(['check', '--strict', '--root', root]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('2 Fehler, 0 Warnungen');
  }, 30_000);
});

describe('all problems of a run at once', () => {
  it('reports four links to missing articles and two missing images in one run', async () => {
    const body = ['[1](../2024/eins.md) [2](../2024/zwei.md) [3](drei.md) [4](/2023/vier.md)', '', '![Foto](foto-1.jpg)', '', '![Plan](plan.png)'].join('\n');
    const root = site({ [A]: article({ title: 'K' }, body) });
    const { problems } = await checkSite({ root });
    expect(problems.map((p) => `${p.line}:${p.column} ${p.ruleId}`)).toEqual(['7:1 broken-link', '7:22 broken-link', '7:43 broken-link', '7:56 broken-link', '9:1 missing-image', '11:1 missing-image']);
  });

  it('also when the frontmatter itself is broken', async () => {
    const root = site({ [A]: '---\ntitle: T\ndate: 2025-02-30\nregion: R\nteaser: T\n---\n[1](../2024/eins.md)\n\n![Foto](foto.jpg)\n' });
    const { problems } = await checkSite({ root });
    expect(problems.map((p) => p.ruleId).sort()).toEqual(['broken-link', 'invalid-date', 'missing-image']);
  });

  it('a link to a page of the site that does not exist, beside errors of other files', async () => {
    const root = site({
      [A]: article({ title: 'K' }, 'Siehe [Impressum](/impresum/) und [Archiv](/archiv/).'),
      'content/2025/2025-02-14-b.md': article({ title: 'B' }, '![Foto](fehlt.png)'),
      'content/2025/2025-02-15-c.md': '---\ndate: 2025-02-15\nregion: R\nteaser: T\n---\nText\n',
    });
    const { problems } = await checkSite({ root });
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.file.replace('content/2025/', '')}:${p.line} ${p.ruleId}`)).toEqual([
      '2025-02-13-kreistag.md:7 broken-link',
      '2025-02-14-b.md:7 missing-image',
      '2025-02-15-c.md:1 missing-field',
    ]);
    // And as the command line says it, once, with exit 1.
    const cli = runCli(['build'], { cwd: root });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('„/impresum/“');
    expect(cli.stderr.match(/impresum/g)).toHaveLength(1);
  });

  it('a frontmatter image that is not there, beside its missing alt text', async () => {
    const fm = (image: string): string => `---\ntitle: T\ndate: 2025-02-13\nregion: R\nteaser: T\nimage:\n${image}---\nText\n`;
    const root = site({ [A]: fm('  src: kreistag-Foto.jpg\n'), 'content/2025/kreistag-foto.jpg': JPEG, 'content/2025/2025-02-14-b.md': fm('  src: https://example.org/b.jpg\n') });
    const { problems } = await checkSite({ root });
    const ofSources = problems.filter((p) => p.file.endsWith('.md'));
    expect(ofSources.map((p) => `${p.file.replace('content/2025/', '')}:${p.line}:${p.column} ${p.ruleId} ${p.field}`)).toEqual([
      '2025-02-13-kreistag.md:6:1 missing-alt image.alt',
      '2025-02-13-kreistag.md:7:3 missing-image image.src',
      '2025-02-14-b.md:6:1 missing-alt image.alt',
      '2025-02-14-b.md:7:3 external-image image.src',
    ]);
    // With the name it most likely means.
    const missing = problems.find((p) => p.ruleId === 'missing-image');
    expect(`${missing?.reason} ${missing?.fix}`).toContain('kreistag-foto.jpg');
  });
});
