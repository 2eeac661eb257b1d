import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startThread } from '../util/threads.js';
import { scanFile, type ScanBatch, type ScanFile, type ScanFinding, type ScanReply, type ScanThreadData } from './scan-file.js';

/** Files scanned in this thread before the scan thread is started: a small build never starts it. */
const SCAN_THREAD_FROM = 300;
/** Files per message to the thread, and the characters at which a batch goes out early. */
const BATCH_FILES = 32;
const BATCH_CHARS = 512 * 1024;
/** Batches the thread may be behind; beyond, files are scanned here (nothing waits, memory stays bounded). */
const MAX_IN_FLIGHT = 8;
/**
 * The thread's old generation. A batch arrives as one message of more than 100 KB, which V8 puts
 * straight into the old generation, so every page scanned becomes old-generation garbage; a small
 * limit makes V8 collect it often (as for the file thread, write/file-queue.ts). Live data is a few batches.
 */
const THREAD_OLD_GENERATION_MB = 32;

/**
 * Scans the pages a build writes for external resources — in this thread for a small build, on a
 * thread of its own for a large one. Why a thread: the main thread takes every page from the
 * renderer, hashes and writes it; the scan was the largest part of that after rendering (a 10,000
 * article template edit: 0.6 s of 5.3), and the second core had room. Findings are numbered in
 * the order files came, so the check's report is the same whichever thread scanned what.
 */
export class ScanQueue {
  private thread: Worker | undefined;
  private results: MessagePort | undefined;
  /** Settles when the thread has ended, for whatever reason. */
  private ended: Promise<void> | undefined;
  /** Set when the thread has ended (a failure, `close`): no thread is sent to or started again; this thread scans. */
  private stopped = false;
  private seq = 0;
  private sent = 0;
  private batch: ScanFile[] = [];
  private batchChars = 0;
  /** Batches sent and not answered yet: scanned here should the thread fail. */
  private readonly pending = new Map<number, readonly ScanFile[]>();
  private readonly found: ScanFinding[] = [];

  constructor(
    private readonly siteHost: string,
    private readonly threadFrom = SCAN_THREAD_FROM,
    /**
     * Whether a core is free for the thread: not while render threads take them all, when it only
     * costs memory (100,000 articles, template edit on threads: peak 1,537–1,559 MiB with it, 1,523 without).
     */
    private readonly coreFree: () => boolean = () => true,
  ) {}

  /** Scans a file now, or queues it for the thread. */
  add(rel: string, text: string, css: boolean): void {
    const file: ScanFile = { seq: this.seq++, rel, text, css };
    if (this.stopped || (!this.thread && file.seq < this.threadFrom)) {
      this.scanHere([file]);
      return;
    }
    this.batch.push(file);
    this.batchChars += text.length;
    if (this.batch.length >= BATCH_FILES || this.batchChars >= BATCH_CHARS) this.send();
  }

  /** Every finding, in the order the files came; the thread is stopped. */
  async finish(): Promise<ScanFinding[]> {
    if (this.batch.length > 0) this.send();
    const { results, ended } = this;
    if (results && ended && !this.stopped) {
      // Until every batch is answered, or the thread has ended without (then its batches are scanned here).
      await new Promise<void>((resolve) => {
        void ended.then(resolve);
        results.on('message', (reply: ScanReply) => {
          this.accept(reply);
          if (this.pending.size === 0) resolve();
        });
        this.takeReplies();
        if (this.pending.size === 0) resolve();
      });
    }
    this.close();
    for (const files of this.pending.values()) this.scanHere(files);
    this.pending.clear();
    return this.found.sort((a, b) => a.seq - b.seq);
  }

  /** Stops the thread (the build is done or abandoned); files added later are scanned here. */
  close(): void {
    this.stopped = true;
    void this.thread?.terminate();
    this.results?.close();
    this.thread = undefined;
    this.results = undefined;
    this.ended = undefined;
  }

  private scanHere(files: readonly ScanFile[]): void {
    for (const file of files) {
      const finding = scanFile(file, this.siteHost);
      if (finding) this.found.push(finding);
    }
  }

  private send(): void {
    const files = this.batch;
    this.batch = [];
    this.batchChars = 0;
    this.takeReplies();
    // A thread that is behind or gone is not waited for, and none is started without a core of its own: this thread scans.
    if (this.stopped || this.pending.size >= MAX_IN_FLIGHT || (!this.thread && !this.coreFree())) {
      this.scanHere(files);
      return;
    }
    this.thread ??= this.start();
    const number = this.sent++;
    this.pending.set(number, files);
    this.thread.postMessage({ number, files } satisfies ScanBatch);
  }

  /** Takes the replies that have come in, without waiting: called as batches go out, so that `pending` stays short. */
  private takeReplies(): void {
    if (!this.results) return;
    for (let message = receiveMessageOnPort(this.results); message; message = receiveMessageOnPort(this.results)) this.accept(message.message as ScanReply);
  }

  private accept(reply: ScanReply): void {
    this.pending.delete(reply.number);
    this.found.push(...reply.found);
  }

  private start(): Worker {
    const channel = new MessageChannel();
    const data: ScanThreadData = { siteHost: this.siteHost, results: channel.port2 };
    // `finish` or `close` ends it (util/threads.ts says how it is started).
    const thread = startThread(import.meta.url, './scan-thread', { workerData: data, transferList: [channel.port2], resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: THREAD_OLD_GENERATION_MB } });
    this.ended = new Promise((resolve) =>
      thread.once('exit', () => {
        this.stopped = true;
        resolve();
      }),
    );
    // A failure ends the thread ('exit' follows); its batches are scanned here then.
    thread.on('error', () => undefined);
    this.results = channel.port1;
    return thread;
  }
}
