import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { relativePath } from '../util/files.js';

/** What the writer knows of an output tree without reading it: every file's content hash, and its stamp. */
export interface TreeState {
  /** Inode of the tree's root folder when the manifest was written; a different inode means another tree. */
  readonly ino: number;
  readonly files: Map<string, string>;
  /** Size and modification time of each file (`stampOf`), when known for all of them. */
  readonly stamps: Map<string, string>;
}

/** A file's size and modification time (whole milliseconds), as recorded in a manifest. */
export function stampOf(stats: Stats): string {
  return `${stats.size}:${Math.floor(stats.mtimeMs)}`;
}

/**
 * Whether a file still has a recorded stamp: the same size, and a modification time less than a
 * second away. A CI cache's archive may keep times to the second (GNU tar) or round them to the
 * millisecond (a copy of 12:00:00.9997 says 12:00:01.000), so an exact comparison would distrust
 * unchanged copies (rsync's --modify-window=1 allows the same).
 */
function matchesStamp(stamp: string, stats: Stats): boolean {
  const [size, mtime] = stamp.split(':').map(Number);
  return size === stats.size && Math.abs(stats.mtimeMs - mtime!) < 1000;
}

interface RawState {
  ino: number;
  files: Record<string, string>;
  stamps?: Record<string, string>;
}

/**
 * Reads a manifest. It describes the folder when the folder is the one it was written for (same
 * inode). A folder brought back by a CI cache is another folder with the same files: the manifest
 * still holds when `verifyCopy` is set and every file is there with its size and modification
 * time (to the second, `matchesStamp`), and no other file is — as rsync decides what changed. Without that check CI would read and
 * hash every page of the restored output, and could not move its unchanged folders (write/graft.ts).
 */
export function readState(file: string | undefined, dir: string, verifyCopy = false): TreeState | undefined {
  if (!file) return undefined;
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as RawState;
    if (typeof raw.ino !== 'number' || typeof raw.files !== 'object') return undefined;
    const state: TreeState = { ino: raw.ino, files: new Map(Object.entries(raw.files)), stamps: new Map(Object.entries(raw.stamps ?? {})) };
    const ino = statSync(dir).ino;
    if (ino === raw.ino) return state;
    if (!verifyCopy || state.stamps.size !== state.files.size || !sameFiles(dir, state.stamps)) return undefined;
    return { ...state, ino };
  } catch {
    return undefined;
  }
}

/** Whether `dir` holds exactly the files of `stamps`, each with its size and modification time (matchesStamp). */
function sameFiles(dir: string, stamps: ReadonlyMap<string, string>): boolean {
  let count = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    if (!entry.isFile()) return false;
    const abs = path.join(entry.parentPath, entry.name);
    const rel = relativePath(dir, abs);
    const expected = stamps.get(rel);
    if (expected === undefined || !matchesStamp(expected, statSync(abs))) return false;
    count++;
  }
  return count === stamps.size;
}

/**
 * Writes a manifest. Manifests only save work: when one cannot be written (full disk) there is
 * none, and the next build compares the files themselves; the output it describes is complete.
 * Stamps are kept only when every file has one.
 */
export function writeState(file: string | undefined, dir: string, files: ReadonlyMap<string, string>, stamps?: ReadonlyMap<string, string>): void {
  if (!file) return;
  const tmp = `${file}.tmp`;
  const sorted = [...files.keys()].sort();
  const complete = stamps !== undefined && sorted.every((rel) => stamps.has(rel));
  try {
    const raw: RawState = {
      ino: statSync(dir).ino,
      files: Object.fromEntries(sorted.map((rel) => [rel, files.get(rel)!])),
      ...(complete ? { stamps: Object.fromEntries(sorted.map((rel) => [rel, stamps.get(rel)!])) } : {}),
    };
    writeFileSync(tmp, JSON.stringify(raw));
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
    rmSync(file, { force: true });
  }
}
