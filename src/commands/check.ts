import { resolveSite } from '../config/config.js';
import { build, type BuildOptions } from '../build/build.js';
import { ContentError } from '../model/errors.js';
import { compareProblems, type Problem } from '../model/problem.js';

export type CheckOptions = Omit<BuildOptions, 'dryRun' | 'inspect' | 'resolved' | 'onProgress'> & {
  onProgress?: BuildOptions['onProgress'];
};

export interface CheckResult {
  /** Every problem, errors and warnings, in a stable order. */
  readonly problems: readonly Problem[];
  readonly errors: number;
  readonly warnings: number;
  readonly root: string;
}


/** Validates and renders everything a build would and writes nothing. */
export async function checkSite(options: CheckOptions = {}): Promise<CheckResult> {
  const site = resolveSite(options);
  let problems: readonly Problem[];
  try {
    const report = await build({
      ...options,
      resolved: site,
      dryRun: true,
    });
    problems = report.warnings;
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    problems = err.problems;
  }
  const sorted = [...problems].sort(compareProblems);
  const errors = sorted.filter((p) => p.severity === 'error').length;
  return { problems: sorted, errors, warnings: sorted.length - errors, root: site.paths.root };
}
