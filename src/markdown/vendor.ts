/**
 * The libraries of the Markdown stage, imported in one place. Compiled, this module is replaced by
 * one bundle of them (scripts/bundle-vendor.mjs): a build that parses a few bodies (an edited
 * article) loads one file instead of some 230 modules — 0.17 s → 0.03 s before its first page, and
 * the same for every render thread of a cold build. The stage's own modules stay modules; only
 * these libraries are bundled, as they are, with their licence comments.
 */
export { default as GithubSlugger } from 'github-slugger';
export { phrasing } from 'hast-util-phrasing';
export { toString as hastToString } from 'hast-util-to-string';
export { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
export { defaultHandlers } from 'mdast-util-to-hast';
export { gfmTable } from 'micromark-extension-gfm-table';
export { default as rehypeRaw } from 'rehype-raw';
export { default as rehypeSanitize } from 'rehype-sanitize';
export { default as rehypeStringify } from 'rehype-stringify';
export { default as remarkGfm } from 'remark-gfm';
export { default as remarkParse } from 'remark-parse';
export { default as remarkRehype } from 'remark-rehype';
export { unified } from 'unified';
export { VFile } from 'vfile';
