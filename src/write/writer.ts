import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { hashOf } from '../util/hash.js';
import type { MadeFile } from './file-maker.js';
import type { ThreadedFileCheck } from '../model/outputs.js';
import { FileQueue } from './file-queue.js';
import { planGraft, removeJournal, rollBack, withoutFolders, writeJournal, type GraftPlan } from './graft.js';
import { acquireLock } from './lock.js';
import { readState, stampOf, writeState, type CopyVerdict, type TreeState } from './manifest.js';
import { appendAll } from '../util/append.js';

export interface WriteStats {
  /** Files whose bytes were written. */
  written: number;
  /** Files carried over unchanged from the live output (hard links keep their mtime). */
  linked: number;
  /** Files removed because nothing produces them any more. */
  removed: number;
  /** Total files in the new output. */
  files: number;
  /** Whether the live output folder was replaced. */
  swapped: boolean;
}

export interface WriterOptions {
  /** Files made in the calling thread before the file thread takes over (write/file-queue.ts); tests set 0. */
  readonly fileThreadFrom?: number;
  /** The check of a live folder restored by CI, made on a thread before the writer opened (write/copy-check.ts). */
  readonly copyVerdict?: CopyVerdict;
  /** Checks that scan the files put with `checked`, where the files are made (model/outputs.ts). */
  readonly checks?: readonly ThreadedFileCheck[];
  /** Whether the file thread has a core for the checks' scans (write/file-queue.ts); else they run in the calling thread. */
  readonly scansOnThread?: () => boolean;
}

/** The manifest of the live output in a writer's state folder (write/manifest.ts). */
export function liveManifestFile(stateDir: string): string {
  return path.join(stateDir, 'live-output.json');
}

/** Where the manifests of one output folder live in the cache: one pair per folder, so builds into several never mix. */
export function outputStateDir(cacheDir: string, out: string): string {
  return path.join(cacheDir, 'output', hashOf(out).slice(0, 16));
}

/**
 * Writes a build's output without ever exposing a half-written site. The new output is assembled in
 * a shadow folder beside the live one, then the two are swapped with renames. The shadow keeps the
 * previous generation, so a small change touches only the files that differ; files that are the
 * same as in the live output are hard-linked, which keeps their mtime for rsync and CDN uploads.
 */
export class OutputWriter {
  readonly shadow: string;
  private readonly old: string;
  private readonly lockFile: string;
  /** Lists the folders a commit moves out of the live output until the swap is done (write/graft.ts). */
  private readonly journal: string;
  /** Manifests of both trees; without a state folder (`--no-cache`) every build starts from the files on disk. */
  private readonly liveStateFile: string | undefined;
  private readonly shadowStateFile: string | undefined;
  private live: TreeState | undefined;
  private shadowFiles: Map<string, string>;
  /** Stamps (size, modification time) of the shadow's files and of the files written now: see write/manifest.ts. */
  private readonly shadowStamps: Map<string, string>;
  private readonly stamps = new Map<string, string>();
  private shadowTouched = false;
  private readonly target = new Map<string, string>();
  private readonly pendingLinks = new Set<string>();
  /** Files written by this build: written again (an article page finished later) in place, as no live file links to them. */
  private readonly writtenNow = new Set<string>();
  /** Makes the files: on a thread of their own in a large build (write/file-queue.ts). */
  private readonly files: FileQueue;
  private readonly stats: WriteStats = { written: 0, linked: 0, removed: 0, files: 0, swapped: false };
  private closed = false;

  private constructor(readonly out: string, stateDir: string | undefined, options: WriterOptions) {
    const parent = path.dirname(out);
    const name = path.basename(out);
    this.shadow = path.join(parent, `.${name}.stadtbote-shadow`);
    this.old = path.join(parent, `.${name}.stadtbote-old`);
    this.lockFile = path.join(parent, `.${name}.stadtbote-lock`);
    this.journal = path.join(parent, `.${name}.stadtbote-moved.json`);
    this.liveStateFile = stateDir ? liveManifestFile(stateDir) : undefined;
    this.shadowStateFile = stateDir ? path.join(stateDir, 'shadow-output.json') : undefined;
    if (stateDir) mkdirSync(stateDir, { recursive: true });
    this.recover();
    // The live output may be a copy brought back by a CI cache: its manifest holds if the files do.
    this.live = existsSync(out) ? readState(this.liveStateFile, out, true, options.copyVerdict) : { ino: -1, files: new Map(), stamps: new Map() };
    const shadowState = readState(this.shadowStateFile, this.shadow);
    this.shadowFiles = shadowState?.files ?? new Map();
    this.shadowStamps = shadowState?.stamps ?? new Map();
    if (!shadowState) rmSync(this.shadow, { recursive: true, force: true });
    this.files = new FileQueue(this.shadow, (rel, made) => this.made(rel, made), options.fileThreadFrom, options.checks, options.scansOnThread);
  }

