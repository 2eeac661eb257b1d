import { Command, CommanderError } from 'commander';
import { build, type BuildOptions } from './core/build.js';
import { ConfigError, ContentError } from './core/errors.js';
import { formatProblems, formatText } from './report/format.js';
import { VERSION } from './version.js';
import type { Problem } from './core/problem.js';

/** Exit codes: 0 success, 1 content errors, 2 usage or configuration errors, 3 unexpected failure. */
export const EXIT = { ok: 0, content: 1, usage: 2, internal: 3 } as const;

interface SiteFlags {
  root?: string;
  content?: string;
  out?: string;
  config?: string;
  baseUrl?: string;
  templates?: string;
  cacheDir?: string;
}

export function addSiteOptions(cmd: Command): Command {
  return cmd
    .option('--root <dir>', 'site folder (default: the current folder)')
    .option('--content <dir>', 'content folder (default: ROOT/content)')
    .option('--templates <dir>', 'templates that override the default theme (default: ROOT/templates)')
    .option('--out <dir>', 'output folder (default: ROOT/dist)')
    .option('--config <file>', 'config file (default: ROOT/stadtbote.config.yaml or .json)')
    .option('--base-url <url>', 'absolute URL the site is served at, e.g. https://example.org/presse/')
    .option('--cache-dir <dir>', 'build cache folder (default: ROOT/.stadtbote-cache)');
}

export function siteOptions(flags: SiteFlags): BuildOptions {
  const o: BuildOptions = {};
  if (flags.root) o.root = flags.root;
  if (flags.content) o.content = flags.content;
  if (flags.out) o.out = flags.out;
  if (flags.config) o.config = flags.config;
  if (flags.baseUrl) o.baseUrl = flags.baseUrl;
  if (flags.templates) o.templates = flags.templates;
  if (flags.cacheDir) o.cacheDir = flags.cacheDir;
  return o;
}

export interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

const defaultOutput: Output = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  isTTY: Boolean(process.stderr.isTTY) && process.env.CI !== 'true' && process.env.CI !== '1',
};

/** Turns any failure into a message and an exit code; a stack trace only for our own bugs. */
export function reportFailure(err: unknown, io: Output, root: string): number {
  if (err instanceof ContentError) {
    io.err(formatText(err.problems, root, { frames: io.isTTY, color: false }));
    return EXIT.content;
  }
  if (err instanceof ConfigError) {
    io.err(formatText(err.problems, root));
    return EXIT.usage;
  }
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  const message = err instanceof Error ? err.message : String(err);
  io.err(`stadtbote: ${message}`);
  if (process.env.STADTBOTE_DEBUG && err instanceof Error && err.stack) io.err(err.stack);
  return EXIT.internal;
}

function progressLine(io: Output): ((done: number, total: number) => void) | undefined {
  if (!io.isTTY) return undefined;
  const start = performance.now();
  return (done, total) => {
    const elapsed = (performance.now() - start) / 1000;
    const eta = done > 0 ? (elapsed / done) * (total - done) : 0;
    process.stderr.write(`\r\x1b[2Krendering ${done}/${total} · ${Math.round((done / total) * 100)}% · ETA ${eta.toFixed(1)} s`);
    if (done === total) process.stderr.write('\r\x1b[2K');
  };
}

export function printWarnings(warnings: readonly Problem[], io: Output, root: string, verbose: boolean): void {
  if (warnings.length === 0) return;
  if (verbose) io.err(formatProblems(warnings, 'text', root));
  else io.err(`${warnings.length} warning${warnings.length === 1 ? '' : 's'} (run with --verbose to list them)`);
}

export function createProgram(io: Output = defaultOutput): Command {
  const program = new Command();
  program
    .name('stadtbote')
    .description('Static site generator for municipal digital-news archives')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError('(run with --help for usage)');

  addSiteOptions(
    program
      .command('build')
      .description('build the site from content/ into dist/')
      .option('--drafts', 'include articles marked draft: true')
      .option('--future', 'include articles dated in the future')
      .option('--no-search', 'skip the search index')
      .option('--no-cache', 'ignore the build cache')
      .option('-q, --quiet', 'print only errors')
      .option('-v, --verbose', 'list warnings and what was written'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ stadtbote build
  $ stadtbote build --base-url https://example.org/presse/
  $ stadtbote build --root ../stadtportal --out public --drafts

Exit codes: 0 built, 1 content errors (nothing written), 2 usage or config errors.`,
    )
    .action(async (flags: SiteFlags & { drafts?: boolean; future?: boolean; search: boolean; cache: boolean; quiet?: boolean; verbose?: boolean }) => {
      const options: BuildOptions = { ...siteOptions(flags), drafts: !!flags.drafts, future: !!flags.future, noCache: !flags.cache };
      if (!flags.search) options.search = false;
      const progress = flags.quiet ? undefined : progressLine(io);
      if (progress) options.onProgress = progress;
      const report = await build(options);
      const root = options.root ?? '.';
      if (!flags.quiet) printWarnings(report.warnings, io, root, !!flags.verbose);
      if (!flags.quiet) {
        const w = report.write;
        const writes = w ? `, ${w.written} written, ${w.linked} unchanged carried over, ${w.removed} removed` : '';
        io.out(`Built ${report.pages} pages from ${report.articles} articles in ${(report.durationMs / 1000).toFixed(2)} s (${report.files} files${writes}; cache: ${report.cache}).`);
        const ex = report.excluded;
        if (ex.drafts + ex.future + ex.expired > 0) io.out(`Not published: ${ex.drafts} draft(s), ${ex.future} scheduled, ${ex.expired} expired.`);
        if (report.nextScheduled) io.out(`Next scheduled article goes live on ${report.nextScheduled.date} (${report.nextScheduled.src}); rebuild then.`);
      }
    });
  return program;
}

export async function main(argv: readonly string[], io: Output = defaultOutput): Promise<number> {
  const program = createProgram(io);
  let root = '.';
  const rootAt = argv.indexOf('--root');
  if (rootAt !== -1 && argv[rootAt + 1]) root = argv[rootAt + 1]!;
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    return reportFailure(err, io, root);
  }
}
