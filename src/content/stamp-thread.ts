import path from 'node:path';
import { workerData } from 'node:worker_threads';
import { currentStamp, readKnown } from './file-stamp.js';
import { STAMP_CHUNK, type StampAnswer, type StampThreadData } from './source-stamps.js';

/**
 * The thread of content/source-stamps.ts: takes the sources from the back, a chunk at a time, and
 * stops where the build's own thread has got to from the front. Then it ends.
 */
const { dir, sources, mode, answers, taken } = workerData as StampThreadData;
const front = new Int32Array(taken);

for (let end = sources.length; end > Atomics.load(front, 0); end -= STAMP_CHUNK) {
  const from = Math.max(end - STAMP_CHUNK, Atomics.load(front, 0));
  const stamps: (string | undefined)[] = [];
  const hashes: (string | undefined)[] = [];
  for (let i = from; i < end; i++) {
    const file = path.join(dir, sources[i]!);
    if (mode === 'stamps') {
      stamps.push(currentStamp(file));
      continue;
    }
    const [stamp, hash] = readKnown(file);
    stamps.push(stamp);
    hashes.push(hash);
  }
  answers.postMessage({ from, stamps, ...(mode === 'hashes' ? { hashes } : {}) } satisfies StampAnswer);
}
answers.close();
