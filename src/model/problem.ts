import { VFileMessage } from 'vfile-message';
import type { SkippedEntry } from '../util/files.js';
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

/**
 * The problem for an entry a folder walk did not follow (util/files.ts `walkFiles`). `folder` names
 * the walked folder in words ("the content folder", "static/"); `displayPrefix` is its path as shown.
 */
export function skippedEntryProblem(entry: SkippedEntry, displayPrefix: string, folder: string): Problem {
  const file = displayPrefix + entry.rel;
  switch (entry.why) {
    case 'broken':
      return { file, ruleId: 'broken-symlink', reason: 'symbolic link points to nothing', fix: 'remove the link', severity: 'error' };
    case 'outside':
      return { file, ruleId: 'symlink-outside', reason: `symbolic link leads out of ${folder}`, fix: `copy the file into ${folder} instead of linking it`, severity: 'error' };
    case 'folder':
      return { file, ruleId: 'symlink-folder', reason: 'symbolic link to a folder is not followed: its files would be listed twice, or forever', fix: 'link the files one by one, or move the folder here', severity: 'warning' };
    case 'unreadable':
      return { file, ruleId: 'unreadable-file', reason: 'folder cannot be read', fix: 'give the user who builds the site permission to read it', severity: 'error' };
  }
}
