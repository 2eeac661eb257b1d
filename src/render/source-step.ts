import type { SiteConfig } from '../config/config.js';
import type { StoredMarkdown } from '../cache/markdown-store.js';
import { validateSource, type Validated } from '../content/validate.js';
import type { SourceFile, SourceResult } from '../model/types.js';
import type { MarkdownCache } from './markdown-cache.js';
import type { MarkdownResult } from './markdown-stage.js';

/** A source that validated, with its body's Markdown result: what the page step needs. */
export type PreparedSource = {
  readonly validated: Extract<Validated, { kind: 'article' | 'page' }>;
  readonly md: MarkdownResult;
  /** The Markdown result to store once the page turns out valid; absent when it came from the store. */
  readonly toStore?: StoredMarkdown;
};

export interface SourceStepDeps {
  readonly config: SiteConfig;
  readonly markdown: (source: SourceFile, body: string, bodyLine: number) => MarkdownResult;
  /** Markdown results of earlier builds; absent with `--no-cache` and in dry runs. */
  readonly cache?: MarkdownCache;
}

/**
 * The first half of rendering a source: validation (content/validate.ts) and its body's Markdown,
 * taken from the Markdown cache when an earlier build rendered these very bytes under the same
 * Markdown settings. An invalid source ends here, with all of its problems.
 */
export function prepareSource(source: SourceFile, deps: SourceStepDeps): PreparedSource | Extract<SourceResult, { kind: 'invalid' }> {
  const validated = validateSource(source, deps.config.timezone, deps.config.language);
  if (validated.kind === 'invalid') {
    // Broken frontmatter must not hide what is wrong in the body: report both in one run.
    // Its links too: they are checked with all others, so every problem shows in one run.
    const body = validated.body === undefined ? undefined : deps.markdown(source, validated.body, validated.bodyLine ?? 1);
    return { kind: 'invalid', src: source.rel, problems: [...validated.problems, ...(body?.problems ?? [])], links: body?.links ?? [] };
  }
  const stored = deps.cache?.lookup(source);
  if (stored) return { validated, md: stored };
  const md = deps.markdown(source, validated.body, validated.bodyLine);
  return { validated, md, ...(deps.cache ? { toStore: deps.cache.snapshot(md) } : {}) };
}
