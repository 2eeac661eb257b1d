import { rulesIn, type MessageCatalogue, type ProblemText } from '../model/messages.js';

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

type TooComplex = MessageCatalogue['rules']['too-complex'];
/** A violation before it is put into words: which message of rule `too-complex`, with what numbers. */
interface Found {
  readonly line: number;
  readonly column: number;
  readonly say: (t: TooComplex) => ProblemText;
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
const COUNTED: readonly { re: RegExp; limit: number; say: (t: TooComplex, max: number) => ProblemText }[] = [
  {
    // Inside quotes and list items too: `> ===` costs the same.
    re: /^(?:[ \t]*>)*[ \t]*(?:=+|-+)[ \t]*$/gm,
    limit: MAX_UNDERLINE_LINES,
    say: (t, max) => t.underlines({ max }),
  },
  {
    re: /^ {0,3}\[\^[^\]\n]*\]:/gm,
    limit: MAX_FOOTNOTES,
    say: (t, max) => t.footnotes({ max }),
  },
  {
    re: /^ {0,3}\[[^\]\n]*\]:/gm,
    limit: MAX_DEFINITIONS,
    say: (t, max) => t.definitions({ max }),
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
function countedViolation(body: string): Found | undefined {
  const footnoteRef = overLimit(body, '[^', MAX_FOOTNOTE_REFERENCES);
  if (footnoteRef !== -1) {
    return { line: lineAt(body, footnoteRef), column: 1, say: (t) => t.footnoteMarks({ max: MAX_FOOTNOTE_REFERENCES }) };
  }
  const bracket = overLimit(body, '[', MAX_BRACKETS);
  if (bracket !== -1) {
    return { line: lineAt(body, bracket), column: 1, say: (t) => t.brackets({ max: MAX_BRACKETS }) };
  }
  const dense = denseViolation(body);
  if (dense) return dense;
  for (const { re, limit, say } of COUNTED) {
    re.lastIndex = 0;
    let count = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      if (m[0].length === 0) re.lastIndex++;
      if (++count > limit) {
        return { line: lineAt(body, m.index), column: 1, say: (t) => say(t, limit) };
      }
    }
  }
  return undefined;
}

/** Emphasis characters per paragraph and lines with text, in one pass over the body. */
function denseViolation(body: string): Found | undefined {
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
        return { line, column: 1, say: (t) => t.lines({ max: MAX_TEXT_LINES }) };
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
      return { line: blockStart, column: 1, say: (t) => t.emphasis({ max: MAX_EMPHASIS_PER_BLOCK }) };
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

/** The first limit the body exceeds, in the site's language, or undefined. Linear in the size of the body. */
export function checkBodyLimits(body: string, language = 'de'): LimitViolation | undefined {
  const found = firstViolation(body);
  if (!found) return undefined;
  const { reason, fix = '' } = found.say(rulesIn(language)['too-complex']);
  return { line: found.line, column: found.column, reason, fix };
}

function firstViolation(body: string): Found | undefined {
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
      return { ...at(0), say: (t) => t.indent({ indent, max: MAX_INDENT_COLUMNS }) };
    }
    let rest = line;
    let depth = 0;
    for (let m = CONTAINER.exec(rest); m && m[0].length > 0; m = CONTAINER.exec(rest)) {
      rest = rest.slice(m[0].length);
      if (++depth > MAX_NESTING_DEPTH) {
        return { ...at(0), say: (t) => t.nesting({ max: MAX_NESTING_DEPTH }) };
      }
    }
    const delim = longestRun(line, '*_~[]');
    if (delim.length > MAX_DELIMITER_RUN) {
      return { ...at(delim.index), say: (t) => t.delimiterRun({ count: delim.length, max: MAX_DELIMITER_RUN }) };
    }
    const ticks = longestRun(line, '`');
    if (ticks.length > MAX_BACKTICK_RUN) {
      return { ...at(ticks.index), say: (t) => t.backtickRun({ count: ticks.length, max: MAX_BACKTICK_RUN }) };
    }
    for (const ch of line) if (ch === '|') pipes++;
    if (pipes > MAX_TABLE_CELLS) {
      return { ...at(0), say: (t) => t.tableCells({ max: MAX_TABLE_CELLS }) };
    }
  }
  return undefined;
}
