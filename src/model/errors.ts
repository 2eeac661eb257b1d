import type { Problem } from './problem.js';

/** Content has errors: nothing was written. Carries every problem found in the run. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  constructor(readonly problems: readonly Problem[], options?: ErrorOptions) {
    super(`${problems.filter((p) => p.severity === 'error').length} content error(s)`, options);
  }
}

/** The configuration file or a command-line option is invalid. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly Problem[], options?: ErrorOptions) {
    super(problems.map((p) => p.reason).join('\n'), options);
  }
}

/** A frontmatter block could not be read as YAML (or was not YAML at all). */
export class FrontmatterError extends Error {
  override readonly name = 'FrontmatterError';
  constructor(
    message: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
