import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { readSource } from '../../src/content/load.js';
import { toVFileMessage } from '../../src/model/problem.js';
import { validateSource } from '../../src/content/validate.js';
import type { SourceFile } from '../../src/model/types.js';
import { gfmNeeds, hasUrlLiteral, type Syntax } from '../../src/markdown/needs-gfm.js';
import { markdownProcessor } from '../../src/markdown/processor.js';
import { formatDay, parseSiteDate } from '../../src/util/dates.js';
import { rfc822InZone } from '../../src/util/rfc822.js';
import { slugify } from '../../src/util/slug.js';
import fc from 'fast-check';

describe('slugify', () => {
  it.each([
    ['Fortschreibung der Digitalisierungsstrategie', 'fortschreibung-der-digitalisierungsstrategie'],
    ['Größe, Übermaß und Ärger', 'groesse-uebermass-und-aerger'],
    ['Straße', 'strasse'],
    ['OZG: „Aufenthalt“ erreicht alle Milestones', 'ozg-aufenthalt-erreicht-alle-milestones'],
    ['Vitako: 10-Punkte-Plan!', 'vitako-10-punkte-plan'],
    ['ÖL & Gas', 'oel-gas'],
    ['Déjà-vu in Köln', 'deja-vu-in-koeln'],
    ['  — ', ''],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('gives a name the slug of its length again, whatever was asked before (slugs are kept per length)', () => {
    const name = 'Sitzung des Stadtrats der Landeshauptstadt Potsdam';
    expect(slugify(name, { maxLength: 12 })).toBe('sitzung-des');
    expect(slugify(name)).toBe('sitzung-des-stadtrats-der-landeshauptstadt-potsdam');
    expect(slugify(name, { maxLength: 12 })).toBe('sitzung-des');
  });

  it('is always ASCII lowercase letters, digits and single hyphens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expect(slugify(s)).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('dates in the site time zone', () => {
  const tz = 'Europe/Berlin';
  it('keeps a plain date as that calendar day', () => {
    const r = parseSiteDate('2025-02-13', tz);
    expect(r.ok && r.date.day).toBe('2025-02-13');
    expect(r.ok && r.date.iso).toBe('2025-02-13');
  });
  it('shows an instant in the site time zone: 23:30 UTC on New Year’s Eve is 1 January in Berlin', () => {
    const r = parseSiteDate('2024-12-31T23:30:00Z', tz);
    expect(r.ok && r.date.day).toBe('2025-01-01');
    expect(r.ok && r.date.iso).toBe('2025-01-01T00:30:00+01:00');
    const ny = parseSiteDate('2024-12-31T23:30:00Z', 'America/New_York');
    expect(ny.ok && ny.date.day).toBe('2024-12-31');
  });
  it('reads a date-time without offset as wall-clock time in the site time zone, across DST', () => {
    const summer = parseSiteDate('2025-07-01T10:00', tz);
    expect(summer.ok && summer.date.iso).toBe('2025-07-01T10:00:00+02:00');
    const winter = parseSiteDate('2025-01-15 10:00:00', tz);
    expect(winter.ok && winter.date.iso).toBe('2025-01-15T10:00:00+01:00');
  });
  it.each([
    ['2025-02-30', 'is not a real calendar date'],
    ['2025-13-01', 'is not a real calendar date'],
    ['2023-02-29', 'is not a real calendar date'],
    ['2025-02-13T25:00', 'impossible time of day'],
    ['13.02.2025', 'expected YYYY-MM-DD'],
    ['gestern', 'expected YYYY-MM-DD'],
  ])('rejects %s', (value, reason) => {
    const r = parseSiteDate(value, tz);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });
  it('accepts 29 February in a leap year', () => {
    expect(parseSiteDate('2024-02-29', tz).ok).toBe(true);
  });
  it('formats for display and feeds', () => {
    expect(formatDay('2025-02-13', 'de')).toBe('13.02.2025');
    // RSS dates carry the site's offset, so the day is the day of publication (winter +0100, summer +0200).
    expect(rfc822InZone(Date.UTC(2025, 1, 12, 23), 'Europe/Berlin')).toBe('Thu, 13 Feb 2025 00:00:00 +0100');
    expect(rfc822InZone(Date.UTC(2025, 6, 1, 6, 30), 'Europe/Berlin')).toBe('Tue, 01 Jul 2025 08:30:00 +0200');
    expect(rfc822InZone(Date.UTC(2025, 1, 13), 'UTC')).toBe('Thu, 13 Feb 2025 00:00:00 +0000');
    expect(rfc822InZone(Date.UTC(2025, 1, 13, 12), 'America/St_Johns')).toBe('Thu, 13 Feb 2025 08:30:00 -0330');
  });
});

function source(text: string, rel = '2025/x.md'): SourceFile {
  return { rel, abs: `/site/content/${rel}`, display: `content/${rel}`, hash: 'h', text };
}

describe('validation messages', () => {
  const problemsOf = (text: string): string[] => {
    const v = validateSource(source(text), 'Europe/Berlin');
    return v.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.ruleId} ${p.field ?? '-'}: ${p.reason}`);
  };

  it('names file, line, field and what was expected for an impossible date', () => {
    expect(problemsOf('---\ntitle: T\nregion: R\ndate: 2025-02-30\nteaser: A\n---\nText')).toEqual([
      'content/2025/x.md:4:1 error invalid-date date: date „2025-02-30“ gibt es im Kalender nicht',
    ]);
  });

  it('reports every problem of a file at once', () => {
    const problems = problemsOf('---\ntitle: [a, b]\ndate: 2025\nfarbe: rot\n---\n');
    expect(problems).toEqual([
      'content/2025/x.md:2:1 error invalid-type title: title muss ein Text sein, gefunden: eine Liste',
      'content/2025/x.md:3:1 error invalid-date date: date 2025 ist nur eine Jahreszahl oder Zahl; erwartet wird ein ganzes Datum JJJJ-MM-TT',
      'content/2025/x.md:1:1 error missing-field region: die Angabe region fehlt',
      'content/2025/x.md:1:1 error missing-field teaser: die Angabe teaser fehlt',
      'content/2025/x.md:4:1 warning unknown-key farbe: die Angabe „farbe“ ist unbekannt und wird übergangen',
    ]);
  });

  it('turns a problem into a unified VFileMessage with place, rule and fix', () => {
    const m = toVFileMessage({ file: 'content/a.md', line: 3, column: 1, ruleId: 'invalid-date', field: 'date', reason: 'date is wrong', fix: 'write YYYY-MM-DD', severity: 'error' });
    expect([m.file, m.line, m.column, m.ruleId, m.source, m.fatal, m.note]).toEqual(['content/a.md', 3, 1, 'invalid-date', 'stadtbote', true, 'write YYYY-MM-DD']);
    expect(String(m)).toContain('3:1');
  });

  it('points at the line of broken YAML', () => {
    const [p] = problemsOf('---\ntitle: ok\nregion: "unclosed\ndate: 2025-01-01\n---\n');
    // The open quote is where the mistake is (line 3), explained in the site's language (German by default).
    expect(p).toMatch(/^content\/2025\/x\.md:3:9 error frontmatter region: das Anführungszeichen " im Wert von „region“ wird nicht geschlossen/);
  });

  it('refuses JavaScript frontmatter without running it', () => {
    const marker = `stadtbote_ran_${Date.now()}`;
    const [p] = problemsOf(`---js\n{ title: (globalThis.${marker} = true, 'x') }\n---\n`);
    expect(p).toContain('der Kopf der Datei ist in einer anderen Sprache geschrieben (js)');
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('requires alt text for a frontmatter image and accepts an intentionally empty one', () => {
    expect(problemsOf('---\ntitle: T\ndate: 2025-01-01\nregion: R\nteaser: A\nimage:\n  src: a.jpg\n---\n')).toEqual([
      'content/2025/x.md:6:1 error missing-alt image.alt: das Bild hat keinen Alternativtext',
    ]);
    expect(problemsOf('---\ntitle: T\ndate: 2025-01-01\nregion: R\nteaser: A\nimage:\n  src: a.jpg\n  alt: ""\n---\n')).toEqual([]);
  });

  it('rejects slugs and aliases that could leave their folder', () => {
    const problems = problemsOf('---\ntitle: T\ndate: 2025-01-01\nregion: R\nteaser: A\nslug: ../../etc\naliases:\n  - /alt/../../x.html\n  - relative.html\n---\n');
    expect(problems.map((p) => p.split(' ').slice(1, 4).join(' '))).toEqual(['error invalid-field slug:', 'error invalid-field aliases.0:', 'error invalid-field aliases.1:']);
  });

  it('reads BOM, CRLF and lone CR files like LF files, with the same line numbers', () => {
    const lf = '---\ntitle: T\ndate: 2025-02-30\nregion: R\nteaser: A\n---\nText\n';
    const variants = ['\ufeff' + lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')];
    for (const v of variants) {
      const s = readSourceFromText(v);
      expect(validateSource(s, 'Europe/Berlin').problems.map((p) => `${p.line}:${p.ruleId}`)).toEqual(['3:invalid-date']);
    }
  });
});

function readSourceFromText(text: string): SourceFile {
  const dir = tempDir('stadtbote-src-');
  writeFileSync(path.join(dir, 'a.md'), text);
  return readSource(dir, 'a.md', 'content/');
}

describe('GFM only where it is needed', () => {
  const gfm = markdownProcessor('none', 'gfm');
  const plain = markdownProcessor('none', 'commonmark');
  const tables = markdownProcessor('none', 'tables');
  const html = (p: typeof gfm, md: string): string => String(p.processSync(md));

  /** The dialect the renderer picks for a body, as in Renderer.markdown. */
  const decide = (md: string): Syntax => {
    const need = gfmNeeds(md);
    const base = need.syntax === 'tables' ? tables : need.syntax === 'gfm' ? gfm : plain;
    return need.urlLiterals && hasUrlLiteral(base.parse(md)) ? 'gfm' : need.syntax;
  };

  it('detects tables, strikethrough, footnotes, task lists and bare URLs', () => {
    for (const md of ['~~weg~~', 'Text[^1]\n\n[^1]: Fuß', '- [ ] offen', 'Siehe https://example.org', 'www.example.org', 'Mail an a@example.org', '](www.x.org', '[a](b) https://x.org', '| a |\n| - |\n| www.x.org |']) {
      expect(decide(md), md).toBe('gfm');
    }
    expect(decide('| a |\n| - |\n| 1 |')).toBe('tables');
    // A delimiter row with a colon makes a one-column table in GFM, even without a pipe.
    expect(decide('Titel\n:-')).toBe('tables');
    expect(decide('Ein [Link](https://www.example.org/x) und <https://example.org>.')).toBe('commonmark');
    expect(decide('Nur Text.')).toBe('commonmark');
  });

  it('gives byte-identical HTML whenever it skips GFM', () => {
    const piece = fc.constantFrom('Text ', '**fett** ', '[Link](https://www.example.org/a) ', '<https://x.org> ', '[www.x.org](https://y.org) ', '[https://x.org/a_b](https://x.org) ', '| a | b |\n| - | - |\n| 1 | 2 |\n', '|', ':', '-', '---\n', '[ref]: https://x.org\n', '# Titel\n', '- Punkt\n', '> Zitat\n', '\n\n', 'www.', 'https://', '(', ')', ']', '[', '|', '~', '@', '*', '_', '`code` ', '1. eins\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (parts) => {
        const md = parts.join('');
        const syntax = decide(md);
        if (syntax !== 'gfm') expect(html(syntax === 'tables' ? tables : plain, md)).toBe(html(gfm, md));
      }),
      { numRuns: 3000 },
    );
  });
});
