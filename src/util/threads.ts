import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on a module next to the caller (`module` without extension), unref'd: it
 * never keeps the process alive. Never with the process's own flags: `node --input-type=module -e …`
 * (a build started from a script or a CI step) would make the thread's module fail to load. Under
 * the TypeScript test runner (the caller is a `.ts` file) the thread loads its source through tsx's
 * require hook, which works inside the thread alone: Node 20's module hooks (`--import tsx`, as the
 * render pool's threads use) are served by a thread that waits for the caller, and a caller may
 * wait in `Atomics.wait` (write/file-queue.ts does).
 */
export function startThread(callerUrl: string, module: string, options: Omit<WorkerOptions, 'eval' | 'execArgv'>): Worker {
  const own = { ...options, execArgv: [] };
  const thread = callerUrl.endsWith('.ts')
    ? new Worker(`require(${JSON.stringify(createRequire(callerUrl).resolve('tsx/cjs'))}); require(${JSON.stringify(fileURLToPath(new URL(`${module}.ts`, callerUrl)))});`, { ...own, eval: true })
    : new Worker(new URL(`${module}.js`, callerUrl), own);
  thread.unref();
  return thread;
}
