import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { ThreadedFileCheck } from '../model/outputs.js';
import { startThread } from '../util/threads.js';
import { FileMaker, type FileToMake, type MadeFile } from './file-maker.js';
import { runScans, scanSpecs, type FileScanner, type Findings, type ScanSpec } from './file-scans.js';

/** Files made in this thread before the file thread is started: a small build never starts it. */
export const FILE_THREAD_FROM = 300;
/** Files per message to the thread, and the bytes at which a batch goes out early. */
const BATCH_FILES = 32;
const BATCH_BYTES = 512 * 1024;
/** Batches the thread may be behind before `make` waits: bounds the pages held in memory (~4 MB). */
const MAX_IN_FLIGHT = 8;
/**
 * The thread's old generation: a batch arrives as one message of more than 100 KB, which V8 puts
 * straight into the old generation (see render/transfer.ts), so every page it writes becomes
 * old-generation garbage there; a small limit makes V8 collect it often instead of letting the
 * thread grow while the build (and Pagefind's indexer) need the memory. Live data is a few batches.
 */
const THREAD_OLD_GENERATION_MB = 48;
/** A thread that has not finished a batch for this long has died (a crash, not a slow disk: a batch is 32 files). */
const STALL_MS = 120_000;
/** A thread that has not loaded in this long never will (its code could not be loaded). */
const START_MS = 20_000;

/** Which of the writer's checks scan a file (model/outputs.ts `ThreadedFileCheck`), and its number among the files scanned: findings are told in that order. */
export interface ScanJob {
  readonly checks: readonly number[];
  readonly seq: number;
}

/** A file to make, with the scan it gets on the thread; or, `scanOnly`, a file only scanned: the writer keeps the bytes the output has (a page rendered again the same). */
export type QueuedFile = FileToMake & ({ readonly scan?: ScanJob; readonly scanOnly?: false } | { readonly scan: ScanJob; readonly scanOnly: true });

export type FileBatch = readonly QueuedFile[];

/** The outcomes of one batch, numbered in the order the batches were sent. */
export interface BatchOutcome {
  readonly batch: number;
  readonly outcomes: readonly FileOutcome[];
}

/** What the thread's scans found in a file, with the file's number among those scanned. */
export interface ScanOutcome {
  readonly seq: number;
  readonly found?: Findings;
}

export type FileOutcome =
  | { readonly rel: string; readonly stamp: string; readonly removed: readonly string[]; readonly scanned?: ScanOutcome }
  | { readonly rel: string; readonly scanned: ScanOutcome }
  | { readonly rel: string; readonly error: { readonly message: string; readonly code?: string; readonly syscall?: string; readonly path?: string } };

/** What the file thread is started with. */
export interface FileThreadData {
  readonly root: string;
  /** Two Int32s: batches the thread has finished, and 1 once the thread has loaded and listens. */
  readonly done: SharedArrayBuffer;
  readonly results: MessagePort;
  /** The writer's checks, loaded by the thread (write/file-scans.ts). */
  readonly scans: readonly ScanSpec[];
}

/**
 * Makes the output writer's files — in this thread for a small build, on a thread of their own for
 * a large one. Why a thread: a template edit rewrites every page, and creating 12,853 files in 11,000
 * new folders is some 5 s of system calls (mkdir, unlink, open, write, close), all of it on the main
 * thread, which was the bottleneck while the render threads idled. Which file to write stays the
 * writer's decision in the main thread; only the system calls move. Files are made in the order
 * given (a file written again later is overwritten in order). `drain` waits until all are made —
 * synchronously, with `Atomics.wait`, so the writer keeps its synchronous interface — and reports
 * each file's stamp; the first failure is thrown there as the file-system error it was. The writer's
 * checks scan each file where it is made (model/outputs.ts `ThreadedFileCheck`): a page crosses to
 * the thread once, where a thread of the check's own cost a second copy of every page (10,000
 * articles, template edit: some 1.1 s of CPU with the scan, 0.2 s of it in the main thread).
 */
