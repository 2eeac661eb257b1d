import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { Processor } from 'unified';
import { rehypeRaw, rehypeSanitize, rehypeStringify, remarkGfm, remarkParse, remarkRehype, unified } from './vendor.js';
import rehypeClobberedFragments from './rehype-clobbered-fragments.js';
import rehypeDemoteHeadings from './rehype-demote-headings.js';
import rehypeHeadingIds from './rehype-heading-ids.js';
import rehypeReadableBlocks from './rehype-readable-blocks.js';
import rehypeSiteReferences from './rehype-site-references.js';
import type { Syntax } from './needs-gfm.js';
import remarkGfmTables from './remark-gfm-tables.js';
import rehypeTaskListLabels from './rehype-task-list-labels.js';
import { listItemHandler } from './list-item-handler.js';

export type RawHtmlPolicy = 'none' | 'sanitize';

/**
 * Every variant of the pipeline: parses Markdown (mdast), runs to HTML (hast), compiles to text.
 * unified's inferred type differs per variant (which plugins were added); this is what they share.
 */
export type MarkdownProcessor = Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string>;

const processors = new Map<string, MarkdownProcessor>();

/** Words the Markdown stage itself writes into pages, in the site's language. */
export interface MarkdownStrings {
  /** Heading of the footnote section (visually hidden, for screen readers). */
  readonly footnotes: string;
  /** Name of a footnote's link back to the text; `{n}` is the footnote's number. */
  readonly footnoteBack: string;
  /** Name of a table's scrollable region; `{n}` is the table's number in the text. */
  readonly tableRegion: string;
}

const ENGLISH: MarkdownStrings = { footnotes: 'Footnotes', footnoteBack: 'Back to the text of footnote {n}', tableRegion: 'Table {n}' };

/**
 * The Markdown pipeline, built once per policy and frozen: remark-parse → remark-gfm →
 * remark-rehype → (rehype-raw → rehype-sanitize) → site references → rehype-stringify.
 * Without the sanitize policy raw HTML in Markdown is dropped, never passed through.
 * `syntax` picks full GFM, GFM tables only or plain CommonMark, for bodies that `gfmNeeds` clears.
 */
export function markdownProcessor(rawHtml: RawHtmlPolicy = 'none', syntax: Syntax = 'gfm', strings: MarkdownStrings = ENGLISH): MarkdownProcessor {
  const key = `${rawHtml}:${syntax}:${strings.footnotes}:${strings.footnoteBack}:${strings.tableRegion}`;
  let processor = processors.get(key);
  if (!processor) {
    const parse = unified().use(remarkParse);
    const base = syntax === 'gfm' ? parse.use(remarkGfm) : syntax === 'tables' ? parse.use(remarkGfmTables) : parse;
    const toHtml = {
      // Looseness once per list instead of once per item (quadratic upstream): see list-item-handler.ts.
      handlers: { listItem: listItemHandler },
      footnoteLabel: strings.footnotes,
      footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
        strings.footnoteBack.replace('{n}', `${referenceIndex + 1}${rereferenceIndex > 1 ? `.${rereferenceIndex}` : ''}`),
    };
    const withHtml =
      rawHtml === 'sanitize'
        ? // rehype-sanitize adds the id prefix itself; with remark-rehype's as well, footnotes would get it twice.
          base.use(remarkRehype, { ...toHtml, allowDangerousHtml: true, clobberPrefix: '' }).use(rehypeRaw).use(rehypeSanitize).use(rehypeClobberedFragments)
        : base.use(remarkRehype, toHtml);
    // Only full GFM makes task lists; the other dialects skip the walk that labels their checkboxes.
    const withTaskLists = syntax === 'gfm' ? withHtml.use(rehypeTaskListLabels) : withHtml;
    processor = withTaskLists
      .use(rehypeDemoteHeadings)
      .use(rehypeHeadingIds)
      .use(rehypeSiteReferences)
      .use(rehypeReadableBlocks, { tableRegion: strings.tableRegion })
      .use(rehypeStringify)
      .freeze() as MarkdownProcessor;
    processors.set(key, processor);
  }
  return processor;
}
