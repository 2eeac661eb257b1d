import { parentPort, workerData } from 'node:worker_threads';
import { FileMaker, type FileToMake } from './file-maker.js';
import type { BatchOutcome, FileBatch, FileOutcome, FileThreadData, ScanJob, ScanOutcome } from './file-queue.js';
import { loadScanners, runScans, type FileScanner } from './file-scans.js';

/**
 * The output writer's file thread (write/file-queue.ts says why): makes the files of each batch in
 * order, scans those its checks want, answers with one outcome per file on the results port, then
 * counts the batch as done in the shared counter the writer waits on. Nothing here throws: a
 * failure is an outcome.
 */
const { root, done, results, scans } = workerData as FileThreadData;
const maker = new FileMaker(root);
const counter = new Int32Array(done);
let batchNumber = 0;

function errorOutcome(rel: string, err: unknown): FileOutcome {
  const e = err as NodeJS.ErrnoException;
  return { rel, error: { message: e.message, ...(e.code ? { code: e.code } : {}), ...(e.syscall ? { syscall: e.syscall } : {}), ...(e.path ? { path: e.path } : {}) } };
}

function makeBatch(batch: FileBatch, scanners: readonly FileScanner[]): void {
  const outcomes: FileOutcome[] = [];
  for (const file of batch) {
    try {
      if (file.scanOnly) {
        outcomes.push({ rel: file.rel, scanned: scanOutcome(file.scan, file, scanners) });
        continue;
      }
      const scanned = file.scan ? scanOutcome(file.scan, file, scanners) : undefined;
      const made = maker.make(file);
      outcomes.push({ rel: file.rel, stamp: made.stamp, removed: made.removed, ...(scanned ? { scanned } : {}) });
    } catch (err) {
      outcomes.push(errorOutcome(file.rel, err));
    }
  }
  answer(outcomes);
}

function scanOutcome(job: ScanJob, file: FileToMake, scanners: readonly FileScanner[]): ScanOutcome {
  const found = runScans(scanners, job.checks, file.rel, file.content);
  return { seq: job.seq, ...(found ? { found } : {}) };
}

function answer(outcomes: FileOutcome[]): void {
  // The outcomes are on the port before the count says so: the writer reads them right after its wait.
  results.postMessage({ batch: batchNumber++, outcomes } satisfies BatchOutcome);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

// The checks' modules load asynchronously: batches wait behind them, in the order they came. A
// check that cannot be loaded fails every file (the writer throws the first failure).
let ready: Promise<readonly FileScanner[] | Error> = loadScanners(scans).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
parentPort!.on('message', (batch: FileBatch) => {
  ready = ready.then((scanners) => {
    if (scanners instanceof Error) answer(batch.map((file) => errorOutcome(file.rel, scanners)));
    else makeBatch(batch, scanners);
    return scanners;
  });
});
// Loaded and listening: the writer tells a thread that never started from a slow one.
Atomics.store(counter, 1, 1);
