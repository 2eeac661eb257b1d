import type { SiteConfig } from '../config/config.js';
import type { StoredFrontmatter, StoredMarkdown } from '../cache/markdown-store.js';
import { parseFrontmatter } from '../content/frontmatter.js';
import { validateSource, type Validated } from '../content/validate.js';
import type { AssetInfo, SourceFile, SourceResult } from '../model/types.js';
import { frontmatterImage } from './frontmatter-image.js';
import type { MarkdownCache } from './markdown-cache.js';
import type { MarkdownResult } from './markdown-stage.js';

type Position = { line: number; column: number };

/** Frontmatter that validated: its data, its problems (warnings) and where a field stands in the file. */
export type ValidFrontmatter = Pick<Extract<Validated, { kind: 'article' }>, 'kind' | 'data' | 'problems' | 'positionOf'> | Pick<Extract<Validated, { kind: 'page' }>, 'kind' | 'data' | 'problems' | 'positionOf'>;

/** A source that validated, with its body's Markdown result: what the page step needs. */
export type PreparedSource = {
  readonly validated: ValidFrontmatter;
  readonly md: MarkdownResult;
  /** The result to store once the page turns out valid; absent when it came from the store. */
  readonly toStore?: StoredMarkdown;
};

export interface SourceStepDeps {
  readonly config: SiteConfig;
  /** Images and attachments of the content folder: a frontmatter image is looked for even when the frontmatter is invalid. */
  readonly assets: ReadonlyMap<string, AssetInfo>;
  readonly markdown: (source: SourceFile, body: string, bodyLine: number) => MarkdownResult;
  /** Results of earlier builds; absent with `--no-cache` and in dry runs. */
  readonly cache?: MarkdownCache;
}

/**
 * The first half of rendering a source: validation (content/validate.ts) and its body's Markdown.
 * Both come from the Markdown cache when an earlier build read these very bytes under the same
 * settings, so a template or config change parses neither YAML nor Markdown. An invalid source
 * ends here, with all of its problems.
 */
export function prepareSource(source: SourceFile, deps: SourceStepDeps): PreparedSource | Extract<SourceResult, { kind: 'invalid' }> {
  const stored = deps.cache?.lookup(source);
  if (stored) {
    // Positions are needed only for a problem of the page step (a frontmatter image gone since): then the frontmatter is parsed again.
    const positionOf = (field: string): Position | undefined => (source.text === undefined ? undefined : parseFrontmatter(source.text).positionOf(field));
    return { validated: { ...stored.frontmatter, problems: [...stored.frontmatter.problems], positionOf } as ValidFrontmatter, md: stored.md };
  }
  const validated = validateSource(source, deps.config.timezone, deps.config.language);
  if (validated.kind === 'invalid') {
    // Broken frontmatter must not hide what is wrong in the body: report both in one run.
    // Its links too: they are checked with all others, so every problem shows in one run.
    const body = validated.body === undefined ? undefined : deps.markdown(source, validated.body, validated.bodyLine ?? 1);
    // So is a frontmatter image that is not there: a missing alt text must not hide it until the next run.
    const image = validated.imageSrc && frontmatterImage(source, validated.imageSrc.src, deps.assets, new Set(), () => validated.imageSrc!.at, deps.config.language).problem;
    return { kind: 'invalid', src: source.rel, problems: [...validated.problems, ...(image ? [image] : []), ...(body?.problems ?? [])], links: body?.links ?? [] };
  }
  const md = deps.markdown(source, validated.body, validated.bodyLine);
  if (!deps.cache) return { validated, md };
  // Kind and data go together, as validate.ts made them.
  const frontmatter = { kind: validated.kind, data: validated.data, problems: validated.problems } as StoredFrontmatter;
  return { validated, md, toStore: deps.cache.snapshot(frontmatter, md) };
}