  /** A file is made: its stamp, and the older generation's files that had to make room for it are gone from the shadow. */
  private made(rel: string, made: MadeFile): void {
    this.stamps.set(rel, made.stamp);
    this.forgetRemoved(made.removed);
  }

  private forgetRemoved(removed: readonly string[]): void {
    for (const gone of removed) {
      this.shadowFiles.delete(gone);
      const prefix = `${gone}/`;
      for (const rel of [...this.shadowFiles.keys()]) if (rel.startsWith(prefix)) this.shadowFiles.delete(rel);
    }
  }

  /** Opens the writer for an output folder; only one build may write to it at a time. */
  static open(out: string, stateDir: string | undefined, options: WriterOptions = {}): OutputWriter {
    mkdirSync(path.dirname(out), { recursive: true });
    const lock = path.join(path.dirname(out), `.${path.basename(out)}.stadtbote-lock`);
    acquireLock(lock);
    try {
      return new OutputWriter(out, stateDir, options);
    } catch (err) {
      rmSync(lock, { force: true });
      throw err;
    }
  }

  /** A build killed between the two renames of a swap left no live folder: put the complete one back. */
  private recover(): void {
    if (!existsSync(this.out) && existsSync(this.old)) renameSync(this.old, this.out);
    // Killed during a commit that had moved folders out of the live output: they go back.
    rollBack(this.journal, this.out, this.shadow);
    if (existsSync(this.old)) rmSync(this.old, { recursive: true, force: true });
  }

  /** Hashes of live files read from disk when there is no manifest, so each is read once. */
  private readonly liveRead = new Map<string, string | undefined>();

  private liveHash(rel: string): string | undefined {
    if (this.live) return this.live.files.get(rel);
    if (this.liveRead.has(rel)) return this.liveRead.get(rel);
    let hash: string | undefined;
    try {
      hash = hashOf(readFileSync(path.join(this.out, rel)));
    } catch {
      hash = undefined;
    }
    this.liveRead.set(rel, hash);
    return hash;
  }

  private markShadowDirty(): void {
    if (this.shadowTouched) return;
    this.shadowTouched = true;
    if (this.shadowStateFile) rmSync(this.shadowStateFile, { force: true });
    mkdirSync(this.shadow, { recursive: true });
  }

  private claim(rel: string, hash: string): void {
    if (this.closed) throw new Error('output writer is closed');
    if (rel.startsWith('/') || rel.split('/').some((s) => s === '..' || s === '.' || s === '')) {
      throw new Error(`refusing to write outside the output folder: ${rel}`);
    }
    this.target.set(rel, hash);
  }

  /**
   * Puts a file into the new output. `hash` is the content's `hashOf`, when the caller has it already.
   * The decision (keep, link, write) is made here; the file is made by the file queue, on a thread of
   * its own in a large build (write/file-queue.ts), in the order put. `checked`: the writer's checks
   * scan it, also when its bytes are the output's already.
   */
  put(rel: string, content: string | Uint8Array, hash: string = hashOf(content), checked = false): void {
    this.claim(rel, hash);
    const inShadow = this.shadowFiles.get(rel) === hash;
    if (inShadow || this.liveHash(rel) === hash) {
      if (!inShadow) this.pendingLinks.add(rel);
      if (checked) this.files.scan(rel, content);
      return;
    }
    this.markShadowDirty();
    // The shadow holds exactly the files of its manifest: only a listed file has to go first. An
    // older generation's file may be a hard link to the live one: it goes first, never overwritten in place.
    const existing = this.shadowFiles.delete(rel);
    this.files.make({ rel, content, replace: existing && !this.writtenNow.has(rel) }, checked);
    if (this.writtenNow.has(rel)) this.stats.written--;
    this.writtenNow.add(rel);
    this.stats.written++;
    this.shadowFiles.set(rel, hash);
  }

