import { ContentError } from '../model/errors.js';
import type { Problem } from '../model/problem.js';
import type { RuleId } from '../model/rules.js';

/** A problem of the import's source or options: named by the source (or item), never a stack trace. */
export function importProblem(file: string, reason: string, fix?: string, ruleId: RuleId = 'import-source', at?: { line: number; column: number }): Problem {
  return { file, ...(at ? { line: at.line, column: at.column } : {}), ruleId, reason, ...(fix ? { fix } : {}), severity: 'error' };
}

/** Stops the import with one problem; nothing has been written at that point. */
export function failImport(file: string, reason: string, fix?: string, ruleId?: RuleId, at?: { line: number; column: number }): never {
  throw new ContentError([importProblem(file, reason, fix, ruleId, at)]);
}