export class FileQueue {
  private readonly maker: FileMaker;
  /** The checks' scans, for the files scanned in this thread. */
  private readonly scanners: readonly FileScanner[];
  /** Files scanned so far are numbered; findings are told in that order, whichever thread scanned a file. */
  private scanned = 0;
  private told = 0;
  private readonly toldEarly = new Map<number, { readonly rel: string; readonly found: Findings | undefined }>();
  private thread: Worker | undefined;
  private results: MessagePort | undefined;
  private done: Int32Array | undefined;
  private sent = 0;
  private made = 0;
  private batch: QueuedFile[] = [];
  private batchBytes = 0;
  private failure: Error | undefined;
  /** Set by `stopThread`: files are made in this thread from then on. */
  private stopped = false;
  /** Files queued and not yet made, with the number of their batch (`sent` while in the batch being filled). */
  private readonly pending = new Map<string, number>();

  /** `onMade` gets each file's outcome, in order, from `make` (in this thread) or from `drain`/`make` (thread). */
  constructor(
    private readonly root: string,
    private readonly onMade: (rel: string, made: MadeFile) => void,
    private readonly threadFrom = FILE_THREAD_FROM,
    /** Checks that scan the files `make` and `scan` are given with `checked`, each told what it found in the order given. */
    private readonly checks: readonly ThreadedFileCheck[] = [],
    /**
     * Whether the thread has a core for the scans: not while render threads take every core (a cold
     * build), when the calling thread waits for them anyway and scans as they come (10,000 articles:
     * 0.5–1.3 s of CPU more with the scans on the file thread in three of four alternated pairs).
     */
    private readonly scansOnThread: () => boolean = () => true,
  ) {
    this.maker = new FileMaker(root);
    this.scanners = checks.map(({ scan, data }) => ({ scan, data }));
  }

  /** Makes a file now, or queues it for the thread; `checked`: the checks that want it scan it too. */
  make(file: FileToMake, checked = false): void {
    const scans = checked ? this.scansOf(file.rel) : undefined;
    const seq = scans ? this.scanned++ : -1;
    if (this.here()) {
      this.made++;
      this.onMade(file.rel, this.maker.make(file));
      if (scans) this.tell(seq, file.rel, runScans(this.scanners, scans, file.rel, file.content));
      return;
    }
    this.pending.set(file.rel, this.sent);
    if (scans && !this.scansOnThread()) {
      this.tell(seq, file.rel, runScans(this.scanners, scans, file.rel, file.content));
      this.queue(file);
    } else this.queue(scans ? { ...file, scan: { checks: scans, seq } } : file);
  }

  /** Scans a file that is not made (its bytes are kept from the last build), in the order of the files made. */
  scan(rel: string, content: string | Uint8Array): void {
    const scans = this.scansOf(rel);
    if (!scans) return;
    const seq = this.scanned++;
    if (this.here() || !this.scansOnThread()) this.tell(seq, rel, runScans(this.scanners, scans, rel, content));
    else this.queue({ rel, content, replace: false, scan: { checks: scans, seq }, scanOnly: true });
  }

  /** Whether files are made in this thread now: before the thread's turn, or after it was stopped. */
  private here(): boolean {
    return !this.thread && (this.stopped || this.made < this.threadFrom);
  }

  private scansOf(rel: string): number[] | undefined {
    const scans: number[] = [];
    for (let i = 0; i < this.checks.length; i++) if (this.checks[i]!.wants(rel)) scans.push(i);
    return scans.length > 0 ? scans : undefined;
  }

  /** Tells the checks what the scan of file number `seq` found, once every file before it has been told. */
  private tell(seq: number, rel: string, found: Findings | undefined): void {
    this.toldEarly.set(seq, { rel, found });
    for (let next = this.toldEarly.get(this.told); next; next = this.toldEarly.get(this.told)) {
      this.toldEarly.delete(this.told++);
      if (next.found) for (const [index, finding] of next.found) this.checks[index]!.found(next.rel, finding);
    }
  }

  private queue(file: QueuedFile): void {
    this.batch.push(file);
    this.batchBytes += typeof file.content === 'string' ? file.content.length : file.content.byteLength;
    if (this.batch.length >= BATCH_FILES || this.batchBytes >= BATCH_BYTES) this.send();
  }

