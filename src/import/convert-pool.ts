import os from 'node:os';
import { Piscina } from 'piscina';
import type { Converted } from './convert.js';
import { convertBody, type ConvertInput, type ConvertTask } from './convert-worker.js';

/** Below this many bodies, starting threads costs more than it saves. */
const PARALLEL_THRESHOLD = 300;
const BATCH = 100;

/**
 * Converts every body to mdast, on worker threads for a large archive (conversion is most of an
 * import's time) and in this thread for a small one. Results come back in the order given.
 */
export async function convertBodies(bodies: readonly ConvertInput[], language: string): Promise<Converted[]> {
  const threads = Math.max(1, Math.min(os.availableParallelism(), 4));
  if (bodies.length < PARALLEL_THRESHOLD || threads === 1) return bodies.map((body) => convertBody(body, language));
  const ts = import.meta.url.endsWith('.ts');
  const pool = new Piscina({
    filename: new URL(ts ? './convert-worker.ts' : './convert-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // Under the TypeScript test runner the worker needs the same loader as the main thread.
    execArgv: ts ? ['--import', 'tsx'] : [],
  });
  try {
    const batches: Promise<Converted[]>[] = [];
    for (let i = 0; i < bodies.length; i += BATCH) {
      // Only what conversion needs crosses to the thread, not the whole item.
      const slice = bodies.slice(i, i + BATCH).map((b) => ({ body: b.body, ...(b.autoParagraphs ? { autoParagraphs: true } : {}), ...(b.leadFigureIsImage ? { leadFigureIsImage: true } : {}) }));
      const task: ConvertTask = { language, bodies: slice };
      batches.push(pool.run(task) as Promise<Converted[]>);
    }
    return (await Promise.all(batches)).flat();
  } finally {
    await pool.destroy();
  }
}
