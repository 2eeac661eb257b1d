import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FileScan, ThreadedFileCheck } from '../model/outputs.js';

/** A check's scan as the file thread is told of it: the module with its function, and its data. */
export interface ScanSpec {
  readonly module: string;
  readonly data: unknown;
}

/** A scan ready to run. */
export interface FileScanner {
  readonly scan: FileScan;
  readonly data: unknown;
}

/** What the scans found in one file: the check's index and its finding, for the checks that found something. */
export type Findings = readonly (readonly [number, unknown])[];

export function scanSpecs(checks: readonly ThreadedFileCheck[]): ScanSpec[] {
  return checks.map(({ module, data }) => ({ module, data }));
}

/**
 * The checks' functions, loaded in the file thread. Under the test runner the thread runs TypeScript
 * through tsx's require hook (util/threads.ts), which `import()` does not pass through: a `.ts`
 * module is required there, a compiled one imported.
 */
export async function loadScanners(specs: readonly ScanSpec[]): Promise<FileScanner[]> {
  const scanners: FileScanner[] = [];
  for (const { module, data } of specs) {
    const exports = (module.endsWith('.ts') ? createRequire(import.meta.url)(fileURLToPath(module)) : await import(module)) as { scanWrittenFile?: unknown };
    if (typeof exports.scanWrittenFile !== 'function') throw new Error(`${module} exports no scanWrittenFile`);
    scanners.push({ scan: exports.scanWrittenFile as FileScan, data });
  }
  return scanners;
}

/** Runs the scans of the checks `wanted` (indexes into `scanners`) over a file; undefined when none found anything. */
export function runScans(scanners: readonly FileScanner[], wanted: readonly number[], rel: string, content: string | Uint8Array): Findings | undefined {
  const text = typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
  let findings: (readonly [number, unknown])[] | undefined;
  for (const index of wanted) {
    const scanner = scanners[index]!;
    const finding = scanner.scan(rel, text, scanner.data);
    if (finding !== undefined) (findings ??= []).push([index, finding]);
  }
  return findings;
}
