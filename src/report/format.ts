import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { codeFrameColumns } from '../util/vendor.js';
import { messages } from '../model/messages.js';
import type { Problem } from '../model/problem.js';
import { isInside, relativePath } from '../util/files.js';
import { normalizeNewlines } from '../util/text.js';

export type ReportFormat = 'text' | 'json' | 'github';

/** `file:line:col`, or as much of it as is known. */
export function location(p: Problem): string {
  return p.line === undefined ? p.file : `${p.file}:${p.line}${p.column === undefined ? '' : `:${p.column}`}`;
}

/** The source line with a marker under the column, when the file can be read. */
function codeFrame(p: Problem, root: string, color: boolean): string | undefined {
  if (p.line === undefined) return undefined;
  try {
    const text = normalizeNewlines(readFileSync(path.resolve(root, p.file), 'utf8'));
    if (text.length > 2_000_000) return undefined;
    return codeFrameColumns(text, { start: { line: p.line, column: p.column ?? 1 } }, { highlightCode: false, forceColor: color, linesAbove: 1, linesBelow: 1 });
  } catch {
    return undefined;
  }
}

/**
 * One line per problem: `file:line:col: Fehler: message [rule]`, then the fix; the same text in
 * build, check and dev, in the site's language. The rule id stays English: editors and CI search for it.
 */
export function formatProblem(p: Problem, language?: string): string {
  const t = messages(language).ui.report;
  const field = p.field ? ` (${p.field})` : '';
  const fixLabel = `  ${t.fix}: `;
  const fix = p.fix ? `\n${fixLabel}${p.fix.replace(/\n/g, `\n${' '.repeat(fixLabel.length)}`)}` : '';
  return `${location(p)}: ${t[p.severity]}: ${p.reason}${field} [${p.ruleId}]${fix}`;
}

/**
 * Problems name files relative to the site folder. When the site lies inside the working folder
 * (a site in a monorepo, built with --root), they are shown relative to the working folder instead,
 * so that editors, terminals and GitHub annotations find the file.
 */
function fromWorkingFolder(p: Problem, root: string, cwd: string): Problem {
  const abs = path.resolve(root, p.file);
  if (path.resolve(root) === cwd || !isInside(cwd, abs) || !existsSync(abs)) return p;
  return { ...p, file: relativePath(cwd, abs) };
}

export interface FormatOptions {
  frames?: boolean;
  color?: boolean;
  /** The folder paths are shown relative to when the site lies inside it; default: the process's. */
  cwd?: string;
  /** The site's language (`language:` in the config); German when not given. */
  language?: string;
}

export function formatText(problems: readonly Problem[], root: string, options: FormatOptions = {}): string {
  const parts: string[] = [];
  const cwd = options.cwd ?? process.cwd();
  for (const p of problems) {
    parts.push(formatProblem(fromWorkingFolder(p, root, cwd), options.language));
    if (options.frames) {
      const frame = codeFrame(p, root, options.color ?? false);
      if (frame) parts.push(frame.replace(/^/gm, '  '));
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  parts.push(messages(options.language).ui.report.totals({ errors, warnings }));
  return parts.join('\n');
}

export function formatJson(problems: readonly Problem[]): string {
  return JSON.stringify({ errors: problems.filter((p) => p.severity === 'error').length, warnings: problems.filter((p) => p.severity === 'warning').length, problems }, null, 2);
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands, so a pull request shows each problem on its line. */
export function formatGithub(problems: readonly Problem[]): string {
  return problems
    .map((p) => {
      const props = [`file=${escapeProperty(p.file)}`];
      if (p.line !== undefined) props.push(`line=${p.line}`);
      if (p.column !== undefined) props.push(`col=${p.column}`);
      props.push(`title=${escapeProperty(p.ruleId)}`);
      const text = p.reason + (p.field ? ` (${p.field})` : '') + (p.fix ? ` — ${p.fix}` : '');
      return `::${p.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(text)}`;
    })
    .join('\n');
}

export function formatProblems(problems: readonly Problem[], format: ReportFormat, root: string, options: FormatOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  if (format === 'json') return formatJson(problems.map((p) => fromWorkingFolder(p, root, cwd)));
  if (format === 'github') return formatGithub(problems.map((p) => fromWorkingFolder(p, root, cwd)));
  return formatText(problems, root, options);
}
