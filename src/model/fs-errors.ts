import { messages } from './messages.js';
import path from 'node:path';
import type { Problem } from './problem.js';
import { isInside, relativePath, type SkippedEntry } from '../util/files.js';

/**
 * File-system failures (permissions, vanished files, loops of links, a full disk) as problems:
 * the path, what went wrong in words, and what to do, instead of a raw errno line.
 */
export interface FsError extends Error {
  readonly code: string;
  readonly syscall?: string;
  readonly path?: string;
  readonly dest?: string;
}

export function isFsError(err: unknown): err is FsError {
  const e = err as { code?: unknown; syscall?: unknown } | null;
  return err instanceof Error && typeof e?.code === 'string' && /^E[A-Z0-9]+$/.test(e.code) && typeof e.syscall === 'string';
}

/** `path` relative to the site root when inside it, else as it is, with forward slashes. */
function shown(p: string, root: string): string {
  const base = path.resolve(root);
  const abs = path.resolve(p);
  return abs !== base && isInside(base, abs) ? relativePath(base, abs) : p;
}

/** The error codes the catalogue has words for (rule `file-system`); any other code is `other`. */
const KNOWN_CODES = new Set(['EACCES', 'EPERM', 'ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP', 'ENOSPC', 'EDQUOT', 'EROFS', 'ENAMETOOLONG', 'EMFILE', 'EIO'] as const);
type KnownCode = typeof KNOWN_CODES extends Set<infer C> ? C : never;

/** `display`: how to name the file when the caller knows it better than the error's path (`content/2025/a.md`). */
/** `near`: the folder being worked on, for errors that carry no path (a write on a full disk). */
export function fsProblem(err: FsError, root: string, display?: string, near?: string, language?: string): Problem {
  const at = err.path ?? near;
  const file = display ?? (at ? shown(at, root) : '.');
  const m = messages(language);
  const action = m.ui.fsAction[err.syscall ?? ''] ?? m.ui.fsAction.use ?? err.syscall ?? '';
  const t = m.rules['file-system'];
  const text = (KNOWN_CODES as Set<string>).has(err.code) ? t[err.code as KnownCode]({ action, file }) : t.other({ action, file, code: err.code });
  return { file, ruleId: 'file-system', ...text, severity: 'error' };
}

/**
 * The problem for an entry a folder walk did not follow (util/files.ts `walkFiles`). `folder` names
 * the walked folder in words ("the content folder", "static/"); `displayPrefix` is its path as shown.
 */
export function skippedEntryProblem(entry: SkippedEntry, displayPrefix: string, folder: string, language?: string): Problem {
  const file = displayPrefix + entry.rel;
  const t = messages(language).rules;
  switch (entry.why) {
    case 'broken':
      return { file, ruleId: 'broken-symlink', ...t['broken-symlink'].dangling(), severity: 'error' };
    case 'outside':
      return { file, ruleId: 'symlink-outside', ...t['symlink-outside'].outside({ folder }), severity: 'error' };
    case 'folder':
      return { file, ruleId: 'symlink-folder', ...t['symlink-folder'].folder(), severity: 'warning' };
    case 'unreadable':
      // The reason the system gave (no permission, not a folder, a loop of links), as every file-system problem says it.
      if (entry.error && isFsError(entry.error)) return fsProblem(entry.error, '', file.replace(/\/$/, ''), undefined, language);
      return { file, ruleId: 'unreadable-file', ...t['unreadable-file'].folder(), severity: 'error' };
  }
}
