import os from 'node:os';
import { Piscina } from 'piscina';
import type { RenderContext } from './render.js';
import { Renderer } from './render.js';
import type { SourceFile, SourceResult } from './types.js';
import type { RenderTask } from './worker.js';

/** Below this many sources to render, starting worker threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 300;
const BATCH = 64;

/** Renders sources on all cores (or in this thread for small batches), streaming results. */
export async function renderSources(
  sources: readonly SourceFile[],
  context: RenderContext,
  contextKey: string,
  onResult: (result: SourceResult, source: SourceFile) => Promise<void> | void,
  local: () => Renderer,
  /** Worker threads to use: 0 renders in this thread; undefined picks one per core for large batches. */
  workers?: number,
): Promise<void> {
  const threads = workers ?? Math.max(1, Math.min(os.availableParallelism(), 8));
  if (threads === 0 || (workers === undefined && (sources.length < PARALLEL_THRESHOLD || threads === 1))) {
    const renderer = local();
    for (const s of sources) await onResult(renderer.renderSource(s), s);
    return;
  }
  const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
  const pool = new Piscina({
    filename: workerUrl.href,
    minThreads: threads,
    maxThreads: threads,
    // Under the TypeScript test runner the worker needs the same loader as the main thread.
    execArgv: import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : [],
    idleTimeout: 1000,
  });
  try {
    const jobs: Promise<void>[] = [];
    for (let i = 0; i < sources.length; i += BATCH) {
      const batch = sources.slice(i, i + BATCH);
      const task: RenderTask = { contextKey, context, sources: batch };
      jobs.push(
        (pool.run(task) as Promise<SourceResult[]>).then(async (results) => {
          for (let j = 0; j < results.length; j++) await onResult(results[j]!, batch[j]!);
        }),
      );
    }
    await Promise.all(jobs);
  } finally {
    await pool.destroy();
  }
}
