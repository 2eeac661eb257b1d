import { closeSync, fstatSync, openSync, readFileSync, readSync, type Stats } from 'node:fs';
import { fileIdentity } from '../util/file-identity.js';
import { hashOf } from '../util/hash.js';

/**
 * A source file's identity for the build cache: size, modification and change time, inode. Equal in
 * a later build, the file still holds the bytes it held when it was read, and a build that changed
 * nothing need not read 10,000 files again (0.15 s of a warm build). git's index works the same way.
 *
 * The change time cannot be set by a program (`touch -d`, `cp -p` and archives set the modification
 * time only), and a write or a replacing rename changes it. A stamp is only given when both times
 * lie more than two seconds before the read: a file written again within the same tick of a coarse
 * clock (FAT: two seconds) could keep its times with other bytes ("racy git"); it is read next time.
 * A checkout (CI) gives every file new times: then every file is read, as without stamps.
 */
export const RACY_MS = 2000;

function stampOf(stats: Stats, readAt: number): string | undefined {
  if (stats.mtimeMs > readAt - RACY_MS || stats.ctimeMs > readAt - RACY_MS) return undefined;
  return fileIdentity(stats);
}

/** The stamp of an open file, taken before its bytes are read; undefined when it cannot vouch for them. */
export function stampOfOpen(fd: number): string | undefined {
  return stampOf(fstatSync(fd), Date.now());
}

/**
 * A file's bytes and its stamp, taken before them through the same descriptor: a write in between
 * gives the file new times, and the next build reads it again. Throws what the file system throws.
 * The one read of a source's bytes: content/load.ts `readSource` and the CI hash thread (content/stamp-thread.ts).
 */
export function readStamped(file: string): { readonly stamp: string | undefined; readonly bytes: Buffer } {
  const fd = openSync(file, 'r');
  try {
    const stats = fstatSync(fd);
    return { stamp: stampOf(stats, Date.now()), bytes: readOpen(fd, stats) };
  } finally {
    closeSync(fd);
  }
}

/**
 * A source's stamp and its bytes' hash, read as content/load.ts `readSource` reads (`readStamped`),
 * for a build that knows sources by their bytes (CI, content/source-stamps.ts). A file that cannot
 * be read has no answer: the build reads it and reports it.
 */
export function readKnown(file: string): [stamp: string | undefined, hash: string | undefined] {
  try {
    const { stamp, bytes } = readStamped(file);
    return [stamp, hashOf(bytes)];
  } catch {
    return [undefined, undefined];
  }
}

/**
 * The bytes of an open file whose size the stamp's `fstat` gave: `readFileSync(fd)` would ask for it
 * again, one system call more for each of 10,000 sources a CI build reads (some 7 µs each here). As
 * `readFileSync`, it reads that many bytes. A file of no size (a pipe, a special file) is read to its end.
 */
function readOpen(fd: number, stats: Stats): Buffer {
  if (!stats.isFile() || stats.size === 0) return readFileSync(fd);
  const bytes = Buffer.allocUnsafe(stats.size);
  let length = 0;
  while (length < bytes.length) {
    const read = readSync(fd, bytes, length, bytes.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return length === bytes.length ? bytes : bytes.subarray(0, length);
}

/**
 * The stamp of a file now, to compare with the one kept; undefined when it cannot be had (then the
 * file is read, and a read that fails is that file's problem, reported with all others).
 */
export function currentStamp(file: string): string | undefined {
  // Opened, not only looked up: on NFS an open fetches the file's attributes afresh (close-to-open
  // consistency), where a lookup may answer from a cache up to a minute old — an edit made on
  // another machine would go unseen. 10,000 files: some 30 ms more than a lookup on tmpfs.
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stats = fstatSync(fd);
    return stats.isFile() ? stampOf(stats, Date.now()) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The size in bytes a stamp records. */
export function stampSize(stamp: string): number {
  return Number(stamp.slice(0, stamp.indexOf(':')));
}
