import path from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { startThread } from '../util/threads.js';
import { currentStamp, readKnown } from './file-stamp.js';

/**
 * What the thread does for each source: take its stamp (a build from the cache on the same
 * folder), or read it and hash its bytes (CI: a checkout gave every file new times, so only the
 * bytes can tell an unchanged source).
 */
export type SurveyMode = 'stamps' | 'hashes';

/** What the thread is given: the content folder, the sources in order, where to answer and how far this thread got. */
export interface StampThreadData {
  readonly dir: string;
  readonly sources: readonly string[];
  readonly mode: SurveyMode;
  readonly answers: MessagePort;
  /** One Int32: how many sources from the front this thread has taken itself; the thread stops there. */
  readonly taken: SharedArrayBuffer;
}

/** What the thread sends at a time, from the back of the list: stamps, and in `hashes` mode the bytes' hashes. */
export interface StampAnswer {
  readonly from: number;
  readonly stamps: readonly (string | undefined)[];
  readonly hashes?: readonly (string | undefined)[];
}

/** A source the thread read: its stamp taken before the read, and its bytes' hash. */
export interface KnownSource {
  readonly stamp: string | undefined;
  readonly hash: string;
}

/** From this many sources a thread helps; below, it costs more than the stamps (1,000 files: some 7 ms). */
export const STAMP_THREAD_FROM = 1000;
export const STAMP_CHUNK = 256;
/**
 * How many sources this thread hashes between two looks at what it waits for (`hashWhile`): some
 * 2–4 ms of reading on tmpfs, so that an answer waits little for the next look.
 */
const AHEAD_CHUNK = 64;

/** A source's stamp now (content/file-stamp.ts), by its path relative to the content folder. */
export type StampOf = (rel: string) => string | undefined;

const NOT_YET = Symbol('not yet');

/**
 * The stamps of a build's sources (content/file-stamp.ts), taken from both ends: the cache stage asks
 * for them front to back, a thread started before the cache loads takes them back to front. A warm
 * build of 10,000 articles finds them all taken (opening and stamping 10,000 files: 70–110 ms, about
 * as long as loading the cache); where the thread is slow the two meet in the middle and nothing
 * waits. A stamp taken on the thread is one taken a little earlier: a file saved after it is seen by
 * the next build, as one saved after a read would be. In `hashes` mode (CI) the thread reads and
 * hashes the files instead, from the back, while the cache stage reads them from the front: a source
 * whose bytes the cache knows is taken without being read twice.
 */
export class SourceStamps {
  private readonly index: Map<string, number>;
  private readonly stamps: (string | undefined | typeof NOT_YET)[];
  private readonly hashes: (string | undefined)[] = [];
  private mode: SurveyMode = 'stamps';
  private answers: MessagePort | undefined;
  private taken: Int32Array | undefined;
  private ended: Promise<void> = Promise.resolve();
  /** Sources from the front that this thread hashed while it waited (`hashWhile`): the thread stops there. */
  private hashedAhead = 0;
  /** Sources the thread answered for (taken or not): for the timing report. */
  private answered = 0;
  /** Stamps taken in this thread (the rest came from the thread): for the timing report. */
  takenHere = 0;

  /** Sources hashed in this thread while the build waited (`hashWhile`): for the timing report. */
  get hashedWhileWaiting(): number {
    return this.hashedAhead;
  }

  /** Sources the thread has answered for so far: for the timing report. */
  get answeredOnThread(): number {
    return this.answered;
  }

  private constructor(
    private readonly dir: string,
    private readonly sources: readonly string[],
  ) {
    this.index = new Map(sources.map((rel, i) => [rel, i]));
    this.stamps = sources.map(() => NOT_YET);
  }

  /** Starts on the sources: stamps on a thread for a large site where `helped`, else each taken when asked. */
  static take(dir: string, sources: readonly string[], helped = true): SourceStamps {
    const stamps = new SourceStamps(dir, sources);
    if (helped) stamps.startThread('stamps');
    return stamps;
  }

  /**
   * From now on the thread reads and hashes the sources (CI: a checkout gave every source new times,
   * so no stamp would match) and none is stamped here: each is read, and its read stamps it. Only
   * for a large site whose stamps no thread is taking yet.
   */
  startHashing(): void {
    if (!this.answers) this.startThread('hashes');
  }

