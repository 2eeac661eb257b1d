import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRaw from 'rehype-raw';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { ImportMessages } from '../i18n/import.js';
import { autoParagraphs } from './autop.js';
import { cleanHast, type CleanLog } from './html-clean.js';
import { takeLeadFigure } from './lead-figure.js';

const htmlParser = unified().use(rehypeParse, { fragment: true });
const markdownParser = unified().use(remarkParse).use(remarkGfm);
const markdownToHast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
const hastToMdast = unified().use(rehypeRemark);
const stringifier = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-', listItemIndent: 'one' });

export interface Converted {
  readonly tree: MdastRoot;
  readonly log: CleanLog;
  /** The leading figure, when asked for (`leadFigure`). */
  readonly figure?: ReturnType<typeof takeLeadFigure>;
}

/**
 * The body of an old post as Markdown, all in the unified ecosystem: HTML is parsed with rehype-parse;
 * Markdown (static-site folders) with remark and, for its raw HTML, rehype-raw; both are cleaned on
 * the hast tree and turned into mdast with rehype-remark. The mdast is returned, not text, so that
 * links and images can be rewritten before `toMarkdown`.
 */
export function toMdast(body: { format: 'html' | 'markdown'; text: string }, options: { autoParagraphs?: boolean; leadFigure?: boolean }, t: ImportMessages): Converted {
  let hast: HastRoot;
  if (body.format === 'html') {
    hast = htmlParser.parse(body.text);
    if (options.autoParagraphs) autoParagraphs(hast);
  } else {
    hast = markdownToHast.runSync(markdownParser.parse(body.text)) as HastRoot;
  }
  const figure = options.leadFigure ? takeLeadFigure(hast) : undefined;
  const log: CleanLog = { dropped: [], notes: [] };
  cleanHast(hast, log, t);
  const tree = hastToMdast.runSync(hast) as MdastRoot;
  return { tree, log, ...(figure ? { figure } : {}) };
}

/** Markdown text of an mdast tree (GFM tables kept). */
export function toMarkdown(tree: MdastRoot): string {
  return stringifier.stringify(tree);
}
