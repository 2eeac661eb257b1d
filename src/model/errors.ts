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
/** What is wrong with a frontmatter, by the name of its message under rule `frontmatter` in the catalogue. */
export type FrontmatterFault = { readonly kind: 'missing' | 'notClosed' | 'notMapping' | 'aliases' } | { readonly kind: 'invalid' | 'tag' | 'otherLanguage'; readonly detail: string };

export class FrontmatterError extends Error {
  override readonly name = 'FrontmatterError';
  /** The fault, for the message in the site's language; `message` is its English text. */
  readonly fault: FrontmatterFault;
  constructor(
    message: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    options?: ErrorOptions & { fault?: FrontmatterFault },
  ) {
    super(message, options);
    this.fault = options?.fault ?? { kind: 'invalid', detail: message };
  }
}
