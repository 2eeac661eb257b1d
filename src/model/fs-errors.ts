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

const WHAT: Readonly<Record<string, { reason: string; fix: string }>> = {
  EACCES: { reason: 'permission denied', fix: 'give the user that runs the build access to it (chmod/chown), or choose another folder' },
  EPERM: { reason: 'operation not permitted', fix: 'give the user that runs the build access to it (chmod/chown), or choose another folder' },
  ENOENT: { reason: 'does not exist (it was removed during the build, or a link points nowhere)', fix: 'check the path; run the build again once the file is back' },
  ENOTDIR: { reason: 'a part of the path is a file where a folder is needed', fix: 'remove or rename the file that stands where the folder should be' },
  EISDIR: { reason: 'is a folder where a file is needed', fix: 'remove or rename the folder' },
  ELOOP: { reason: 'symbolic links lead in a circle', fix: 'remove the link that points back to itself' },
  ENOSPC: { reason: 'the disk is full', fix: 'free space on the disk, or write the output to another disk with --out' },
  EDQUOT: { reason: 'the disk quota is used up', fix: 'free space within the quota, or write the output elsewhere with --out' },
  EROFS: { reason: 'the file system is read-only', fix: 'write the output to a writable folder with --out' },
  ENAMETOOLONG: { reason: 'the path is too long for the file system', fix: 'use shorter folder and file names' },
  EMFILE: { reason: 'too many files are open', fix: 'raise the limit of open files (ulimit -n) and build again' },
  EIO: { reason: 'the disk reported an input/output error', fix: 'check the disk; copy the site to a healthy one' },
};

/** `path` relative to the site root when inside it, else as it is, with forward slashes. */
function shown(p: string, root: string): string {
  const base = path.resolve(root);
  const abs = path.resolve(p);
  return abs !== base && isInside(base, abs) ? relativePath(base, abs) : p;
}

const VERB: Readonly<Record<string, string>> = { open: 'open', read: 'read', write: 'write', mkdir: 'create the folder', rename: 'rename', scandir: 'list the folder', stat: 'look at', lstat: 'look at', link: 'link', unlink: 'remove', rmdir: 'remove', realpath: 'follow' };

/** `display`: how to name the file when the caller knows it better than the error's path (`content/2025/a.md`). */
/** `near`: the folder being worked on, for errors that carry no path (a write on a full disk). */
export function fsProblem(err: FsError, root: string, display?: string, near?: string): Problem {
  const what = WHAT[err.code] ?? { reason: `failed (${err.code})`, fix: 'check the path and the disk, then build again' };
  const at = err.path ?? near;
  const file = display ?? (at ? shown(at, root) : '.');
  const verb = VERB[err.syscall ?? ''] ?? err.syscall ?? 'use';
  return { file, ruleId: 'file-system', reason: `cannot ${verb} ${file}: ${what.reason}`, fix: what.fix, severity: 'error' };
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
      // The reason the system gave (no permission, not a folder, a loop of links), as every file-system problem says it.
      if (entry.error && isFsError(entry.error)) return fsProblem(entry.error, '', file.replace(/\/$/, ''));
      return { file, ruleId: 'unreadable-file', reason: 'folder cannot be read', fix: 'give the user who builds the site permission to read it', severity: 'error' };
  }
}
