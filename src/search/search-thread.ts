import type { Worker } from 'node:worker_threads';
import { startThread } from '../util/threads.js';
import type { SearchPage } from './bundle.js';

/** The pages of one part, in article order. */
export interface IndexJob {
  readonly language: string;
  readonly pages: readonly SearchPage[];
  /** Whether the part ends in the record older than every article (a split index, search/bundle.ts). */
  readonly lastPlace: boolean;
}

/**
 * What the thread is asked: to begin a part's index from its last pages (`guess`), to build a
 * bundle (`index`, from a guess where one fits), to drop a guess no part needs, to end (`close`).
 */
export type SearchThreadRequest =
  | ({ readonly type: 'guess'; readonly id: number } & IndexJob)
  | ({ readonly type: 'index'; readonly id: number; readonly guess: number | undefined } & IndexJob)
  | { readonly type: 'drop'; readonly guess: number }
  | { readonly type: 'close' };

/** One file of a bundle, its path relative to the bundle's folder. */
export interface BundleFile {
  readonly path: string;
  readonly content: Uint8Array;
}

/** A built bundle, and whether it was made from a guess (the changed pages added to an index of the last ones). */
export interface BuiltBundle {
  readonly files: BundleFile[];
  readonly guessed: boolean;
}

export type IndexAnswer = ({ readonly id: number } & BuiltBundle) | { readonly id: number; readonly error: string };

/** How long a closing thread may take to stop Pagefind's process before it is ended all the same. */
const CLOSE_MS = 10_000;

/**
 * Pagefind run from a thread of its own. Pagefind indexes in a process of its own, but is fed page by
 * page through this process's event loop: run from the build's thread, it waited whenever that
 * thread rendered or wrote. From here it works while the build goes on (list pages, feeds, site
 * files), and the build takes the bundles where it took them before (search/pagefind.ts), so
 * claims and writes keep their order. Bundles are built one after the other, in the order asked.
 */
export class SearchThread {
  private readonly pending = new Map<number, { resolve: (bundle: BuiltBundle) => void; reject: (err: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;

  private constructor(private readonly thread: Worker) {
    thread.on('message', (answer: IndexAnswer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if ('error' in answer) waiting.reject(new Error(answer.error));
      else waiting.resolve(answer);
      // Held again while closing (`close`), until it has ended Pagefind's process.
      if (this.pending.size === 0 && !this.closing) thread.unref();
    });
    // A thread that fails (out of memory, a broken install) fails every bundle it still owes.
    const fail = (err: Error): void => {
      this.failure ??= err;
      for (const waiting of this.pending.values()) waiting.reject(err);
      this.pending.clear();
    };
    thread.on('error', fail);
    thread.on('exit', (code) => fail(new Error(`Pagefind's thread ended (exit code ${code}) before the search index was built`)));
  }

  static start(): SearchThread {
    return new SearchThread(startThread(import.meta.url, './index-thread', {}));
  }

  /**
   * Begins an index from a part's last pages (the live output) while the new ones are made; `index`
   * with the guess's number then adds only the pages whose views changed. Answers nothing.
   */
  guess(job: IndexJob): number {
    const id = this.nextId++;
    this.post({ type: 'guess', id, ...job });
    return id;
  }

  /** Drops a guess that no part needs (the part is kept, or gone). */
  drop(guess: number): void {
    this.post({ type: 'drop', guess });
  }

  /** Builds the bundle of these pages, from the guess where it was made of the same articles; the answer comes when what was asked before it is done. */
  index(job: IndexJob, guess?: number): Promise<BuiltBundle> {
    const id = this.nextId++;
    const answer = this.failure ? Promise.reject(this.failure) : new Promise<BuiltBundle>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    // Marked as handled: a bundle asked early that the build never takes (it failed before) ends no process.
    answer.catch(() => undefined);
    if (this.failure) return answer;
    // Held while it owes a bundle: a build waiting for nothing else would otherwise let the process end.
    this.thread.ref();
    this.post({ type: 'index', id, guess, ...job });
    return answer;
  }

  private post(request: SearchThreadRequest): void {
    if (this.failure || (this.closing && request.type !== 'close')) return;
    this.thread.postMessage(request);
  }

  /**
   * Ends the thread (when every bundle is taken, or the build failed): it stops Pagefind's process
   * and waits for its end before it ends itself, held until then (a few milliseconds), so that no
   * process is left behind unreaped. One that does not end in time is ended all the same; a
   * Pagefind process it started and had not seen end then stays unreaped (a zombie) until this
   * process ends, as after a thread that crashed: only the thread that started it can reap it.
   */
  close(): void {
    if (this.closing || this.failure) return;
    this.closing = true;
    this.thread.ref();
    this.post({ type: 'close' });
    const timer = setTimeout(() => void this.thread.terminate(), CLOSE_MS);
    timer.unref();
    this.thread.once('exit', () => clearTimeout(timer));
  }
}
