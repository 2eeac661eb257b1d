import { describe, expect, it } from 'vitest';
import {
  checkBodyLimits,
  MAX_BACKTICK_RUN,
  MAX_BRACKETS,
  MAX_DEFINITIONS,
  MAX_DELIMITER_RUN,
  MAX_FOOTNOTE_REFERENCES,
  MAX_FOOTNOTES,
  MAX_INDENT_COLUMNS,
  MAX_NESTING_DEPTH,
  MAX_TABLE_CELLS,
  MAX_UNDERLINE_LINES,
} from '../../src/markdown/limits.js';

const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('\n');

/** Each limit: a body exactly at it passes, one step over fails, at the line (and column) of the step. */
const cases: { name: string; at: string; over: string; line: number; column?: number; reason: string }[] = [
  { name: 'nesting', at: `Text\n${'> '.repeat(MAX_NESTING_DEPTH)}x`, over: `Text\n${'> '.repeat(MAX_NESTING_DEPTH + 1)}x`, line: 2, reason: `more than ${MAX_NESTING_DEPTH} levels` },
  { name: 'nesting of mixed quotes and lists', at: `${'> - '.repeat(MAX_NESTING_DEPTH / 2)}x`, over: `${'> - '.repeat(MAX_NESTING_DEPTH / 2)}> x`, line: 1, reason: 'nested' },
  { name: 'indent in spaces', at: `${' '.repeat(MAX_INDENT_COLUMNS)}x`, over: `a\n\n${' '.repeat(MAX_INDENT_COLUMNS + 1)}x`, line: 3, reason: `indented by ${MAX_INDENT_COLUMNS + 1} columns` },
  { name: 'indent in tabs (4 columns each)', at: `${'\t'.repeat(MAX_INDENT_COLUMNS / 4)}x`, over: `${'\t'.repeat(MAX_INDENT_COLUMNS / 4 + 1)}x`, line: 1, reason: `indented by ${MAX_INDENT_COLUMNS + 4} columns` },
  { name: 'emphasis run', at: `ab ${'*'.repeat(MAX_DELIMITER_RUN)}`, over: `ab ${'*'.repeat(MAX_DELIMITER_RUN + 1)}`, line: 1, column: 4, reason: `${MAX_DELIMITER_RUN + 1} emphasis or bracket characters` },
  { name: 'backtick run', at: `x\n  ${'`'.repeat(MAX_BACKTICK_RUN)}`, over: `x\n  ${'`'.repeat(MAX_BACKTICK_RUN + 1)}`, line: 2, column: 3, reason: `${MAX_BACKTICK_RUN + 1} backticks` },
  { name: 'table cells', at: lines(MAX_TABLE_CELLS / 5, () => '|a|b|c|d|'), over: lines(MAX_TABLE_CELLS / 5, () => '|a|b|c|d|') + '\n|', line: MAX_TABLE_CELLS / 5 + 1, reason: 'tables with more than' },
  { name: 'heading underlines', at: lines(MAX_UNDERLINE_LINES, () => 'a\n==='), over: lines(MAX_UNDERLINE_LINES + 1, () => 'a\n> ---'), line: 2 * (MAX_UNDERLINE_LINES + 1), reason: `more than ${MAX_UNDERLINE_LINES} lines` },
  { name: 'footnote definitions', at: lines(MAX_FOOTNOTES, (i) => `[^${i}]: n`), over: lines(MAX_FOOTNOTES + 1, (i) => `[^${i}]: n`), line: MAX_FOOTNOTES + 1, reason: `more than ${MAX_FOOTNOTES} footnotes` },
  { name: 'link definitions', at: lines(MAX_DEFINITIONS, (i) => `[r${i}]: https://e.org/${i}`), over: lines(MAX_DEFINITIONS + 1, (i) => `[r${i}]: https://e.org/${i}`), line: MAX_DEFINITIONS + 1, reason: `more than ${MAX_DEFINITIONS} link definitions` },
  { name: 'footnote references', at: lines(MAX_FOOTNOTE_REFERENCES, () => 't[^1]'), over: lines(MAX_FOOTNOTE_REFERENCES + 1, () => 't[^1]'), line: MAX_FOOTNOTE_REFERENCES + 1, reason: `more than ${MAX_FOOTNOTE_REFERENCES} footnote marks` },
  { name: 'brackets', at: lines(MAX_BRACKETS / 10, () => '[a] '.repeat(10)), over: lines(MAX_BRACKETS / 10, () => '[a] '.repeat(10)) + '\n[', line: MAX_BRACKETS / 10 + 1, reason: `more than ${MAX_BRACKETS} links` },
];

describe('checkBodyLimits', () => {
  it.each(cases)('$name: at the limit passes, one over fails where it goes over', ({ at, over, line, column, reason }) => {
    expect(checkBodyLimits(at)).toBeUndefined();
    const violation = checkBodyLimits(over);
    expect(violation).toMatchObject({ line, ...(column ? { column } : {}) });
    expect(violation?.reason).toContain(reason);
    expect(violation?.fix.length).toBeGreaterThan(0);
  });

  it('passes a real news text with lists, quotes, tables, code and footnotes', () => {
    const body = [
      '## Vorträge',
      '',
      '> Zitat mit **Betonung** und _Kursiv_.',
      '> - Punkt eins',
      '>   - Unterpunkt',
      '',
      '1. erstens',
      '2. zweitens',
      '',
      '| Tag | Ort |',
      '| --- | --- |',
      '| 13.02. | Rathaus |',
      '',
      '```ts',
      'const x = `a`;',
      '```',
      '',
      'Text mit Fußnote[^1] und [Link](../2024/x.md).',
      '',
      '[^1]: Hinweis.',
      '',
      '---',
    ].join('\n');
    expect(checkBodyLimits(body)).toBeUndefined();
  });

  it('an empty body passes', () => {
    expect(checkBodyLimits('')).toBeUndefined();
  });
});
