import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outputStateDir } from '../write/writer.js';

/** Where the preview is built: never the site folder, gone when the server stops. */
export interface DevWorkspace {
  readonly out: string;
  /** Removes the preview output, its shadow and lock, and the cache's notes about them. */
  remove(cacheDir: string): void;
}

/**
 * A fresh folder in the OS temp folder for the preview's output. The writer keeps its shadow and
 * lock beside the output, so both end up inside this folder too and go with it; a folder the user
 * named with `--out` is theirs and stays.
 */
export function devWorkspace(givenOut: string | undefined): DevWorkspace {
  if (givenOut !== undefined) return { out: givenOut, remove: () => undefined };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-dev-'));
  const out = path.join(dir, 'site');
  return {
    out,
    remove: (cacheDir) => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(outputStateDir(cacheDir, out), { recursive: true, force: true });
    },
  };
}
