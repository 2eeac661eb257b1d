import { gfmTable, gfmTableFromMarkdown } from './vendor.js';
import type { Processor } from 'unified';

/**
 * GFM tables alone, from the same extensions remark-gfm uses: a body whose only GitHub syntax is a
 * table gets byte-identical HTML without paying for autolink literals, the costly part of GFM.
 */
export default function remarkGfmTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}
