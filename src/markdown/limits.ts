/**
 * Cheap checks of a Markdown body before it is parsed. The Markdown parser recurses once per
 * nesting level and some constructs cost quadratic time, so a single pasted or hostile file could
 * otherwise stall a build for minutes or overflow the stack. Each limit is far above what a news
 * text needs.
 */

/** Containers (`>`, list markers) opened on one line. */
export const MAX_NESTING_DEPTH = 32;
/** Leading whitespace of a line, in columns (a tab counts 4); 128 is 64 levels of nested lists. */
export const MAX_INDENT_COLUMNS = 256;
/** Consecutive emphasis or bracket characters (`*`, `_`, `~`, `[`, `]`). */
export const MAX_DELIMITER_RUN = 128;
/** Consecutive backticks; code spans with many different fence lengths cost cubic time. */
export const MAX_BACKTICK_RUN = 32;
/** `|` characters in one file: GFM tables cost about 0.1 ms per cell. */
export const MAX_TABLE_CELLS = 25_000;
/** Lines that can underline a heading (`===`, `---`): micromark re-scans before each one (quadratic). */
export const MAX_UNDERLINE_LINES = 500;
/** Footnote definitions: each costs time and memory that grow faster than the file. */
export const MAX_FOOTNOTES = 500;
/** Link reference definitions (`[name]: https://…`), footnotes included. */
export const MAX_DEFINITIONS = 2_000;
/** Footnote references (`[^1]`): resolving them costs quadratic time within a paragraph. */
export const MAX_FOOTNOTE_REFERENCES = 1_000;
/** Opening brackets (links, images, references): 20,000 cost about 3 s, 100,000 minutes. */
export const MAX_BRACKETS = 20_000;
/**
 * Emphasis characters (`*`, `_`, `~`) in one paragraph: micromark pairs them by splicing the
 * paragraph's event list, quadratic in their number (`*a* ` × 80,000: 65 s; 10,000: about 0.3 s).
 */
export const MAX_EMPHASIS_PER_BLOCK = 10_000;
/**
 * Lines with text: every block costs the parser about 0.1 ms and a few kilobytes (166,000 paragraphs
 * peaked at 2.7 GB, 500,000 headings took 202 s); a long statute has a few thousand.
 */
export const MAX_TEXT_LINES = 20_000;

export interface LimitViolation {
  /** 1-based line within the body. */
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  readonly fix: string;
}

const CONTAINER = /^[ \t]{0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

function indentColumns(line: string): number {
  let cols = 0;
  for (const ch of line) {
    if (ch === ' ') cols++;
    else if (ch === '\t') cols += 4 - (cols % 4);
    else break;
  }
  return cols;
}

function longestRun(line: string, chars: string): { length: number; index: number } {
  let best = { length: 0, index: 0 };
  let start = -1;
  for (let i = 0; i <= line.length; i++) {
    const inRun = i < line.length && chars.includes(line[i]!);
    if (inRun && start === -1) start = i;
    else if (!inRun && start !== -1) {
      if (i - start > best.length) best = { length: i - start, index: start };
      start = -1;
    }
  }
  return best;
}

// Whole-body screens, one regular expression each: a body that passes all of them (every real
// news text) needs no line-by-line scan. Each is looser than its limit, never stricter.
const SCREENS = [
  new RegExp(`^[ \\t]{${Math.floor(MAX_INDENT_COLUMNS / 4)},}`, 'm'),
  // No optional part between two markers: an ambiguous split would backtrack exponentially.
  new RegExp(`^(?:[ \\t]*(?:>|[-+*]|\\d{1,9}[.)])){${MAX_NESTING_DEPTH + 1}}`, 'm'),
  new RegExp(`[*_~[\\]]{${MAX_DELIMITER_RUN + 1}}`),
  new RegExp(`\`{${MAX_BACKTICK_RUN + 1}}`),
];

// Counted per file rather than per line: each line is harmless, thousands of them are not.
const COUNTED: readonly { re: RegExp; limit: number; reason: (n: number) => string; fix: string }[] = [
  {
    // Inside quotes and list items too: `> ===` costs the same.
    re: /^(?:[ \t]*>)*[ \t]*(?:=+|-+)[ \t]*$/gm,
    limit: MAX_UNDERLINE_LINES,
    reason: (n) => `more than ${n} lines consist only of "=" or "-" (heading underlines or rules)`,
    fix: 'write headings as "## Heading" and remove the extra lines',
  },
  {
    re: /^ {0,3}\[\^[^\]\n]*\]:/gm,
    limit: MAX_FOOTNOTES,
    reason: (n) => `more than ${n} footnotes`,
    fix: 'split the text or publish the notes as a linked document',
  },
  {
    re: /^ {0,3}\[[^\]\n]*\]:/gm,
    limit: MAX_DEFINITIONS,
    reason: (n) => `more than ${n} link definitions ("[name]: address")`,
    fix: 'write the links inline or publish the list as a linked document',
  },
];

/** 1-based line of a character offset. */
function lineAt(body: string, index: number): number {
  let line = 1;
  for (let i = body.indexOf('\n'); i !== -1 && i < index; i = body.indexOf('\n', i + 1)) line++;
  return line;
}

