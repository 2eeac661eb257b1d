import { editorMessages } from '../i18n/editor.js';
import { EDITOR_RULES } from '../model/editor-rules.js';
import type { Problem } from '../model/problem.js';
import type { ArticleData, SourceFile } from '../model/types.js';
import { dayFromFileName } from './file-name.js';
import type { ParsedFrontmatter } from './frontmatter.js';
import type { YamlHint } from './yaml-hints.js';

/** What `stadtbote new` writes where the editor has not said anything yet. */
export const PLACEHOLDERS = {
  teaser: 'Kurzbeschreibung ergänzen',
  body: 'Text der Meldung ergänzen.',
} as const;

/** The fill-in marks of the pages `stadtbote init` writes, e.g. `[bitte ergänzen: Anschrift]`. */
const FILL_IN = /\[bitte ergänzen[^\]\n]*\]/i;

/** Checks only editors need: a file name whose day is not `date:`, placeholders still in the text. */
export function editorHints(source: SourceFile, fm: ParsedFrontmatter, data: ArticleData | undefined, language: string): Problem[] {
  const t = editorMessages(language);
  const problems: Problem[] = [];
  const at = (field: string): { line: number; column: number } => fm.positionOf(field) ?? { line: 1, column: 1 };
  if (data) {
    const fileDay = dayFromFileName(source.rel);
    if (fileDay !== undefined && fileDay !== data.date.day) {
      problems.push({ file: source.display, ...at('date'), ruleId: EDITOR_RULES.dateMismatch, field: 'date', ...t.dateMismatch(fileDay, data.date.day), severity: 'warning' });
    }
    if (data.teaser === PLACEHOLDERS.teaser || FILL_IN.test(data.teaser)) {
      problems.push({ file: source.display, ...at('teaser'), ruleId: EDITOR_RULES.placeholder, field: 'teaser', ...t.placeholder(data.teaser), severity: 'warning' });
    }
  }
  fm.body.split('\n').forEach((line, i) => {
    const found = line.includes(PLACEHOLDERS.body) ? PLACEHOLDERS.body : FILL_IN.exec(line)?.[0];
    if (found === undefined) return;
    problems.push({ file: source.display, line: fm.bodyLine + i, column: line.indexOf(found) + 1, ruleId: EDITOR_RULES.placeholder, ...t.placeholder(found), severity: 'warning' });
  });
  return problems;
}

/** A YAML mistake explained in the site's language, at the line and column to look at. */
export function yamlHintProblem(file: string, hint: YamlHint, language: string): Problem {
  const t = editorMessages(language).yaml;
  const text = ((): { reason: string; fix: string } => {
    switch (hint.kind) {
      case 'colon': {
        const m = t.colon(hint.key);
        return { reason: m.reason, fix: m.fix(hint.quoted.trim()) };
      }
      case 'tab':
        return t.tab;
      case 'unclosed-quote':
        return t.unclosedQuote(hint.key, hint.quote);
      case 'text-after-quote':
        return t.textAfterQuote(hint.key);
      case 'indentation':
        return t.indentation;
      case 'duplicate-key':
        return t.duplicateKey(hint.key);
    }
  })();
  const field = 'key' in hint ? { field: hint.key } : {};
  return { file, line: hint.line, column: hint.column, ruleId: 'frontmatter', ...field, ...text, severity: 'error' };
}
