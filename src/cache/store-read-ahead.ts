import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { startThread } from '../util/threads.js';

/** What the read-ahead thread is given: the store's folder, the ports, and the counters it shares with the build's thread. */
export interface ReadAheadThreadData {
  readonly dir: string;
  /** Where the build's thread sends the keys it will ask for, in order (`WantedKeys`). */
  readonly wants: MessagePort;
  /** Where the thread answers with what it read (`ReadAnswer`). */
  readonly answers: MessagePort;
  /** Int32s: [SIGNAL] bumped on every want, advance and end; [TAKEN] keys the build's thread is past; [STOP] 1 once ended; [SLEEPING] 1 while the thread waits. */
  readonly control: SharedArrayBuffer;
}

export interface WantedKeys {
  readonly keys: readonly string[];
}

/** Texts of entries, in the order wanted; null where no entry could be read (a miss). */
export interface ReadAnswer {
  readonly keys: readonly string[];
  readonly texts: readonly (string | null)[];
}

export const SIGNAL = 0;
export const TAKEN = 1;
export const STOP = 2;
export const SLEEPING = 3;
/** Entries read per answer. */
export const READ_CHUNK = 32;
/** At most this many entries are read ahead of the build's thread: what is read and not yet taken stays small (some 1 MB). */
export const READ_WINDOW = 256;

/**
 * Reads Markdown store entries (cache/markdown-store.ts) ahead on a thread, in the order a build will
 * ask for them. A template edit renders every page from stored bodies in the build's own thread,
 * which is the busy one; its 10,000 reads of small files (0.4–0.5 s of that thread) move to the
 * other core, and what is left here is parsing. Nothing ever waits for the thread: an entry it has
 * not read yet is read here, as without it, and the thread skips what was taken past (the way
 * content/source-stamps.ts shares its sources). A thread that cannot start changes nothing.
 */
export class StoreReadAhead {
  private readonly read = new Map<string, string | null>();
  /** The position of every wanted key not yet taken, in want order. */
  private readonly positions = new Map<string, number>();
  private wanted = 0;
  private taken = 0;
  private servedCount = 0;

  private constructor(
    private readonly wants: MessagePort,
    private readonly answers: MessagePort,
    private readonly control: Int32Array,
  ) {}

  /** Starts a thread on the store's folder; undefined when it cannot be started (the store reads every entry itself). */
  static start(dir: string): StoreReadAhead | undefined {
    const wants = new MessageChannel();
    const answers = new MessageChannel();
    const control = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
    try {
      const data: ReadAheadThreadData = { dir, wants: wants.port2, answers: answers.port2, control };
      const thread = startThread(import.meta.url, './store-read-thread', { workerData: data, transferList: [wants.port2, answers.port2] });
      // A thread that fails leaves every entry to this one.
      thread.on('error', () => undefined);
      return new StoreReadAhead(wants.port1, answers.port1, new Int32Array(control));
    } catch {
      for (const port of [wants.port1, wants.port2, answers.port1, answers.port2]) port.close();
      return undefined;
    }
  }

  /** Keys that will be asked for next, in this order, after those wanted before. */
  want(keys: readonly string[]): void {
    if (keys.length === 0) return;
    for (const key of keys) this.positions.set(key, this.wanted++);
    this.wants.postMessage({ keys } satisfies WantedKeys);
    this.signal();
  }

  /**
   * The text the thread read for this key (null: it found no readable entry); undefined when the key
   * was not wanted or is not read yet, and then the caller reads it: the thread goes on past it.
   */
  take(key: string): string | null | undefined {
    const position = this.positions.get(key);
    if (position === undefined) return undefined;
    this.positions.delete(key);
    this.receive();
    const text = this.read.get(key);
    if (text !== undefined) this.servedCount++;
    this.read.delete(key);
    if (position + 1 > this.taken) {
      this.taken = position + 1;
      Atomics.store(this.control, TAKEN, this.taken);
      // The thread waits once it is a window ahead; woken when half a window is free again, and only
      // when it sleeps: a wake-up is a system call, and a signal for every chunk cost 66 ms of 10,000 pages.
      if (this.taken % (READ_WINDOW / 2) === 0 && Atomics.load(this.control, SLEEPING) === 1) this.signal();
    }
    return text;
  }

  /** Entries taken as the thread read them (the rest were read by the caller): for the timing report. */
  get served(): number {
    return this.servedCount;
  }

  /** Whether the thread has read this wanted key and it is not taken yet. */
  hasRead(key: string): boolean {
    this.receive();
    return this.read.has(key);
  }

  /** Ends the thread; what it read and was not taken is dropped. */
  end(): void {
    Atomics.store(this.control, STOP, 1);
    this.signal();
    this.wants.close();
    this.answers.close();
    this.read.clear();
    this.positions.clear();
  }

  private receive(): void {
    for (let message = receiveMessageOnPort(this.answers); message; message = receiveMessageOnPort(this.answers)) {
      const { keys, texts } = message.message as ReadAnswer;
      keys.forEach((key, i) => {
        // Taken here meanwhile: read twice, kept once.
        if (this.positions.has(key)) this.read.set(key, texts[i] ?? null);
      });
    }
  }

  private signal(): void {
    Atomics.add(this.control, SIGNAL, 1);
    Atomics.notify(this.control, SIGNAL);
  }
}