  /** Waits until the file at `rel` is made, when it is queued: the writer reads it back. */
  waitFor(rel: string): void {
    const batch = this.pending.get(rel);
    if (batch === undefined) return;
    if (batch === this.sent) this.send();
    this.waitUntilBehindBy(this.sent - batch - 1);
    this.throwFailure();
  }

  /** Makes a folder of the shadow in this thread (the writer moves folders into it at commit, after `drain`); returns what had to go. */
  ensureDir(dir: string): string[] {
    const removed: string[] = [];
    this.maker.ensureDir(dir, removed);
    return removed;
  }

  /** Hard-links a live file in, in this thread (at commit, after `drain`); returns what had to go. */
  link(existing: string, rel: string, replace: boolean): string[] {
    return this.maker.link(existing, rel, replace);
  }

  /** Waits until every queued file is made; throws the first failure. */
  drain(): void {
    if (this.batch.length > 0) this.send();
    this.waitUntilBehindBy(0);
    this.throwFailure();
  }

  /**
   * Makes every queued file, stops the thread and makes later files in this thread: for the last
   * stage of a large build (the search index), where Pagefind's indexer needs the memory the
   * thread's heap and its batches hold. Throws the first failure, as `drain` does.
   */
  stopThread(): void {
    try {
      this.drain();
    } finally {
      this.stopped = true;
      void this.thread?.terminate();
      this.results?.close();
      this.thread = undefined;
      this.results = undefined;
      this.done = undefined;
    }
  }

  /** Stops the thread; files still queued are made first, their failures ignored (the build is being abandoned or is done). */
  close(): void {
    try {
      this.stopThread();
    } catch {
      /* reported by the caller's own error already */
    }
  }

  private start(): Worker {
    const done = new SharedArrayBuffer(8);
    const channel = new MessageChannel();
    const data: FileThreadData = { root: this.root, done, results: channel.port2, scans: scanSpecs(this.checks) };
    // The writer closes it at commit or abort (util/threads.ts says how it is started).
    const thread = startThread(import.meta.url, './file-thread', { workerData: data, transferList: [channel.port2], resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: THREAD_OLD_GENERATION_MB } });
    this.done = new Int32Array(done);
    this.results = channel.port1;
    return thread;
  }

  private send(): void {
    this.thread ??= this.start();
    this.thread.postMessage(this.batch);
    this.sent++;
    this.batch = [];
    this.batchBytes = 0;
    this.waitUntilBehindBy(MAX_IN_FLIGHT);
    this.throwFailure();
  }

  /** Takes the outcomes that have come in, then waits while the thread is more than `behind` batches behind. */
  private waitUntilBehindBy(behind: number): void {
    if (!this.done || !this.results) return;
    let finished = Atomics.load(this.done, 0);
    let since = performance.now();
    while (this.sent - finished > behind) {
      if (Atomics.wait(this.done, 0, finished, 1000) === 'timed-out') {
        const waited = performance.now() - since;
        if (Atomics.load(this.done, 1) === 0 && waited > START_MS) throw new Error(`the output's file thread did not start within ${START_MS / 1000} s`);
        if (waited > STALL_MS) throw new Error(`the output's file thread has not answered for ${STALL_MS / 1000} s`);
      }
      const now = Atomics.load(this.done, 0);
      if (now !== finished) since = performance.now();
      finished = now;
    }
    this.takeOutcomes();
  }

  private takeOutcomes(): void {
    for (let message = receiveMessageOnPort(this.results!); message; message = receiveMessageOnPort(this.results!)) {
      const { batch, outcomes } = message.message as BatchOutcome;
      for (const outcome of outcomes) {
        // Queued again in a later batch: still pending.
        if ('error' in outcome) {
          if (this.pending.get(outcome.rel) === batch) this.pending.delete(outcome.rel);
          this.failure ??= Object.assign(new Error(outcome.error.message), outcome.error);
          continue;
        }
        if ('stamp' in outcome) {
          if (this.pending.get(outcome.rel) === batch) this.pending.delete(outcome.rel);
          this.onMade(outcome.rel, outcome);
        }
        if (outcome.scanned) this.tell(outcome.scanned.seq, outcome.rel, outcome.scanned.found);
      }
    }
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure;
  }
}
