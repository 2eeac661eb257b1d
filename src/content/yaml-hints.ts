import { FrontmatterError } from '../model/errors.js';

/** What an editor most likely did wrong when the YAML parser gave up, with the place to look. */
export type YamlHint =
  | { readonly kind: 'colon'; readonly line: number; readonly column: number; readonly key: string; readonly quoted: string }
  | { readonly kind: 'tab'; readonly line: number; readonly column: number }
  | { readonly kind: 'unclosed-quote'; readonly line: number; readonly column: number; readonly key: string; readonly quote: string }
  | { readonly kind: 'text-after-quote'; readonly line: number; readonly column: number; readonly key: string }
  | { readonly kind: 'indentation'; readonly line: number; readonly column: number }
  | { readonly kind: 'duplicate-key'; readonly line: number; readonly column: number; readonly key: string };

/** A YAML error explained for editors; `message` stays the parser's words for logs and tools. */
export class YamlSyntaxError extends FrontmatterError {
  constructor(
    message: string,
    readonly hint: YamlHint,
  ) {
    super(message, hint.line, hint.column);
  }
}

/** `key: value` at the start of a line (after indentation or a list dash). */
const KEY_VALUE = /^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*)\s*:(?:\s+(.*))?$/;

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

/** A plain (unquoted) value that YAML would split at `: `, e.g. `title: Landrat: Wir sind digital`. */
function colonHint(lines: readonly string[], at: number): YamlHint | undefined {
  for (const index of [at, at - 1]) {
    const m = KEY_VALUE.exec(lines[index] ?? '');
    const value = m?.[3]?.trim();
    if (!m || !value || /^["'[{|>]/.test(value) || !/:(\s|$)/.test(value)) continue;
    const quoted = `${m[1]}${m[2]}: "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    return { kind: 'colon', line: index + 1, column: m[1]!.length + m[2]!.length + 3, key: m[2]!, quoted };
  }
  return undefined;
}

/** The line where a quoted value opens without closing on the same line. */
function unclosedQuoteHint(lines: readonly string[], upTo: number): YamlHint | undefined {
  for (let i = Math.min(upTo, lines.length - 1); i >= 0; i--) {
    const m = KEY_VALUE.exec(lines[i] ?? '');
    const value = m?.[3]?.trim();
    if (!m || !value) continue;
    const quote = value[0];
    if (quote !== '"' && quote !== "'") continue;
    const rest = value.slice(1);
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest) : /'/.test(rest.replace(/''/g, ''));
    if (!closed) return { kind: 'unclosed-quote', line: i + 1, column: (lines[i] ?? '').indexOf(quote) + 1, key: m[2]!, quote };
  }
  return undefined;
}

/** The first line deeper than the key line before it that opened no block (`title: x` then `  region: y`). */
function indentationHint(lines: readonly string[], from: number): YamlHint | undefined {
  for (let i = Math.max(1, from); i < lines.length; i++) {
    const line = lines[i] ?? '';
    const before = lines[i - 1] ?? '';
    if (line.trim() === '' || before.trim() === '') continue;
    const prev = KEY_VALUE.exec(before);
    const opensBlock = prev !== null && (prev[3] === undefined || prev[3].trim() === '' || /^[|>]/.test(prev[3].trim()));
    if (indentOf(line) > indentOf(before) && !opensBlock) return { kind: 'indentation', line: i + 1, column: indentOf(line) + 1 };
    if (indentOf(line) < indentOf(before) && i > 1 && indentOf(line) !== 0) return { kind: 'indentation', line: i + 1, column: indentOf(line) + 1 };
  }
  return undefined;
}

/**
 * Explains a YAML parser error (code and 1-based position in `yaml`, whose line numbers are the
 * file's) as one of the mistakes editors make most. Undefined when it is none of them: the
 * parser's own words are shown then.
 */
export function explainYamlError(yaml: string, code: string, line: number, column: number, message = ''): YamlHint | undefined {
  // An open `[` or `{` is reported as an indentation error; the parser's own words fit it better.
  if (/flow/i.test(message)) return undefined;
  const lines = yaml.split('\n');
  const at = line - 1;
  const tabLine = lines.findIndex((l) => /^[ ]*\t/.test(l));
  if (code === 'TAB_AS_INDENT' || (tabLine !== -1 && tabLine <= at)) {
    const i = code === 'TAB_AS_INDENT' ? at : tabLine;
    return { kind: 'tab', line: i + 1, column: (lines[i] ?? '').indexOf('\t') + 1 };
  }
  if (code === 'MISSING_CHAR') return unclosedQuoteHint(lines, at);
  if (code === 'DUPLICATE_KEY') {
    const key = KEY_VALUE.exec(lines[at] ?? '')?.[2];
    return key ? { kind: 'duplicate-key', line, column, key } : undefined;
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    return colonHint(lines, at) ?? indentationHint(lines, at) ?? undefined;
  }
  if (code === 'BAD_INDENT') return { kind: 'indentation', line, column };
  if (code === 'UNEXPECTED_TOKEN') {
    const m = KEY_VALUE.exec(lines[at] ?? '');
    const value = m?.[3]?.trim();
    if (m && value && /^["']/.test(value)) return { kind: 'text-after-quote', line, column: (lines[at] ?? '').indexOf(value[0]!) + 1, key: m[2]! };
    return indentationHint(lines, at) ?? (indentOf(lines[at - 1] ?? '') > 0 ? { kind: 'indentation', line: line - 1, column: 1 } : undefined);
  }
  return undefined;
}
