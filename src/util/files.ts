import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

/** An entry the walk did not follow, so that callers can say so instead of dropping it. */
export interface SkippedEntry {
  /** Path relative to the walked folder, with forward slashes. */
  readonly rel: string;
  /**
   * `broken`: a symbolic link to nothing; `outside`: a link that leads out of the walked folder;
   * `folder`: a link to a folder inside it (its files would be listed twice, or forever);
   * `unreadable`: a folder the walk may not read.
   */
  readonly why: 'broken' | 'outside' | 'folder' | 'unreadable';
  /** What the system said when a folder could not be read. */
  readonly error?: unknown;
}

export interface FileListing {
  /** Files relative to the walked folder, with forward slashes, sorted by code point. */
  readonly files: readonly string[];
  readonly skipped: readonly SkippedEntry[];
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every file below a folder, sorted so that the file system's listing order never matters. A
 * symbolic link to a file inside the folder is listed under the link's own path; every other link
 * is reported in `skipped`, never followed: one that leads outside (a site folder must not publish
 * /etc/passwd), one to a folder (loops), one to nothing. A missing folder has no files.
 */
export function walkFiles(dir: string, options: { skipHidden?: boolean } = {}): FileListing {
  const files: string[] = [];
  const skipped: SkippedEntry[] = [];
  let realRoot: string;
  try {
    realRoot = realpathSync(dir);
  } catch {
    return { files, skipped };
  }
  const walk = (rel: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch (error) {
      skipped.push({ rel, why: 'unreadable', error });
      return;
    }
    for (const entry of entries) {
      if (options.skipHidden && entry.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(r);
      else if (entry.isFile()) files.push(r);
      else if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(path.join(dir, r));
        } catch {
          skipped.push({ rel: r, why: 'broken' });
          continue;
        }
        if (!isInside(realRoot, target)) skipped.push({ rel: r, why: 'outside' });
        else if (statSync(target).isDirectory()) skipped.push({ rel: r, why: 'folder' });
        else files.push(r);
      }
    }
  };
  walk('');
  return { files: files.sort(compareCodePoints), skipped: skipped.sort((a, b) => compareCodePoints(a.rel, b.rel)) };
}

/** The files of `walkFiles`, for folders whose skipped entries are reported elsewhere (`Theme.check`). */
export function listFiles(dir: string): string[] {
  return [...walkFiles(dir).files];
}

/** Whether `child` is `parent` or lies below it (both absolute, resolved paths). */
export function isInside(parent: string, child: string): boolean {
  // A root (`/`, `C:\`) already ends with the separator.
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

/** `to` relative to `from` with forward slashes on every system: how paths appear in messages and manifests. */
export function relativePath(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}
