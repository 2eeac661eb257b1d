import { resolveSite } from '../config/config.js';
import { build, type BuildOptions } from '../build/build.js';
import { ContentError } from '../model/errors.js';
import { compareProblems, type Problem } from '../model/problem.js';
import { STRICT_RULES } from '../model/editor-rules.js';

export type CheckOptions = Omit<BuildOptions, 'dryRun' | 'inspect' | 'resolved' | 'onProgress'> & {
  onProgress?: BuildOptions['onProgress'];
  /** Count moved addresses and leftover placeholders as errors (for CI). */
  strict?: boolean;
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
    const { strict: _strict, ...buildOptions } = options;
    const report = await build({
      ...buildOptions,
      resolved: site,
      dryRun: true,
    });
    problems = report.warnings;
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    problems = err.problems;
  }
  // --strict: what must not go live unnoticed fails the check.
  const promoted = options.strict ? problems.map((p) => (p.severity === 'warning' && STRICT_RULES.has(p.ruleId) ? { ...p, severity: 'error' as const } : p)) : problems;
  const sorted = [...promoted].sort(compareProblems);
  const errors = sorted.filter((p) => p.severity === 'error').length;
  return { problems: sorted, errors, warnings: sorted.length - errors, root: site.paths.root };
}
