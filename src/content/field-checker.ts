import { parseSiteDate, type SiteDate } from '../util/dates.js';
import { CONTROL_CHARACTER_IN_TEXT } from '../util/text.js';
import type { Problem } from '../model/problem.js';
import type { RuleId } from '../model/rules.js';
import { messages, rulesIn, type MessageCatalogue, type ProblemText } from '../model/messages.js';
import type { SourceFile } from '../model/types.js';
import type { ParsedFrontmatter } from './frontmatter.js';

/** Longest title, teaser or region we accept; longer text is almost always a paste error. */
const MAX_FIELD_LENGTH = 2000;

/** A frontmatter value in a few words, for messages, in the site's language. */
export function describe(value: unknown, language = 'de'): string {
  const found = messages(language).ui.found;
  if (value === null) return found.empty;
  if (Array.isArray(value)) return found.list;
  if (typeof value === 'object') return found.mapping;
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return String(value);
}

/** Checks frontmatter fields of one source and collects their problems at the fields' positions. */
export class FieldChecker {
  readonly problems: Problem[] = [];
  /** The messages of the site's language, by rule id. */
  readonly t: MessageCatalogue['rules'];
  constructor(
    private readonly source: SourceFile,
    private readonly fm: ParsedFrontmatter,
    readonly language = 'de',
  ) {
    this.t = rulesIn(language);
  }

  /** `report` with the words of the catalogue: `check.say('invalid-field', 'slug', t => t.slugTooLong(…))`. */
  say<R extends RuleId>(ruleId: R, field: string, text: (t: MessageCatalogue['rules'][R]) => ProblemText, severity: Problem['severity'] = 'error'): void {
    const { reason, fix } = text(this.t[ruleId]);
    this.report(ruleId, field, reason, fix, severity);
  }

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
        this.say('invalid-type', field, (t) => t.numberAsText({ field, value: String(value) }));
        return undefined;
      }
      value = written;
    }
    if (typeof value !== 'string') {
      this.say('invalid-type', field, (t) => t.notText({ field, found: describe(value, this.language) }));
      return undefined;
    }
    const trimmed = value.trim();
    const control = CONTROL_CHARACTER_IN_TEXT.exec(trimmed);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      this.say('invalid-field', field, (t) => t.controlCharacter({ field, code }));
      return undefined;
    }
    if (!allowEmpty && trimmed === '') {
      this.say('invalid-field', field, (t) => t.empty({ field }));
      return undefined;
    }
    if (trimmed.length > MAX_FIELD_LENGTH) {
      this.say('invalid-field', field, (t) => t.tooLong({ field, length: trimmed.length, max: MAX_FIELD_LENGTH }));
      return undefined;
    }
    return trimmed;
  }

  /** A required field that is not there, or whose line has no value (`title:`): then at that line. */
  missing(field: string): void {
    const at = this.fm.positionOf(field);
    const text = at === undefined ? this.t['missing-field'].missing({ field }) : this.t['missing-field'].empty({ field });
    this.problems.push({ file: this.source.display, ...(at ?? { line: 1, column: 1 }), ruleId: 'missing-field', field, ...text, severity: 'error' });
  }

  date(field: string, value: unknown, required: boolean, timeZone: string): SiteDate | undefined {
    if (value === undefined || value === null) {
      if (required) this.missing(field);
      return undefined;
    }
    if (typeof value === 'number') {
      const example = String(Number.isInteger(value) && value > 999 && value < 10000 ? value : 2025);
      this.say('invalid-date', field, (t) => t.yearOnly({ field, value: String(value), example }));
      return undefined;
    }
    if (typeof value !== 'string') {
      this.say('invalid-type', field, (t) => t.notDate({ field, found: describe(value, this.language) }));
      return undefined;
    }
    const result = parseSiteDate(value, timeZone);
    if (!result.ok) {
      const fault = result.fault;
      this.say('invalid-date', field, (t) => t[fault]({ field, value }));
      return undefined;
    }
    return result.date;
  }

  unknownKeys(data: Record<string, unknown>, known: readonly string[]): void {
    for (const key of Object.keys(data)) {
      if (!known.includes(key)) this.say('unknown-key', key, (t) => t.unknown({ key, known: known.join(', ') }), 'warning');
    }
  }
}
