import { parentPort, workerData } from 'node:worker_threads';
import type { CopyCheckData } from './copy-check.js';
import { checkCopy } from './manifest.js';

/** The thread of write/copy-check.ts: one check, one answer (undefined when there is no verdict to give), then it ends. */
const { manifest, out } = workerData as CopyCheckData;
parentPort!.postMessage(checkCopy(manifest, out));
