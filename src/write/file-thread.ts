import { parentPort, workerData } from 'node:worker_threads';
import { FileMaker } from './file-maker.js';
import type { BatchOutcome, FileBatch, FileOutcome, FileThreadData } from './file-queue.js';

/**
 * The output writer's file thread (write/file-queue.ts says why): makes the files of each batch in
 * order, answers with one outcome per file on the results port, then counts the batch as done in
 * the shared counter the writer waits on. Nothing here throws: a failure is an outcome.
 */
const { root, done, results } = workerData as FileThreadData;
const maker = new FileMaker(root);
const counter = new Int32Array(done);
let batchNumber = 0;

parentPort!.on('message', (batch: FileBatch) => {
  const outcomes: FileOutcome[] = [];
  for (const file of batch) {
    try {
      const made = maker.make(file);
      outcomes.push({ rel: file.rel, stamp: made.stamp, removed: made.removed });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      outcomes.push({ rel: file.rel, error: { message: e.message, ...(e.code ? { code: e.code } : {}), ...(e.syscall ? { syscall: e.syscall } : {}), ...(e.path ? { path: e.path } : {}) } });
    }
  }
  // The outcomes are on the port before the count says so: the writer reads them right after its wait.
  results.postMessage({ batch: batchNumber++, outcomes } satisfies BatchOutcome);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
});
// Loaded and listening: the writer tells a thread that never started from a slow one.
Atomics.store(counter, 1, 1);
