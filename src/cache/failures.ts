import { rulesIn, type ProblemText } from '../model/messages.js';
import { mkdirSync, statSync } from 'node:fs';
import { fsProblem, isFsError } from '../model/fs-errors.js';
import type { Problem } from '../model/problem.js';

/**
 * Runs a step of saving the cache, which only makes builds faster: when it cannot be written (full
 * disk, read-only folder, a file where its folder should be) the build still publishes the site and
 * says so in a warning; the step then gives undefined.
 */
export function warnIfUnwritable<T>(step: () => T, root: string, problems: Problem[], language?: string): T | undefined {
  try {
    return step();
  } catch (err) {
    if (!isFsError(err)) throw err;
    problems.push(asWarning(fsProblem(err, root, undefined, undefined, language), rulesIn(language)['cache-unwritable'].notWritten));
    return undefined;
  }
}

/** The folder for the output manifests, or undefined (with a warning) when it cannot be made. */
export function usableStateDir(dir: string, root: string, problems: Problem[], language?: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    if (statSync(dir).isDirectory()) return dir;
  } catch (err) {
    if (!isFsError(err)) throw err;
    problems.push(asWarning(fsProblem(err, root, undefined, undefined, language), rulesIn(language)['cache-unwritable'].folderUnusable));
  }
  return undefined;
}

/** The file-system problem as a warning of rule `cache-unwritable`, its reason as the detail. */
function asWarning(p: Problem, say: (params: { detail: string }) => ProblemText): Problem {
  return { ...p, ruleId: 'cache-unwritable', ...say({ detail: p.reason }), severity: 'warning' };
}
