import { mkdirSync, statSync } from 'node:fs';
import { fsProblem, isFsError } from '../model/fs-errors.js';
import type { Problem } from '../model/problem.js';
import type { BuildCache, CacheData } from './cache.js';

/**
 * The cache only makes builds faster. When it cannot be written (full disk, read-only folder, a
 * file where its folder should be) the build still publishes the site and says so in a warning.
 */
export function saveCacheOrWarn(cache: BuildCache, data: CacheData, root: string, problems: Problem[]): void {
  try {
    cache.save(data);
  } catch (err) {
    if (!isFsError(err)) throw err;
    problems.push(asWarning(fsProblem(err, root), 'the build cache could not be written; the site was published, the next build starts without cache'));
  }
}

/** The folder for the output manifests, or undefined (with a warning) when it cannot be made. */
export function usableStateDir(dir: string, root: string, problems: Problem[]): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    if (statSync(dir).isDirectory()) return dir;
  } catch (err) {
    if (!isFsError(err)) throw err;
    problems.push(asWarning(fsProblem(err, root), 'the build cache folder cannot be used; building without it'));
  }
  return undefined;
}

function asWarning(p: Problem, what: string): Problem {
  return { ...p, ruleId: 'cache-unwritable', reason: `${what} (${p.reason})`, fix: 'remove the file or folder in the way, give write permission, or set another cacheDir', severity: 'warning' };
}
