import { closeSync, constants, fstatSync, ftruncateSync, linkSync, mkdirSync, openSync, rmSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isInside, relativePath } from '../util/files.js';
import { stampOf } from './manifest.js';

/** What making one file did besides writing it: its stamp, and what of an older generation had to go. */
export interface MadeFile {
  /** Size and modification time of the file written (write/manifest.ts `stampOf`). */
  readonly stamp: string;
  /**
   * Paths (relative to the shadow) an older generation left where this file or its folders go,
   * removed to make room: a file where a folder is needed, a folder where the file goes.
   */
  readonly removed: readonly string[];
}

/** One file to make in the shadow folder. */
export interface FileToMake {
  /** Path relative to the shadow folder, with forward slashes. */
  readonly rel: string;
  readonly content: string | Uint8Array;
  /**
   * An older generation's file is there and may be a hard link to the live output: it is unlinked
   * first, never truncated in place. False for a file this build wrote itself (written again in place).
   */
  readonly replace: boolean;
}

/**
 * Makes files in the shadow folder: the folders they need, then the file, with its stamp. Used by
 * the output writer directly (small builds) and by its file thread (write/file-thread.ts), so both
 * make files the same way. Only file-system work: which file to write is the writer's decision.
 */
export class FileMaker {
  /** Folders of the shadow known to exist. */
  private readonly dirs = new Set<string>();

  constructor(private readonly root: string) {}

  make(file: FileToMake): MadeFile {
    const removed: string[] = [];
    const unshared = file.replace ? this.openUnshared(file.rel) : undefined;
    if (unshared !== undefined) return { stamp: writeAndStamp(unshared.fd, file.content, byteLength(file.content) < unshared.size), removed };
    const stamp = this.put(file.rel, file.replace, removed, (dest) => writeAndStamp(openSync(dest, 'w'), file.content, false));
    return { stamp, removed };
  }

  /**
   * An older generation's file opened to be written over in place, when nothing else shares it (one
   * link): a template edit replaces every page, and creating a file costs far more than rewriting
   * one (12,749 files on the 2-core machine's disk: 0.3–6.8 s to create, 0.55–0.87 s to rewrite). A
   * file that is a hard link to the live output, a symbolic link, a folder, or nothing at all is left
   * to the usual way (undefined). A rewrite cut short leaves only the shadow wrong, and the shadow is
   * not trusted until the writer records it again (write/writer.ts).
   */
  private openUnshared(rel: string): { readonly fd: number; readonly size: number } | undefined {
    const dest = path.join(this.root, rel);
    let fd: number;
    try {
      // Never through a symbolic link: the usual way replaces the link itself. Opened before its
      // folder is made: a file that opens has its folder, and asking for that folder first costs two
      // more system calls per page (`mkdir`, which fails, and `stat`), 0.2–0.3 s of a template edit.
      // Where it does not open (no folder, a file where a folder is needed) the usual way makes the folders.
      fd = openSync(dest, constants.O_RDWR | constants.O_NOFOLLOW);
    } catch {
      return undefined;
    }
    let stats: Stats | undefined;
    try {
      stats = fstatSync(fd);
    } finally {
      if (stats?.nlink !== 1) closeSync(fd);
    }
    if (stats.nlink !== 1) return undefined;
    // Its folder exists: the file's own folder is known from now on.
    this.dirs.add(path.dirname(dest));
    return { fd, size: stats.size };
  }

  /** Hard-links `existing` (a live file) in at `rel`: a file carried over unchanged keeps its inode and time. Returns what had to go. */
  link(existing: string, rel: string, replace: boolean): string[] {
    const removed: string[] = [];
    this.put(rel, replace, removed, (dest) => linkSync(existing, dest));
    return removed;
  }

  /** Runs `write` for the file at `rel` once its folder exists and an older file there is gone. */
  private put<T>(rel: string, replace: boolean, removed: string[], write: (dest: string) => T): T {
    const dest = path.join(this.root, rel);
    this.ensureDir(path.dirname(dest), removed);
    if (replace) this.unlink(dest);
    try {
      return write(dest);
    } catch (err) {
      // Where an older generation left a folder of this name, the folder goes first. Checked on failure only: it is rare.
      const code = (err as NodeJS.ErrnoException).code;
      if ((code !== 'EISDIR' && code !== 'EEXIST' && code !== 'EPERM') || !statSync(dest, { throwIfNoEntry: false })?.isDirectory()) throw err;
      this.removeFolder(dest, removed);
      return write(dest);
    }
  }

  /** Makes a folder of the shadow (and its parents) once; a file of an older generation in the way goes. */
  ensureDir(dir: string, removed: string[]): void {
    if (dir === this.root || this.dirs.has(dir)) return;
    this.ensureDir(path.dirname(dir), removed);
    try {
      mkdirSync(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // The shadow holds an older generation: where a folder is needed now, a file may have been.
      if (!statSync(dir).isDirectory()) {
        rmSync(dir, { force: true });
        removed.push(relativePath(this.root, dir));
        mkdirSync(dir);
      }
    }
    this.dirs.add(dir);
  }

  /** Forgets folders under `dir` (removed by the caller). */
  forgetFolder(dir: string): void {
    for (const known of [...this.dirs]) if (isInside(dir, known)) this.dirs.delete(known);
  }

  private removeFolder(dest: string, removed: string[]): void {
    rmSync(dest, { recursive: true, force: true });
    removed.push(relativePath(this.root, dest));
    this.forgetFolder(dest);
  }

  /** Unlinks a file that may be there (one call; `rmSync` would `lstat` first). A folder of that name is left to `make`'s fallback. */
  private unlink(dest: string): void {
    try {
      unlinkSync(dest);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'EPERM') throw err;
    }
  }
}

function byteLength(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
}

/**
 * Writes the bytes at the start of the open file, closes it and returns its stamp. `truncate`: an
 * older content is longer and its end is cut off; a page that grew (a footer line more) needs no cut.
 */
function writeAndStamp(fd: number, content: string | Uint8Array, truncate: boolean): string {
  try {
    writeFileSync(fd, content);
    if (truncate) ftruncateSync(fd, byteLength(content));
    return stampOf(fstatSync(fd));
  } finally {
    closeSync(fd);
  }
}
