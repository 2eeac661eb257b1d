import { VFileMessage } from 'vfile-message';
import type { RuleId } from './rules.js';

/**
 * One content or configuration problem. Plain data so that it crosses worker threads unchanged;
 * `toVFileMessage` turns it into the unified ecosystem's message type.
 */
export interface Problem {
  /** Path relative to the site root, with forward slashes, e.g. `content/2025/muenchen.md`. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Stable identifier of the rule that failed, e.g. `invalid-date`: one of `RULES` (model/rules.ts). */
  readonly ruleId: RuleId;
  /** Frontmatter field the problem is about, dotted for nested keys (`image.alt`). */
  readonly field?: string;
  readonly reason: string;
  /** What the editor can do about it, in words. */
  readonly fix?: string;
  readonly severity: 'error' | 'warning';
}

export function toVFileMessage(problem: Problem): VFileMessage {
  const message = new VFileMessage(problem.reason, {
    place: problem.line === undefined ? undefined : { line: problem.line, column: problem.column ?? 1 },
    ruleId: problem.ruleId,
    source: 'stadtbote',
  });
  message.file = problem.file;
  message.fatal = problem.severity === 'error';
  if (problem.fix) message.note = problem.fix;
  return message;
}

/** Stable order for reports: by file, then line, then column. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

