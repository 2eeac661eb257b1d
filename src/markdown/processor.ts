import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import rehypeDemoteHeadings from './rehype-demote-headings.js';
import rehypeReadableBlocks from './rehype-readable-blocks.js';
import rehypeSiteReferences from './rehype-site-references.js';
import type { Syntax } from './needs-gfm.js';
import remarkGfmTables from './remark-gfm-tables.js';

export type RawHtmlPolicy = 'none' | 'sanitize';

// Any processor of the pipeline; the concrete generic types of unified are not part of our API.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MarkdownProcessor = Processor<any, any, any, any, string>;

const processors = new Map<string, MarkdownProcessor>();

/**
 * The Markdown pipeline, built once per policy and frozen: remark-parse → remark-gfm →
 * remark-rehype → (rehype-raw → rehype-sanitize) → site references → rehype-stringify.
 * Without the sanitize policy raw HTML in Markdown is dropped, never passed through.
 * `syntax` picks full GFM, GFM tables only or plain CommonMark, for bodies that `gfmNeeds` clears.
 */
export function markdownProcessor(rawHtml: RawHtmlPolicy = 'none', syntax: Syntax = 'gfm'): MarkdownProcessor {
  const key = `${rawHtml}:${syntax}`;
  let processor = processors.get(key);
  if (!processor) {
    const parse = unified().use(remarkParse);
    const base = syntax === 'gfm' ? parse.use(remarkGfm) : syntax === 'tables' ? parse.use(remarkGfmTables) : parse;
    const withHtml =
      rawHtml === 'sanitize'
        ? base.use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeSanitize)
        : base.use(remarkRehype);
    processor = withHtml.use(rehypeDemoteHeadings).use(rehypeSiteReferences).use(rehypeReadableBlocks).use(rehypeStringify).freeze() as unknown as MarkdownProcessor;
    processors.set(key, processor);
  }
  return processor;
}
