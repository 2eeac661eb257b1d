import { closeSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { relativePath } from '../util/files.js';
import { fileIdentity } from '../util/file-identity.js';

/** What the writer knows of an output tree without reading it: every file's content hash, and its stamp. */
export interface TreeState {
  /** Inode of the tree's root folder when the manifest was written (-1: no tree); another folder, a copy, gets the copy's inode once checked. */
  readonly ino: number;
  readonly files: Map<string, string>;
  /** Size and modification time of each file (`stampOf`), when known for all of them. */
  readonly stamps: Map<string, string>;
  /** Trusted after checking the folder as a copy: a manifest for the folder itself spares the next build that check. */
  readonly copy?: boolean;
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
  /** The folder's change time when the manifest was written: inode numbers are reused (`sameFolder`). */
  ctime?: number;
  /**
   * The files' paths, sorted, with their hashes and stamps at the same places. Three lists and not
   * objects keyed by path: an object of 23,000 keys takes JSON.parse five times as long (40 ms against
   * 8 ms here), on every build.
   */
  names?: string[];
  hashes?: string[];
  stamps?: string[] | Record<string, string>;
  /** How earlier builds kept the files: an object keyed by path (read, so that their output is not written anew; never written). */
  files?: Record<string, string>;
}

/** The files and stamps of a manifest; undefined when it holds neither form. */
function entriesOf(raw: RawState): { files: Map<string, string>; stamps: Map<string, string> } | undefined {
  if (Array.isArray(raw.names) && Array.isArray(raw.hashes) && raw.hashes.length === raw.names.length) {
    const files = new Map<string, string>();
    const stamps = new Map<string, string>();
    const stampList = Array.isArray(raw.stamps) && raw.stamps.length === raw.names.length ? raw.stamps : undefined;
    for (let i = 0; i < raw.names.length; i++) {
      files.set(raw.names[i]!, raw.hashes[i]!);
      if (stampList) stamps.set(raw.names[i]!, stampList[i]!);
    }
    return { files, stamps };
  }
  if (typeof raw.files !== 'object' || raw.files === null) return undefined;
  const stamps = typeof raw.stamps === 'object' && raw.stamps !== null && !Array.isArray(raw.stamps) ? raw.stamps : {};
  return { files: new Map(Object.entries(raw.files)), stamps: new Map(Object.entries(stamps)) };
}

/**
 * The answer of a check of a copy made before the manifest was read here (write/copy-check.ts):
 * for the manifest file and the folder as they were then, by size, modification time and inode.
 */
export interface CopyVerdict {
  /** `fileIdentity` of the manifest and of the folder when they were checked. */
  readonly manifest: string;
  readonly dir: string;
  readonly same: boolean;
}

/**
 * Whether a manifest was written for this very folder: the same inode and change time. The inode
 * alone is not enough: a folder restored twice in a row (CI, `cp -a`) can get the number of the
 * one before, and would pass unchecked; its change time is new (no tool can set it). Manifests
 * without one (written by an older version) are checked as copies once.
 */
function sameFolder(raw: { ino: unknown; ctime?: unknown }, dir: Stats): boolean {
  // A file system that keeps change times to the second (HFS+, some NFS) could still match a folder restored twice within one second.
  return raw.ino === dir.ino && raw.ctime === dir.ctimeMs;
}

/**
 * Reads a manifest. It describes the folder when the folder is the one it was written for (same
 * inode). A folder brought back by a CI cache is another folder with the same files: the manifest
 * still holds when `verifyCopy` is set and every file is there with its size and modification
 * time (to the second, `matchesStamp`), and no other file is — as rsync decides what changed. Without that check CI would read and
 * hash every page of the restored output, and could not move its unchanged folders (write/graft.ts).
 * `verdict`: that check made already, on a thread, while the build did other work; used only when
 * it was made of this very manifest and folder.
 */
export function readState(file: string | undefined, dir: string, verifyCopy = false, verdict?: CopyVerdict): TreeState | undefined {
  if (!file) return undefined;
  try {
    const text = readFileSync(file, 'utf8');
    const raw = JSON.parse(text) as RawState;
    const entries = entriesOf(raw);
    if (typeof raw.ino !== 'number' || !entries) return undefined;
    const state: TreeState = { ino: raw.ino, ...entries };
    const dirStats = statSync(dir);
    const ino = dirStats.ino;
    if (sameFolder(raw, dirStats)) return state;
    // Written before manifests recorded the change time, for the writer's own shadow folder (which CI does not restore):
    // trusted by its inode, as it was then, so that the first build after an upgrade does not write every file anew.
    if (!verifyCopy && raw.ctime === undefined && raw.ino === ino) return state;
    if (!verifyCopy || state.stamps.size !== state.files.size) return undefined;
    const checked = verdict && verdict.dir === fileIdentity(dirStats) && verdict.manifest === fileIdentity(statSync(file)) ? verdict.same : undefined;
    if (!(checked ?? sameFiles(dir, state.stamps))) return undefined;
    return { ...state, ino, copy: true };
  } catch {
    return undefined;
  }
}

/**
 * What a folder is to the manifest written for it: `this` very folder; a `copy` (another inode: CI
 * restored it, or `cp -a`); or `changed` (the same inode with another change time — something
 * was added or removed at its top, or the manifest is from a version that did not record the time),
 * which is checked like a copy. Read from the manifest's first bytes, where `writeState` puts inode
 * and change time, so that deciding costs no parse of a manifest of 10,000 files; `undefined`
 * without a readable manifest or folder.
 */
export function folderOfManifest(file: string, dir: string): 'this' | 'copy' | 'changed' | undefined {
  try {
    const fd = openSync(file, 'r');
    let head: string;
    try {
      const buf = Buffer.alloc(64);
      head = buf.toString('latin1', 0, readSync(fd, buf, 0, buf.length, 0));
    } finally {
      closeSync(fd);
    }
    const written = /^\{"ino":(\d+)(?:,"ctime":([\d.]+))?,/.exec(head);
    if (written === null) return undefined;
    const folder = statSync(dir);
    if (Number(written[1]) !== folder.ino) return 'copy';
    return written[2] !== undefined && sameFolder({ ino: folder.ino, ctime: Number(written[2]) }, folder) ? 'this' : 'changed';
  } catch {
    return undefined;
  }
}

/** The check of a copy (see `readState`) for a manifest and a folder, made wherever it is called (write/copy-check.ts). */
export function checkCopy(file: string, dir: string): CopyVerdict | undefined {
  try {
    const manifest = fileIdentity(statSync(file));
    const raw = JSON.parse(readFileSync(file, 'utf8')) as RawState;
    const dirStats = statSync(dir);
    const entries = entriesOf(raw);
    if (!entries || sameFolder(raw, dirStats)) return undefined;
    const { files, stamps } = entries;
    // The manifest may have been written again while it was read: then the verdict is for no manifest the build will read.
    const same = stamps.size === files.size && sameFiles(dir, stamps);
    return fileIdentity(statSync(file)) === manifest ? { manifest, dir: fileIdentity(dirStats), same } : undefined;
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
    const folder = statSync(dir);
    const raw: RawState = {
      // First, so that `folderOfManifest` finds them in the file's first bytes.
      ino: folder.ino,
      ctime: folder.ctimeMs,
      names: sorted,
      hashes: sorted.map((rel) => files.get(rel)!),
      ...(complete ? { stamps: sorted.map((rel) => stamps.get(rel)!) } : {}),
    };
    writeFileSync(tmp, JSON.stringify(raw));
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
    rmSync(file, { force: true });
  }
}