  /**
   * CI, while the build waits for `pending` (the check of the restored output, which the writer needs
   * before this thread can go on): this thread reads and hashes sources from the front meanwhile, as
   * the thread of `startHashing` would, instead of idling (10,000 articles: the check takes 0.55–0.6
   * s beside the cache's load, which leaves 0.2–0.3 s of waiting). Only where the thread will hash
   * too (a large site); the thread then stops where this one got to.
   */
  async hashWhile<T>(pending: Promise<T>): Promise<T> {
    if (this.answers || this.sources.length < STAMP_THREAD_FROM) return pending;
    let settled = false;
    const done = pending.finally(() => {
      settled = true;
    });
    // From now on a source is known by its hash (`knownOf`), not by a stamp taken here.
    this.mode = 'hashes';
    while (!settled && this.hashedAhead < this.sources.length) {
      const end = Math.min(this.hashedAhead + AHEAD_CHUNK, this.sources.length);
      for (let i = this.hashedAhead; i < end; i++) {
        const [stamp, hash] = readKnown(path.join(this.dir, this.sources[i]!));
        this.stamps[i] = stamp;
        if (hash !== undefined) this.hashes[i] = hash;
      }
      this.hashedAhead = end;
      // One turn of the event loop: the answer, when it came, settles `pending`.
      await turn();
    }
    return done;
  }

  private startThread(mode: SurveyMode): void {
    if (this.sources.length < STAMP_THREAD_FROM) return;
    const channel = new MessageChannel();
    const taken = new SharedArrayBuffer(4);
    // The thread stops where this one got to (`hashWhile`).
    Atomics.store(new Int32Array(taken), 0, this.hashedAhead);
    try {
      const data: StampThreadData = { dir: this.dir, sources: this.sources, mode, answers: channel.port2, taken };
      const thread = startThread(import.meta.url, './stamp-thread', { workerData: data, transferList: [channel.port2] });
      // A thread that fails (out of memory, a broken install) leaves its sources to this one, which takes what is not answered.
      thread.on('error', () => undefined);
      this.ended = new Promise((resolve) => thread.once('exit', () => resolve()));
      this.mode = mode;
      this.answers = channel.port1;
      this.taken = new Int32Array(taken);
    } catch {
      channel.port1.close();
    }
  }

  /**
   * The stamp of a source: the thread's when it has answered for it, else taken now. In `hashes`
   * mode none is taken here (the source is read, its read stamps it): the thread stops here.
   */
  readonly stampOf: StampOf = (rel) => {
    const i = this.index.get(rel);
    if (i === undefined) {
      this.takenHere++;
      return currentStamp(path.join(this.dir, rel));
    }
    if (this.stamps[i] === NOT_YET) this.takeAnswers();
    const known = this.stamps[i];
    if (known !== NOT_YET) return known;
    this.reached(i);
    if (this.mode === 'hashes') return undefined;
    const stamp = currentStamp(path.join(this.dir, rel));
    this.stamps[i] = stamp;
    this.takenHere++;
    return stamp;
  };

  /** A source the thread has read (`hashes` mode), if it got there: its bytes' hash and stamp. */
  readonly knownOf = (rel: string): KnownSource | undefined => {
    const i = this.index.get(rel);
    if (i === undefined || this.mode !== 'hashes') return undefined;
    if (this.stamps[i] === NOT_YET) this.takeAnswers();
    const stamp = this.stamps[i];
    if (stamp === NOT_YET) {
      this.reached(i);
      return undefined;
    }
    const hash = this.hashes[i];
    return hash === undefined ? undefined : { stamp, hash };
  };

  /** This thread takes source `i` itself: the thread stops there. */
  private reached(i: number): void {
    if (this.taken) Atomics.store(this.taken, 0, Math.max(Atomics.load(this.taken, 0), i + 1));
  }

  private takeAnswers(): void {
    if (!this.answers) return;
    for (let message = receiveMessageOnPort(this.answers); message; message = receiveMessageOnPort(this.answers)) {
      const { from, stamps, hashes } = message.message as StampAnswer;
      this.answered += stamps.length;
      stamps.forEach((stamp, k) => {
        if (this.stamps[from + k] !== NOT_YET) return;
        this.stamps[from + k] = stamp;
        if (hashes) this.hashes[from + k] = hashes[k];
      });
    }
  }

  /** Resolves once the thread has ended (at once without one): for a caller with nothing else to do meanwhile. */
  finished(): Promise<void> {
    return this.ended;
  }

  /**
   * Takes what the thread has sent and lets it go: it stops at its next chunk. Called once the cache
   * stage is done; the stamps stay (a template edit asks for them when it renders).
   */
  close(): void {
    this.takeAnswers();
    if (this.taken) Atomics.store(this.taken, 0, this.stamps.length);
    this.answers?.close();
    this.answers = undefined;
  }
}
