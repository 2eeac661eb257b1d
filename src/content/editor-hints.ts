import { EDITOR_RULES } from '../model/editor-rules.js';
import { rulesIn } from '../model/messages.js';
import { compareProblems, type Problem } from '../model/problem.js';
import type { ArticleData, SourceFile } from '../model/types.js';
import { dayFromFileName } from './file-name.js';
import type { ParsedFrontmatter } from './frontmatter.js';
import type { YamlHint } from './yaml-hints.js';

/** What `stadtbote new` writes where the editor has not said anything yet. */
export const PLACEHOLDERS = {
  teaser: 'Kurzbeschreibung ergänzen',
  body: 'Text der Meldung ergänzen.',
} as const;

/**
 * The fill-in marks of the pages `stadtbote init` writes, e.g. `[bitte ergänzen: Anschrift]`; a mark
 * may run over several lines (the privacy page's question about the server does), or lack its `]`.
 */
const FILL_IN = /\[bitte ergänzen[^\]]*\]?/gi;

/** A mark as a message quotes it: on one line, and not longer than a line of the message. */
function quoted(mark: string): string {
  const text = mark.replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Checks only editors need: a file name whose day is not `date:`, placeholders still in the text. */
export function editorHints(source: SourceFile, fm: ParsedFrontmatter, data: ArticleData | undefined, language: string): Problem[] {
  const t = rulesIn(language);
  const problems: Problem[] = [];
  const at = (field: string): { line: number; column: number } => fm.positionOf(field) ?? { line: 1, column: 1 };
  if (data) {
    const fileDay = dayFromFileName(source.rel);
    if (fileDay !== undefined && fileDay !== data.date.day) {
      problems.push({ file: source.display, ...at('date'), ruleId: EDITOR_RULES.dateMismatch, field: 'date', ...t['date-mismatch'].mismatch({ fileDay, day: data.date.day, year: data.date.day.slice(0, 4), monthDay: data.date.day.slice(5) }), severity: 'warning' });
    }
    if (data.teaser === PLACEHOLDERS.teaser || data.teaser.search(FILL_IN) !== -1) {
      problems.push({ file: source.display, ...at('teaser'), ruleId: EDITOR_RULES.placeholder, field: 'teaser', ...t.placeholder.left({ text: data.teaser }), severity: 'warning' });
    }
  }
  const lines = fm.body.split('\n');
  lines.forEach((line, i) => {
    const column = line.indexOf(PLACEHOLDERS.body) + 1;
    if (column > 0) problems.push({ file: source.display, line: fm.bodyLine + i, column, ruleId: EDITOR_RULES.placeholder, ...t.placeholder.left({ text: PLACEHOLDERS.body }), severity: 'warning' });
  });
  // Over the whole body, not line by line: a mark that goes on over lines is found too.
  let lineStart = 0;
  let line = 0;
  for (const match of fm.body.matchAll(FILL_IN)) {
    while (line + 1 < lines.length && lineStart + lines[line]!.length < match.index) lineStart += lines[line++]!.length + 1;
    problems.push({ file: source.display, line: fm.bodyLine + line, column: match.index - lineStart + 1, ruleId: EDITOR_RULES.placeholder, ...t.placeholder.left({ text: quoted(match[0]) }), severity: 'warning' });
  }
  return problems.sort(compareProblems);
}

/** A YAML mistake explained in the site's language, at the line and column to look at. */
export function yamlHintProblem(file: string, hint: YamlHint, language: string): Problem {
  const t = rulesIn(language).frontmatter;
  const text = ((): { reason: string; fix: string } => {
    switch (hint.kind) {
      case 'colon':
        return t.colon({ key: hint.key, line: hint.quoted.trim() });
      case 'tab':
        return t.tab();
      case 'unclosed-quote':
        return t.unclosedQuote({ key: hint.key, quote: hint.quote });
      case 'text-after-quote':
        return t.textAfterQuote({ key: hint.key });
      case 'indentation':
        return t.indentation();
      case 'duplicate-key':
        return t.duplicateKey({ key: hint.key });
    }
  })();
  const field = 'key' in hint ? { field: hint.key } : {};
  return { file, line: hint.line, column: hint.column, ruleId: 'frontmatter', ...field, ...text, severity: 'error' };
}