/** Offset of the (limit + 1)th occurrence of `needle`, or -1. */
function overLimit(body: string, needle: string, limit: number): number {
  let count = 0;
  for (let i = body.indexOf(needle); i !== -1; i = body.indexOf(needle, i + needle.length)) if (++count > limit) return i;
  return -1;
}

/** Where the first counted construct goes over its limit. Linear: one scan each. */
function countedViolation(body: string): LimitViolation | undefined {
  const footnoteRef = overLimit(body, '[^', MAX_FOOTNOTE_REFERENCES);
  if (footnoteRef !== -1) {
    return { line: lineAt(body, footnoteRef), column: 1, reason: `more than ${MAX_FOOTNOTE_REFERENCES} footnote marks ("[^…]", references and definitions)`, fix: 'split the text or publish the notes as a linked document' };
  }
  const bracket = overLimit(body, '[', MAX_BRACKETS);
  if (bracket !== -1) {
    return { line: lineAt(body, bracket), column: 1, reason: `more than ${MAX_BRACKETS} links, images or brackets ("[")`, fix: 'split the text or publish long link lists as a linked document' };
  }
  const dense = denseViolation(body);
  if (dense) return dense;
  for (const { re, limit, reason, fix } of COUNTED) {
    re.lastIndex = 0;
    let count = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      if (m[0].length === 0) re.lastIndex++;
      if (++count > limit) {
        return { line: lineAt(body, m.index), column: 1, reason: reason(limit), fix };
      }
    }
  }
  return undefined;
}

/** Emphasis characters per paragraph and lines with text, in one pass over the body. */
function denseViolation(body: string): LimitViolation | undefined {
  let textLines = 0;
  let emphasis = 0;
  let line = 1;
  let lineHasText = false;
  /** First line of the paragraph being counted; 0 between paragraphs. */
  let blockStart = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 10) {
      // A line without text ends the paragraph: emphasis never pairs across it.
      if (!lineHasText) {
        emphasis = 0;
        blockStart = 0;
      }
      else if (++textLines > MAX_TEXT_LINES) {
        return { line, column: 1, reason: `more than ${MAX_TEXT_LINES} lines of text`, fix: 'split the text or publish it as a linked document (PDF)' };
      }
      line++;
      lineHasText = false;
      continue;
    }
    if (c !== 32 && c !== 9 && c !== 13) {
      if (blockStart === 0) blockStart = line;
      lineHasText = true;
    }
    if ((c === 42 || c === 95 || c === 126) && ++emphasis > MAX_EMPHASIS_PER_BLOCK) {
      return { line: blockStart, column: 1, reason: `more than ${MAX_EMPHASIS_PER_BLOCK} emphasis characters ("*", "_", "~") in one paragraph`, fix: 'remove the repeated emphasis or split the paragraph with blank lines' };
    }
  }
  return undefined;
}

function mayExceed(body: string): boolean {
  if (SCREENS.some((re) => re.test(body))) return true;
  if (body.length <= MAX_TABLE_CELLS) return false;
  let pipes = 0;
  for (let i = body.indexOf('|'); i !== -1; i = body.indexOf('|', i + 1)) if (++pipes > MAX_TABLE_CELLS) return true;
  return false;
}

/** The first limit the body exceeds, or undefined. Linear in the size of the body. */
export function checkBodyLimits(body: string): LimitViolation | undefined {
  const counted = countedViolation(body);
  if (counted) return counted;
  if (!mayExceed(body)) return undefined;
  const lines = body.split('\n');
  let pipes = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const at = (index: number) => ({ line: n + 1, column: index + 1 });
    const indent = indentColumns(line);
    if (indent > MAX_INDENT_COLUMNS) {
      return { ...at(0), reason: `line is indented by ${indent} columns; at most ${MAX_INDENT_COLUMNS} are allowed (deeply nested lists make the build slow)`, fix: 'flatten the list or remove the leading spaces' };
    }
    let rest = line;
    let depth = 0;
    for (let m = CONTAINER.exec(rest); m && m[0].length > 0; m = CONTAINER.exec(rest)) {
      rest = rest.slice(m[0].length);
      if (++depth > MAX_NESTING_DEPTH) {
        return { ...at(0), reason: `quotes or lists are nested more than ${MAX_NESTING_DEPTH} levels deep`, fix: 'flatten the quotes or lists; a news text needs a few levels at most' };
      }
    }
    const delim = longestRun(line, '*_~[]');
    if (delim.length > MAX_DELIMITER_RUN) {
      return { ...at(delim.index), reason: `${delim.length} emphasis or bracket characters in a row; at most ${MAX_DELIMITER_RUN} are allowed`, fix: 'remove the repeated characters or put them in a code block' };
    }
    const ticks = longestRun(line, '`');
    if (ticks.length > MAX_BACKTICK_RUN) {
      return { ...at(ticks.index), reason: `${ticks.length} backticks in a row; at most ${MAX_BACKTICK_RUN} are allowed`, fix: 'use a fenced code block with three backticks' };
    }
    for (const ch of line) if (ch === '|') pipes++;
    if (pipes > MAX_TABLE_CELLS) {
      return { ...at(0), reason: `tables with more than ${MAX_TABLE_CELLS} cells ("|") are not allowed`, fix: 'split the table or publish the data as a file (CSV) linked from the article' };
    }
  }
  return undefined;
}
