import { CommanderError } from 'commander';
import { ConfigError, ContentError } from '../model/errors.js';
import { formatText, type ReportFormat } from '../report/format.js';
import type { Problem } from '../model/problem.js';
import { ArticleExistsError } from '../commands/new.js';
import type { BuildReport } from '../build/build.js';
import { fsProblem, isFsError } from '../model/fs-errors.js';
import { ALWAYS_SHOWN_RULES } from '../model/editor-rules.js';
import { EXIT } from './options.js';

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

/** Turns any failure into a message and an exit code; a stack trace only for our own bugs. */
export function reportFailure(err: unknown, io: Output, root: string): number {
  if (err instanceof CommandExit) return err.code;
  if (err instanceof ArticleExistsError) {
    io.err(`stadtbote: ${err.message}`);
    return EXIT.content;
  }
  if (err instanceof ContentError) {
    io.err(formatText(err.problems, root, { frames: io.isTTY, color: false }));
    return EXIT.content;
  }
  if (err instanceof ConfigError) {
    io.err(formatText(err.problems, root));
    return EXIT.usage;
  }
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  // Wherever a file-system failure escaped to, it is reported like every other problem.
  if (isFsError(err)) {
    io.err(formatText([fsProblem(err, root)], root));
    return EXIT.content;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.err(`stadtbote: ${message}`);
  if (process.env.STADTBOTE_DEBUG && err instanceof Error && err.stack) io.err(err.stack);
  return EXIT.internal;
}

export function progressLine(io: Output): ((done: number, total: number) => void) | undefined {
  if (!io.isTTY) return undefined;
  let start: number | undefined;
  return (done, total) => {
    // One function serves every rebuild of `dev`: a finished build starts the clock afresh.
    start ??= performance.now();
    const elapsed = (performance.now() - start) / 1000;
    const eta = done > 0 ? (elapsed / done) * (total - done) : 0;
    process.stderr.write(`\r\x1b[2Krendering ${done}/${total} · ${Math.round((done / total) * 100)}% · ETA ${eta.toFixed(1)} s`);
    if (done === total) {
      process.stderr.write('\r\x1b[2K');
      start = undefined;
    }
  };
}

/** One line naming the old addresses that only server files redirect (all of them with --verbose). */
export function serverOnlyLine(aliases: readonly string[], verbose: boolean): string | undefined {
  if (aliases.length === 0) return undefined;
  const shown = verbose ? aliases : aliases.slice(0, 3);
  const more = aliases.length - shown.length;
  return `${aliases.length} old address${aliases.length === 1 ? '' : 'es'} outside the base path or with a query redirect only with the server files (nginx-*.conf, .htaccess, _redirects): ${shown.join(', ')}${more > 0 ? ` and ${more} more (--verbose lists them)` : ''}`;
}

export function printWarnings(warnings: readonly Problem[], io: Output, verbose: boolean): void {
  if (warnings.length === 0) return;
  // Without code frames the site root plays no part in the text.
  if (verbose) return io.err(formatText(warnings, '.'));
  // A moved address or a leftover placeholder asks for a change in a file: always shown in full.
  const shown = warnings.filter((w) => ALWAYS_SHOWN_RULES.has(w.ruleId));
  if (shown.length > 0) io.err(formatText(shown, '.').split('\n').slice(0, -1).join('\n'));
  const rest = warnings.length - shown.length;
  if (rest > 0) io.err(`${rest} ${shown.length > 0 ? 'more ' : ''}warning${rest === 1 ? '' : 's'} (run with --verbose to list them)`);
}

export function builtSummary(report: BuildReport): string {
  const w = report.write;
  const writes = w ? `, ${w.written} written, ${w.linked} unchanged carried over, ${w.removed} removed` : '';
  return `Built ${count(report.pages, 'page')} from ${count(report.articles, 'article')} in ${(report.durationMs / 1000).toFixed(2)} s (${count(report.files, 'file')}${writes}; cache: ${report.cache}).`;
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export interface OutputFlags {
  quiet?: boolean;
  verbose?: boolean;
}

export const FORMATS: readonly ReportFormat[] = ['text', 'json', 'github'];
