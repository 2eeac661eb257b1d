import { parentPort, workerData } from 'node:worker_threads';
import { scanFile, type ScanBatch, type ScanFinding, type ScanReply, type ScanThreadData } from './scan-file.js';

/** The external-resource check's thread (checks/scan-queue.ts says why): scans each batch and answers with what it found. */
const { siteHost, results } = workerData as ScanThreadData;

parentPort!.on('message', (batch: ScanBatch) => {
  const found: ScanFinding[] = [];
  for (const file of batch.files) {
    const finding = scanFile(file, siteHost);
    if (finding) found.push(finding);
  }
  results.postMessage({ number: batch.number, found } satisfies ScanReply);
});
