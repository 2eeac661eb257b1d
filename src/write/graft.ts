import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Carrying unchanged folders over from the live output by moving them, not by linking each file.
 *
 * Why this exists: the shadow folder a build assembles must be a complete site before it is swapped
 * in. When the shadow holds the previous generation (a second local build) only the few files of
 * the last change are linked. But in CI the cache brings back `dist/` and no shadow, and so does any
 * build after a build from nothing: the shadow is empty, and linking 13,000 unchanged files needs
 * 11,000 folders made first — measured 4.3 s of `mkdir` for one edited article on 10,000 articles,
 * nine tenths of that build. A folder whose every file is carried over unchanged is moved whole
 * instead, with one rename, at the very end (after everything was rendered and written), so the live
 * site is complete during the whole build and only the commit's few milliseconds touch it.
 *
 * A move changes the live folder, so it is journaled first: a build killed between the moves and the
 * swap leaves a journal with which the next build moves the folders back (see `rollBack`).
 */
export interface GraftPlan {
  /** Folders (relative, `/`-separated) moved whole from the live output into the shadow. */
  readonly folders: string[];
  /** Carried-over files outside those folders: linked one by one, as before. */
  readonly files: string[];
  /** How many carried-over files the moved folders hold. */
  readonly movedFiles: number;
}

interface FolderCount {
  live: number;
  carried: number;
  /** The shadow already has files in this folder (written in this build or kept from the last one). */
  blocked: boolean;
}

const parentOf = (rel: string): string => {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
};

/**
 * Plans the carry-over. `carried` are target files equal to the live ones and absent from the
 * shadow; `liveFiles` is the live output's manifest (every file in it); `inShadow` the shadow's files
 * after stale ones were removed. A folder is moved whole when all its live files are carried over
 * (nothing in it is new, changed or removed) and the shadow has nothing in it; the highest such
 * folders are taken, and files outside them are listed for linking.
 */
export function planGraft(carried: ReadonlySet<string>, liveFiles: ReadonlyMap<string, string>, inShadow: Iterable<string>): GraftPlan {
  const folders = new Map<string, FolderCount>();
  const count = (dir: string): FolderCount => {
    let c = folders.get(dir);
    if (!c) folders.set(dir, (c = { live: 0, carried: 0, blocked: false }));
    return c;
  };
  for (const rel of liveFiles.keys()) {
    for (let d = parentOf(rel); d !== ''; d = parentOf(d)) count(d).live++;
  }
  for (const rel of carried) {
    for (let d = parentOf(rel); d !== ''; d = parentOf(d)) count(d).carried++;
  }
  for (const rel of inShadow) {
    for (let d = parentOf(rel); d !== ''; d = parentOf(d)) count(d).blocked = true;
  }
  const movable = (dir: string): boolean => {
    const c = folders.get(dir);
    return c !== undefined && !c.blocked && c.live > 0 && c.live === c.carried;
  };
  const moved = new Set<string>();
  const files: string[] = [];
  for (const rel of carried) {
    // The highest movable folder above the file, if any; the root itself is never moved.
    let top: string | undefined;
    for (let d = parentOf(rel); d !== ''; d = parentOf(d)) if (movable(d)) top = d;
    if (top === undefined) files.push(rel);
    else moved.add(top);
  }
  let movedFiles = 0;
  for (const dir of moved) movedFiles += folders.get(dir)!.carried;
  files.sort();
  return { folders: [...moved].sort(), files, movedFiles };
}

/**
 * Records the folders about to be moved; written before the first move, whole or not at all (a
 * build killed while writing it leaves a temporary file, never a journal cut short).
 */
export function writeJournal(journal: string, folders: readonly string[]): void {
  const partial = `${journal}.partial`;
  writeFileSync(partial, JSON.stringify({ moved: folders }));
  renameSync(partial, journal);
}

export function removeJournal(journal: string): void {
  rmSync(journal, { force: true });
}

/**
 * After a build was killed during its commit: every journaled folder that is in the shadow and
 * missing from the live output goes back, so the live output is the complete previous site again.
 * Folders already swapped in with the new output (a kill after the swap) are where they belong.
 */
export function rollBack(journal: string, live: string, shadow: string): void {
  // A journal being written when the build was killed: nothing had been moved yet.
  rmSync(`${journal}.partial`, { force: true });
  if (!existsSync(journal)) return;
  let moved: unknown;
  try {
    moved = (JSON.parse(readFileSync(journal, 'utf8')) as { moved?: unknown }).moved;
  } catch {
    moved = undefined;
  }
  if (Array.isArray(moved) && existsSync(live)) {
    for (const rel of moved) {
      if (typeof rel !== 'string' || rel === '' || rel.split('/').some((s) => s === '' || s === '.' || s === '..')) continue;
      const from = path.join(shadow, rel);
      const to = path.join(live, rel);
      if (existsSync(from) && !existsSync(to) && existsSync(path.dirname(to))) renameSync(from, to);
    }
  }
  removeJournal(journal);
}

/** A manifest without the files inside the given folders. */
export function withoutFolders(files: ReadonlyMap<string, string>, folders: readonly string[]): Map<string, string> {
  if (folders.length === 0) return new Map(files);
  const moved = new Set(folders);
  const inMoved = (rel: string): boolean => {
    for (let i = rel.lastIndexOf('/'); i > 0; i = rel.lastIndexOf('/', i - 1)) if (moved.has(rel.slice(0, i))) return true;
    return false;
  };
  return new Map([...files].filter(([rel]) => !inMoved(rel)));
}
