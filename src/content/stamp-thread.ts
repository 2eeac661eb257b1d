import path from 'node:path';
import { workerData } from 'node:worker_threads';
import { currentStamp } from './file-stamp.js';
import { STAMP_CHUNK, type StampAnswer, type StampThreadData } from './source-stamps.js';

/**
 * The thread of content/source-stamps.ts: stamps the sources from the back, a chunk at a time, and
 * stops where the build's own thread has got to from the front. Then it ends.
 */
const { dir, sources, answers, taken } = workerData as StampThreadData;
const front = new Int32Array(taken);
for (let end = sources.length; end > Atomics.load(front, 0); end -= STAMP_CHUNK) {
  const from = Math.max(end - STAMP_CHUNK, Atomics.load(front, 0));
  const stamps: (string | undefined)[] = [];
  for (let i = from; i < end; i++) stamps.push(currentStamp(path.join(dir, sources[i]!)));
  answers.postMessage({ from, stamps } satisfies StampAnswer);
}
answers.close();
