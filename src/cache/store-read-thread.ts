import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { entryFileOf, readEntryText } from './store-files.js';
import { READ_CHUNK, READ_WINDOW, SIGNAL, SLEEPING, STOP, TAKEN, type ReadAheadThreadData, type ReadAnswer, type WantedKeys } from './store-read-ahead.js';

/**
 * The thread of cache/store-read-ahead.ts: reads the wanted entries in order, a chunk at a time, at
 * most a window ahead of the build's thread, skipping what that thread has taken past. It sleeps
 * while there is nothing to read and ends when told.
 */
const { dir, wants, answers, control: buffer } = workerData as ReadAheadThreadData;
const control = new Int32Array(buffer);
const keys: string[] = [];
let next = 0;

/** Where the next read ends, with the build's thread at `taken`: a chunk, or what is left of the wanted keys; `next` when there is no room for either. */
function readEnd(taken: number): number {
  const from = Math.max(next, taken);
  const end = Math.min(keys.length, taken + READ_WINDOW, from + READ_CHUNK);
  return end - from === READ_CHUNK || (end === keys.length && end > from) ? end : next;
}

for (;;) {
  // Read before the checks: a want or an advance after them changes it, and the wait returns at once.
  const seen = Atomics.load(control, SIGNAL);
  if (Atomics.load(control, STOP) === 1) break;
  for (let message = receiveMessageOnPort(wants); message; message = receiveMessageOnPort(wants)) for (const key of (message.message as WantedKeys).keys) keys.push(key);
  const taken = Atomics.load(control, TAKEN);
  const end = readEnd(taken);
  if (end === next) {
    // Sleeping is said first, then the position read again: an advance that saw the thread awake (and
    // so did not signal) is seen here. A want or an end always signals, and the wait returns at once
    // for a signal after `seen`. The timeout only bounds a wake-up that never comes.
    Atomics.store(control, SLEEPING, 1);
    if (readEnd(Atomics.load(control, TAKEN)) === next) Atomics.wait(control, SIGNAL, seen, 1000);
    Atomics.store(control, SLEEPING, 0);
    continue;
  }
  next = Math.max(next, taken);
  const chunk = keys.slice(next, end);
  answers.postMessage({ keys: chunk, texts: chunk.map((key) => readEntryText(entryFileOf(dir, key)) ?? null) } satisfies ReadAnswer);
  next = end;
}
wants.close();
answers.close();
