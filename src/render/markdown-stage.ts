import { rulesIn } from '../model/messages.js';
import { VFile } from '../markdown/vendor.js';
import type { UiStrings } from '../i18n/index.js';
import { gfmNeeds, hasUrlLiteral, type Syntax } from '../markdown/needs-gfm.js';
import { markdownProcessor, type MarkdownProcessor } from '../markdown/processor.js';
import type { Problem } from '../model/problem.js';
import { isRuleId } from '../model/rules.js';
import type { AssetInfo, PendingLink, SourceFile } from '../model/types.js';

export interface MarkdownStageOptions {
  readonly rawHtml: 'none' | 'sanitize';
  readonly strings: UiStrings;
  readonly assets: ReadonlyMap<string, AssetInfo>;
  readonly basePath: string;
  readonly allowedHosts: readonly string[];
  /** The site's language, for the "did you mean" of a missing file. */
  readonly language: string;
}

/** What the Markdown stage makes of a body. */
export interface MarkdownResult {
  readonly html: string;
  /** Links to other sources, filled in once every URL is known. */
  readonly links: PendingLink[];
  /** Content files (images, attachments) the body refers to. */
  readonly usedAssets: Set<string>;
  readonly problems: Problem[];
}

/** Markdown to HTML with one frozen processor per dialect: full GFM, GFM tables only, plain CommonMark. */
export class MarkdownStage {
  private readonly processors: Readonly<Record<Syntax, MarkdownProcessor>>;

  constructor(private readonly options: MarkdownStageOptions) {
    this.processors = {
      gfm: markdownProcessor(options.rawHtml, 'gfm', options.strings),
      tables: markdownProcessor(options.rawHtml, 'tables', options.strings),
      commonmark: markdownProcessor(options.rawHtml, 'commonmark', options.strings),
    };
  }

  /** Body HTML, links to other sources, content files used, problems. `bodyLine` is the body's first line in the file. */
  run(source: SourceFile, body: string, bodyLine: number): MarkdownResult {
    const links: PendingLink[] = [];
    const usedAssets = new Set<string>();
    // Blank lines keep the body's line numbers equal to the file's in every message.
    const file = new VFile({ value: '\n'.repeat(bodyLine - 1) + body, path: source.display });
    file.data.references = {
      src: source.rel,
      tokenPrefix: `stadtbote-link-${source.hash.slice(0, 10).replace(/[^A-Za-z0-9]/g, 'x')}-`,
      assets: this.options.assets,
      basePath: this.options.basePath,
      allowedHosts: this.options.allowedHosts,
      language: this.options.language,
      locale: this.options.strings.locale,
      usedAssets,
      links,
    };
    let html: string;
    try {
      // GFM only where the body needs it: same HTML, less than half the parse time for most news.
      const need = gfmNeeds(body);
      let processor = this.processors[need.syntax];
      let tree = processor.parse(file);
      if (need.urlLiterals && hasUrlLiteral(tree)) {
        processor = this.processors.gfm;
        tree = processor.parse(file);
      }
      html = processor.stringify(processor.runSync(tree, file), file);
    } catch (err) {
      // Last line of defence behind markdown/limits.ts: structure deeper than the parser's recursion.
      if (!(err instanceof RangeError)) throw err;
      return { html: '', links, usedAssets, problems: [{ file: source.display, line: bodyLine, column: 1, ruleId: 'too-complex', ...rulesIn(this.options.language)['too-complex'].nestedTooDeep(), severity: 'error' }] };
    }
    const problems: Problem[] = file.messages.map((m) => ({
      file: source.display,
      line: m.line ?? undefined,
      column: m.column ?? undefined,
      // Our plugins name registered rules, in the site's words; anything else the parser says is a
      // plain Markdown problem, framed in the site's language around the parser's own (English) detail.
      ...(isRuleId(m.ruleId) ? { ruleId: m.ruleId, reason: m.reason, fix: m.note ?? undefined } : { ruleId: 'markdown' as const, ...rulesIn(this.options.language).markdown.parser({ detail: m.reason }) }),
      severity: m.fatal ? 'error' : 'warning',
    }));
    return { html, links, usedAssets, problems };
  }
}
