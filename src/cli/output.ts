import { CommanderError } from 'commander';
import { ConfigError, ContentError } from '../model/errors.js';
import { formatText, type ReportFormat } from '../report/format.js';
import type { Problem } from '../model/problem.js';
import { ArticleExistsError } from '../commands/new.js';
import type { BuildReport } from '../build/build.js';
import { fsProblem, isFsError } from '../model/fs-errors.js';
import { ALWAYS_SHOWN_RULES } from '../model/editor-rules.js';
import { EXIT } from './options.js';
import { messages } from '../model/messages.js';

/** What the commands print: summaries, warnings, progress, and failures as problems with an exit code. */
export interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

export const defaultOutput: Output = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  isTTY: Boolean(process.stderr.isTTY) && process.env.CI !== 'true' && process.env.CI !== '1',
};

/** A command that has already said what went wrong and only needs to set the exit code. */
export class CommandExit extends Error {
  override readonly name = 'CommandExit';
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Turns any failure into a message and an exit code, in the site's language; a stack trace only for our own bugs. */
export function reportFailure(err: unknown, io: Output, root: string, language?: string): number {
  if (err instanceof CommandExit) return err.code;
  if (err instanceof ArticleExistsError) {
    io.err(messages(language).ui.new.exists({ file: err.file }));
    return EXIT.content;
  }
  if (err instanceof ContentError) {
    io.err(formatText(err.problems, root, { frames: io.isTTY, color: false, language }));
    return EXIT.content;
  }
  if (err instanceof ConfigError) {
    io.err(formatText(err.problems, root, { language }));
    return EXIT.usage;
  }
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  // Wherever a file-system failure escaped to, it is reported like every other problem.
  if (isFsError(err)) {
    io.err(formatText([fsProblem(err, root, undefined, undefined, language)], root, { language }));
    return EXIT.content;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.err(`stadtbote: ${message}`);
  if (process.env.STADTBOTE_DEBUG && err instanceof Error && err.stack) io.err(err.stack);
  return EXIT.internal;
}

export function progressLine(io: Output, language?: string): ((done: number, total: number) => void) | undefined {
  if (!io.isTTY) return undefined;
  let start: number | undefined;
  return (done, total) => {
    // One function serves every rebuild of `dev`: a finished build starts the clock afresh.
    start ??= performance.now();
    const elapsed = (performance.now() - start) / 1000;
    const eta = done > 0 ? (elapsed / done) * (total - done) : 0;
    const line = messages(language).ui.build.progress({ done, total, percent: Math.round((done / total) * 100), eta: eta.toFixed(1) });
    process.stderr.write(`\r\x1b[2K${line}`);
    if (done === total) {
      process.stderr.write('\r\x1b[2K');
      start = undefined;
    }
  };
}

/** One line naming the old addresses that only server files redirect (all of them with --verbose). */
export function serverOnlyLine(aliases: readonly string[], verbose: boolean, language?: string): string | undefined {
  if (aliases.length === 0) return undefined;
  const shown = verbose ? aliases : aliases.slice(0, 3);
  return messages(language).ui.build.serverOnly({ count: aliases.length, list: shown.join(', '), more: aliases.length - shown.length });
}

export function printWarnings(warnings: readonly Problem[], io: Output, verbose: boolean, language?: string): void {
  if (warnings.length === 0) return;
  // Without code frames the site root plays no part in the text.
  if (verbose) return io.err(formatText(warnings, '.', { language }));
  // A moved address or a leftover placeholder asks for a change in a file: always shown in full.
  const shown = warnings.filter((w) => ALWAYS_SHOWN_RULES.has(w.ruleId));
  if (shown.length > 0) io.err(formatText(shown, '.', { language }).split('\n').slice(0, -1).join('\n'));
  const rest = warnings.length - shown.length;
  if (rest > 0) io.err(messages(language).ui.report.moreWarnings({ count: rest, more: shown.length > 0 ? 'yes' : 'no' }));
}

export function builtSummary(report: BuildReport, language?: string): string {
  const t = messages(language).ui.build;
  const w = report.write;
  // Unchanged = every file not written anew: hard-linked from the live site now, or already in the
  // shadow folder from the build before with the same bytes (the writer counts only the first as linked).
  const writes = w ? t.writes({ written: w.written, linked: Math.max(0, report.files - w.written), removed: w.removed }) : '';
  return t.summary({ pages: report.pages, articles: report.articles, seconds: (report.durationMs / 1000).toFixed(2), files: report.files, writes, cache: t.cache({ state: report.cache }) });
}

/** What a build left out, and when the next scheduled article goes live: the lines after the summary. */
export function publishingLines(report: BuildReport, language?: string): string[] {
  const t = messages(language).ui.build;
  const ex = report.excluded;
  const lines: string[] = [];
  if (ex.drafts + ex.future + ex.expired > 0) lines.push(t.excluded({ drafts: ex.drafts, future: ex.future, expired: ex.expired }));
  if (report.nextScheduled) lines.push(t.nextScheduled({ date: report.nextScheduled.date, file: report.nextScheduled.src }));
  return lines;
}

export interface OutputFlags {
  quiet?: boolean;
  verbose?: boolean;
}

export const FORMATS: readonly ReportFormat[] = ['text', 'json', 'github'];
