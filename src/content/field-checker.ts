import { parseSiteDate, type SiteDate } from '../util/dates.js';
import { CONTROL_CHARACTER_IN_TEXT } from '../util/text.js';
import type { Problem } from '../model/problem.js';
import type { RuleId } from '../model/rules.js';
import type { SourceFile } from '../model/types.js';
import type { ParsedFrontmatter } from './frontmatter.js';

/** Longest title, teaser or region we accept; longer text is almost always a paste error. */
const MAX_FIELD_LENGTH = 2000;

/** A frontmatter value in a few words, for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return String(value);
}

/** Checks frontmatter fields of one source and collects their problems at the fields' positions. */
export class FieldChecker {
  readonly problems: Problem[] = [];
  constructor(
    private readonly source: SourceFile,
    private readonly fm: ParsedFrontmatter,
  ) {}

  /** Each check names its own rule: the message text is for people and may change. */
  report(ruleId: RuleId, field: string, reason: string, fix?: string, severity: Problem['severity'] = 'error'): void {
    const pos = this.fm.positionOf(field) ?? { line: 1, column: 1 };
    this.problems.push({ file: this.source.display, line: pos.line, column: pos.column, ruleId, field, reason, fix, severity });
  }

  text(field: string, value: unknown, required: boolean, allowEmpty = false): string | undefined {
    if (value === undefined || value === null) {
      if (required) this.missing(field);
      return undefined;
    }
    if (typeof value === 'number') {
      // YAML reads `01067` as 1067, `0x1F` as 31, `1.50` as 1.5 and 1e400 as Infinity: a text field
      // keeps exactly what was written, never the number YAML made of it.
      const written = this.fm.writtenText(field);
      if (written === undefined) {
        this.report('invalid-type', field, `${field} is written as a number (${String(value)}); a text field needs the text itself`, `put the text in quotes: ${field}: "…"`);
        return undefined;
      }
      value = written;
    }
    if (typeof value !== 'string') {
      this.report('invalid-type', field, `${field} must be text, found ${describe(value)}`, `write ${field}: "…" on one line`);
      return undefined;
    }
    const trimmed = value.trim();
    const control = CONTROL_CHARACTER_IN_TEXT.exec(trimmed);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      this.report('invalid-field', field, `${field} contains the invisible control character U+${code}`, 'retype the text; control characters often come from copying out of other programs');
      return undefined;
    }
    if (!allowEmpty && trimmed === '') {
      this.report('invalid-field', field, `${field} is empty`, `give the ${field} a text`);
      return undefined;
    }
    if (trimmed.length > MAX_FIELD_LENGTH) {
      this.report('invalid-field', field, `${field} is ${trimmed.length} characters long; at most ${MAX_FIELD_LENGTH} are allowed`, 'shorten it; the body is the place for long text');
      return undefined;
    }
    return trimmed;
  }

  missing(field: string): void {
    const pos = { line: 1, column: 1 };
    this.problems.push({ file: this.source.display, ...pos, ruleId: 'missing-field', field, reason: `${field} is missing`, fix: `add a line "${field}: …" to the frontmatter`, severity: 'error' });
  }

  date(field: string, value: unknown, required: boolean, timeZone: string): SiteDate | undefined {
    if (value === undefined || value === null) {
      if (required) this.missing(field);
      return undefined;
    }
    if (typeof value === 'number') {
      this.report('invalid-date', field, `${field} ${value} has only a year or a number; expected a full date YYYY-MM-DD`, `write e.g. ${field}: ${Number.isInteger(value) && value > 999 && value < 10000 ? value : 2025}-01-31`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.report('invalid-type', field, `${field} must be a date, found ${describe(value)}`, 'write YYYY-MM-DD');
      return undefined;
    }
    const result = parseSiteDate(value, timeZone);
    if (!result.ok) {
      this.report('invalid-date', field, `${field} "${value}" ${result.reason}`, 'write YYYY-MM-DD, e.g. 2025-02-13');
      return undefined;
    }
    return result.date;
  }

  unknownKeys(data: Record<string, unknown>, known: readonly string[]): void {
    for (const key of Object.keys(data)) {
      if (!known.includes(key)) this.report('unknown-key', key, `unknown key "${key}" is ignored`, `known keys: ${known.join(', ')}`, 'warning');
    }
  }
}