  /** Waits until every file put so far is made and scanned: the checks have then been told all they found. */
  finishChecks(): void {
    this.files.drain();
  }

  /** Whether the new output can have these bytes at `rel` without them being produced again. */
  canKeep(rel: string, hash: string): boolean {
    return this.shadowFiles.get(rel) === hash || this.liveHash(rel) === hash;
  }

  /**
   * Keeps a file whose content is known by hash only (from the cache). Returns false when neither
   * the live nor the shadow output holds those bytes; the caller must then render it again.
   */
  keep(rel: string, hash: string): boolean {
    if (this.shadowFiles.get(rel) === hash) {
      this.claim(rel, hash);
      return true;
    }
    // Without a manifest (an output folder restored by CI, say) the file itself is compared.
    if (this.liveHash(rel) !== hash) return false;
    this.claim(rel, hash);
    this.pendingLinks.add(rel);
    return true;
  }

  /**
   * Files equal to the live output are carried into the shadow only once it is clear that the output
   * changes at all: a build that changes nothing touches no file. Folders whose every file is carried
   * over are moved whole (write/graft.ts), the other files are hard-linked. Returns the folders moved.
   */
  private carryOver(): string[] {
    if (this.pendingLinks.size === 0) return [];
    this.markShadowDirty();
    // Moving needs the live output's full list of files: without a manifest, every file is linked.
    const plan: GraftPlan =
      this.live && this.live.ino >= 0 ? planGraft(this.pendingLinks, this.live.files, this.shadowFiles.keys()) : { folders: [], files: [...this.pendingLinks], movedFiles: 0 };
    // Files of a folder that could not be moved (one of its name left empty in the shadow, say) are linked.
    const fallback: string[] = [];
    const moved: string[] = [];
    if (plan.folders.length > 0) writeJournal(this.journal, plan.folders);
    for (const dir of plan.folders) {
      const dest = path.join(this.shadow, dir);
      this.forgetRemoved(this.files.ensureDir(path.dirname(dest)));
      try {
        renameSync(path.join(this.out, dir), dest);
        moved.push(dir);
      } catch {
        appendAll(fallback, [...this.pendingLinks].filter((rel) => rel.startsWith(`${dir}/`)));
      }
    }
    // Synchronous on purpose: nothing else runs while the build commits, and a link costs a few
    // microseconds where a round trip through the thread pool costs tens (12,000 links: 0.3 s, not 0.9 s).
    for (const rel of [...plan.files, ...fallback]) {
      const existing = this.shadowFiles.delete(rel);
      this.shadowStamps.delete(rel);
      this.forgetRemoved(this.files.link(path.join(this.out, rel), rel, existing));
      this.stats.linked++;
      this.shadowFiles.set(rel, this.target.get(rel)!);
    }
    this.stats.linked += plan.movedFiles - fallback.length;
    this.pendingLinks.clear();
    return moved;
  }

  /** Makes every file put so far and the later ones in this thread (write/file-queue.ts `stopThread`). */
  stopFileThread(): void {
    this.files.stopThread();
  }

  /** The bytes of a file of the new output, wherever they are now: the shadow, or the live folder when unchanged. */
  read(rel: string): Buffer {
    return readFileSync(this.fileOf(rel));
  }

  /** Where a file of the new output is until the commit, written: the shadow, or the live folder when unchanged. */
  fileOf(rel: string): string {
    const hash = this.target.get(rel);
    if (hash === undefined) throw new Error(`${rel} is not part of the new output`);
    this.files.waitFor(rel);
    return path.join(this.shadowFiles.get(rel) === hash ? this.shadow : this.out, rel);
  }

  has(rel: string): boolean {
    return this.target.has(rel);
  }

  /** Content hash of a file of the new output (written or kept), undefined when it is not part of it. */
  hashOf(rel: string): string | undefined {
    return this.target.get(rel);
  }

