/**
 * The libraries every build loads at its start (theme, YAML, code frames, suggestions), imported in one place.
 * Compiled, this module is replaced by one bundle of them (scripts/bundle-vendor.mjs), as the
 * Markdown stage's libraries are (markdown/vendor.ts): the process that builds, and each of its render
 * threads, loads one file instead of some 90 CommonJS and ES modules — 150 ms → 50 ms before the
 * first page, on every build, dev-server start and CLI command. Only values come from here; types are
 * imported from the packages themselves. The libraries are bundled as they are, with their licence
 * comments; loaded lazily ones (gray-matter, the Markdown stage, sharp, Pagefind) stay out, and so does
 * vfile-message: `toVFileMessage` hands its messages to callers, who test them with their own copy's class.
 */
export { codeFrameColumns } from '@babel/code-frame';
export { default as slugifyText } from '@sindresorhus/slugify';
export { closest, distance } from 'fastest-levenshtein';
export {
  AssignTag, BlockTag, BreakTag, CaptureTag, CaseTag, CommentTag, Context, ContinueTag, defaultOperators, Drop, EchoTag, ForTag, IfTag,
  IncludeTag, InlineCommentTag, isFalsy, LayoutTag, Liquid, LiquidTag, LookupType, Output, RawTag, RenderTag, TokenKind, Tokenizer, toValueSync, UnlessTag,
} from 'liquidjs';
export { isMap, isScalar, isSeq, LineCounter, parse as parseYaml, parseDocument, stringify as stringifyYaml } from 'yaml';
