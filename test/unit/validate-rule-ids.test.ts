import { describe, expect, it } from 'vitest';
import { validateSource } from '../../src/content/validate.js';
import type { SourceFile } from '../../src/model/types.js';

const VALID = 'title: Titel\ndate: 2025-02-13\nregion: Potsdam\nteaser: Kurzer Anriss.';

function source(yaml: string, rel = '2025/a.md'): SourceFile {
  return { rel, display: `content/${rel}`, abs: `/site/content/${rel}`, hash: 'h', text: `---\n${yaml}\n---\nText.\n` };
}

function problemsOf(yaml: string): { field?: string; ruleId: string }[] {
  return validateSource(source(yaml), 'Europe/Berlin').problems.map((p) => ({ field: p.field, ruleId: p.ruleId }));
}

// Each check names its own rule: words inside the found value ("sometimes", "Zeitplan") must not change it.
describe('rule ids of frontmatter checks', () => {
  it.each([
    ['draft: "sometimes"', 'draft', 'invalid-type'],
    ['draft: "Anytime"', 'draft', 'invalid-type'],
    ['slug: "Timeline"', 'slug', 'invalid-field'],
    ['aliases: "time/x"', 'aliases.0', 'invalid-field'],
    ['aliases: { a: "time" }', 'aliases', 'invalid-type'],
    ['image: "sometime.jpg"', 'image', 'invalid-type'],
    ['updated: [time]', 'updated', 'invalid-type'],
    ['expires: "overtime"', 'expires', 'invalid-date'],
    ['timetable: 1', 'timetable', 'unknown-key'],
  ])('%s → %s [%s]', (line, field, ruleId) => {
    expect(problemsOf(`${VALID}\n${line}`)).toContainEqual({ field, ruleId });
  });

  it('a title that mentions a time is still a type error, not a date error', () => {
    expect(problemsOf(VALID.replace('title: Titel', 'title: [time, table]'))).toEqual([{ field: 'title', ruleId: 'invalid-type' }]);
  });

  it('an image without alt text is the same rule as a body image without alt text', () => {
    expect(problemsOf(`${VALID}\nimage:\n  src: zeit.jpg`)).toEqual([{ field: 'image.alt', ruleId: 'missing-alt' }]);
  });
});