  /** Every file of the new output so far, with its content hash (for steps that derive files from others). */
  entries(): [string, string][] {
    return [...this.target];
  }

  /**
   * Each file's stamp in the output just swapped in: written now, else kept from the shadow, else
   * carried over from the live output (the same inode); read from the file where no manifest had it
   * (the first build after a manifest without stamps, or without a manifest).
   */
  private targetStamps(): Map<string, string> {
    const stamps = new Map<string, string>();
    for (const rel of this.target.keys()) {
      const stamp = this.stamps.get(rel) ?? this.shadowStamps.get(rel) ?? this.live?.stamps.get(rel) ?? stampOf(statSync(path.join(this.out, rel)));
      stamps.set(rel, stamp);
    }
    return stamps;
  }

  /** Files of an older generation in the shadow that the new output does not have go, with folders left empty. */
  private removeStale(): void {
    const stale = [...this.shadowFiles.keys()].filter((rel) => !this.target.has(rel));
    if (stale.length > 0) this.markShadowDirty();
    const parents = new Set<string>();
    for (const rel of stale) {
      rmSync(path.join(this.shadow, rel), { force: true });
      this.shadowFiles.delete(rel);
      for (let d = path.posix.dirname(rel); d !== '.'; d = path.posix.dirname(d)) parents.add(d);
    }
    for (const dir of [...parents].sort((a, b) => b.length - a.length)) {
      try {
        rmdirSync(path.join(this.shadow, dir));
      } catch {
        /* not empty */
      }
    }
  }

  /** Whether the new output is exactly the live one, so there is nothing to swap. */
  private sameAsLive(): boolean {
    if (!existsSync(this.out)) return false;
    if (this.live) return this.live.files.size === this.target.size && [...this.target].every(([rel, h]) => this.live!.files.get(rel) === h);
    // Without a manifest, the live folder was compared file by file (liveHash) for everything put;
    // extra files in it would still have to go, so only a manifest can prove equality.
    return false;
  }

  /**
   * Finishes the new output and swaps it in. Every `put` has already written its file (writes are
   * synchronous); here the files kept unchanged from the live output are hard-linked into the shadow,
   * files no longer produced are removed from it, and the two folders trade places. A build that
   * changed nothing swaps nothing.
   */
  commit(): WriteStats {
    // Every file put is made before anything is linked, removed or swapped.
    this.files.drain();
    this.stats.files = this.target.size;
    if (this.live) this.stats.removed = [...this.live.files.keys()].filter((rel) => !this.target.has(rel)).length;
    if (!this.shadowTouched && this.sameAsLive()) {
      // A copy found equal to its manifest (CI's restore, a manifest of an older version) is this folder from now on: the next build checks nothing.
      if (this.live?.copy) writeState(this.liveStateFile, this.out, this.live.files, this.live.stamps);
      this.closed = true;
      this.release();
      return this.stats;
    }
    this.closed = true;
    this.removeStale();
    this.markShadowDirty();
    // From here until the new state is written, neither manifest may be trusted: carrying over may move folders out of the live output.
    if (this.liveStateFile) rmSync(this.liveStateFile, { force: true });
    const moved = this.carryOver();
    const hadLive = existsSync(this.out);
    if (hadLive) renameSync(this.out, this.old);
    renameSync(this.shadow, this.out);
    if (hadLive) renameSync(this.old, this.shadow);
    this.stats.swapped = true;
    writeState(this.liveStateFile, this.out, this.target, this.targetStamps());
    // The previous output is the next shadow, without the folders that moved into the new one.
    if (hadLive && this.live && this.live.ino >= 0) writeState(this.shadowStateFile, this.shadow, withoutFolders(this.live.files, moved), this.live.stamps);
    removeJournal(this.journal);
    this.release();
    return this.stats;
  }

  /**
   * Leaves the live output untouched. A shadow this build has written to is removed: its manifest
   * is gone, so the next build could not reuse it anyway, and on a full disk it is what fills it.
   */
  abort(): void {
    this.closed = true;
    this.files.close();
    if (this.shadowTouched) rmSync(this.shadow, { recursive: true, force: true });
    this.release();
  }

  private release(): void {
    this.files.close();
    rmSync(this.lockFile, { force: true });
  }
}
