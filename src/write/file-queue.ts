import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startThread } from '../util/threads.js';
import { FileMaker, type FileToMake, type MadeFile } from './file-maker.js';

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

export type FileBatch = readonly FileToMake[];

/** The outcomes of one batch, numbered in the order the batches were sent. */
export interface BatchOutcome {
  readonly batch: number;
  readonly outcomes: readonly FileOutcome[];
}

export type FileOutcome =
  | { readonly rel: string; readonly stamp: string; readonly removed: readonly string[] }
  | { readonly rel: string; readonly error: { readonly message: string; readonly code?: string; readonly syscall?: string; readonly path?: string } };

/** What the file thread is started with. */
export interface FileThreadData {
  readonly root: string;
  /** Two Int32s: batches the thread has finished, and 1 once the thread has loaded and listens. */
  readonly done: SharedArrayBuffer;
  readonly results: MessagePort;
}

/**
 * Makes the output writer's files — in this thread for a small build, on a thread of their own for
 * a large one. Why a thread: a template edit rewrites every page, and creating 12,853 files in 11,000
 * new folders is some 5 s of system calls (mkdir, unlink, open, write, close), all of it on the main
 * thread, which was the bottleneck while the render threads idled. Which file to write stays the
 * writer's decision in the main thread; only the system calls move. Files are made in the order
 * given (a file written again later is overwritten in order). `drain` waits until all are made —
 * synchronously, with `Atomics.wait`, so the writer keeps its synchronous interface — and reports
 * each file's stamp; the first failure is thrown there as the file-system error it was.
 */
export class FileQueue {
  private readonly maker: FileMaker;
  private thread: Worker | undefined;
  private results: MessagePort | undefined;
  private done: Int32Array | undefined;
  private sent = 0;
  private made = 0;
  private batch: FileToMake[] = [];
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
  ) {
    this.maker = new FileMaker(root);
  }

  /** Makes a file now, or queues it for the thread. */
  make(file: FileToMake): void {
    if (!this.thread && (this.stopped || this.made < this.threadFrom)) {
      this.made++;
      this.onMade(file.rel, this.maker.make(file));
      return;
    }
    this.batch.push(file);
    this.pending.set(file.rel, this.sent);
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
    const data: FileThreadData = { root: this.root, done, results: channel.port2 };
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
        if (this.pending.get(outcome.rel) === batch) this.pending.delete(outcome.rel);
        if ('error' in outcome) this.failure ??= Object.assign(new Error(outcome.error.message), outcome.error);
        else this.onMade(outcome.rel, outcome);
      }
    }
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure;
  }
}
