import { Command, CommanderError } from 'commander';
import { build, type BuildOptions } from './build/build.js';
import { ConfigError, ContentError } from './model/errors.js';
import { formatProblems, formatText, type ReportFormat } from './report/format.js';
import { VERSION } from './version.js';
import type { Problem } from './model/problem.js';
import { checkSite } from './commands/check.js';
import { ArticleExistsError, newArticle } from './commands/new.js';
import { startDevServer, type DevEvent } from './dev/server.js';
import type { BuildReport } from './build/build.js';
import { fsProblem, isFsError } from './model/fs-errors.js';

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

/** `--drafts` and `--future`: which unpublished articles a command includes. */
export function addPublishingOptions(cmd: Command): Command {
  return cmd.option('--drafts', 'include articles marked draft: true').option('--future', 'include articles dated in the future');
}

export function publishingOptions(flags: { drafts?: boolean; future?: boolean }): Pick<BuildOptions, 'drafts' | 'future'> {
  return { drafts: !!flags.drafts, future: !!flags.future };
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

function progressLine(io: Output): ((done: number, total: number) => void) | undefined {
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
  if (verbose) io.err(formatText(warnings, '.'));
  else io.err(`${warnings.length} warning${warnings.length === 1 ? '' : 's'} (run with --verbose to list them)`);
}

function builtSummary(report: BuildReport): string {
  const w = report.write;
  const writes = w ? `, ${w.written} written, ${w.linked} unchanged carried over, ${w.removed} removed` : '';
  return `Built ${count(report.pages, 'page')} from ${count(report.articles, 'article')} in ${(report.durationMs / 1000).toFixed(2)} s (${count(report.files, 'file')}${writes}; cache: ${report.cache}).`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

interface OutputFlags {
  quiet?: boolean;
  verbose?: boolean;
}

const FORMATS: readonly ReportFormat[] = ['text', 'json', 'github'];

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
    addPublishingOptions(program.command('build'))
      .description('build the site from content/ into dist/')
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
      const options: BuildOptions = { ...siteOptions(flags), ...publishingOptions(flags), noCache: !flags.cache };
      if (!flags.search) options.search = false;
      const progress = flags.quiet ? undefined : progressLine(io);
      if (progress) options.onProgress = progress;
      const report = await build(options);
      if (!flags.quiet) printWarnings(report.warnings, io, !!flags.verbose);
      if (!flags.quiet) {
        io.out(builtSummary(report));
        const ex = report.excluded;
        if (ex.drafts + ex.future + ex.expired > 0) io.out(`Not published: ${ex.drafts} draft(s), ${ex.future} scheduled, ${ex.expired} expired.`);
        if (report.nextScheduled) io.out(`Next scheduled article goes live on ${report.nextScheduled.date} (${report.nextScheduled.src}); rebuild then.`);
        const serverOnly = serverOnlyLine(report.serverOnlyAliases, !!flags.verbose);
        if (serverOnly) io.out(serverOnly);
      }
    });

  addCheckCommand(program, io);
  addNewCommand(program, io);
  addDevCommand(program, io);
  return program;
}

function addCheckCommand(program: Command, io: Output): void {
  addSiteOptions(
    addPublishingOptions(program.command('check'))
      .description('validate everything a build would, without writing output')
      .option('--format <format>', 'text, json (for tools) or github (pull-request annotations)', 'text')
      .option('-q, --quiet', 'print only errors')
      .option('-v, --verbose', 'also print a summary when everything is fine'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ stadtbote check
  $ stadtbote check --format github   # in GitHub Actions: errors show on the pull request's lines
  $ stadtbote check --format json > problems.json

Exit codes: 0 no errors (warnings allowed), 1 content errors, 2 usage or config errors.`,
    )
    .action(async (flags: SiteFlags & OutputFlags & { format: string; drafts?: boolean; future?: boolean }) => {
      const format = flags.format as ReportFormat;
      if (!FORMATS.includes(format)) {
        io.err(`stadtbote: --format "${flags.format}" is not supported; use ${FORMATS.join(', ')}`);
        throw new CommandExit(EXIT.usage);
      }
      const options = { ...siteOptions(flags), ...publishingOptions(flags), search: false };
      const progress = flags.quiet || format !== 'text' ? undefined : progressLine(io);
      const result = await checkSite(progress ? { ...options, onProgress: progress } : options);
      const shown = flags.quiet ? result.problems.filter((p) => p.severity === 'error') : result.problems;
      if (format === 'json') io.out(formatProblems(result.problems, 'json', result.root));
      else if (format === 'github') {
        if (shown.length > 0) io.out(formatProblems(shown, 'github', result.root));
      } else if (shown.length > 0) io.err(formatText(shown, result.root, { frames: io.isTTY }));
      else if (!flags.quiet && flags.verbose) io.out('No problems found.');
      if (result.errors > 0) throw new CommandExit(EXIT.content);
    });
}

function addNewCommand(program: Command, io: Output): void {
  addSiteOptions(
    program
      .command('new')
      .description('write a new article with valid frontmatter to content/<year>/<date>-<slug>.md')
      .argument('<title>', 'the headline, e.g. "Neue Digitalstrategie vorgestellt"')
      .requiredOption('--region <name>', 'region the article is about, e.g. Potsdam')
      .option('--date <YYYY-MM-DD>', "publication day (default: today in the site's time zone)")
      .option('--teaser <text>', 'one or two sentences for lists and feeds')
      .option('--slug <slug>', 'URL part instead of the one made from the title'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ stadtbote new "Neue Digitalstrategie vorgestellt" --region Potsdam
  $ stadtbote new "Bürgerportal startet" --region Cottbus --date 2025-03-01 --teaser "Ab März online."

Prints the path of the new file. Never overwrites an existing file (exit 1).`,
    )
    .action((title: string, flags: SiteFlags & { region: string; date?: string; teaser?: string; slug?: string }) => {
      const created = newArticle({
        ...siteOptions(flags),
        title,
        region: flags.region,
        ...(flags.date !== undefined ? { date: flags.date } : {}),
        ...(flags.teaser !== undefined ? { teaser: flags.teaser } : {}),
        ...(flags.slug !== undefined ? { slug: flags.slug } : {}),
      });
      io.out(created.display);
    });
}

function devReporter(io: Output, flags: OutputFlags): (event: DevEvent) => void {
  return (event) => {
    switch (event.type) {
      case 'listening':
        io.out(`Stadtbote dev server: ${event.url} (Ctrl-C to stop)`);
        break;
      case 'change':
        if (flags.verbose) io.out(`Changed: ${event.files.join(', ')}`);
        else if (!flags.quiet) io.out(`Rebuilding (${event.files.length} changed file${event.files.length === 1 ? '' : 's'})…`);
        break;
      case 'built':
        if (!flags.quiet) {
          printWarnings(event.report.warnings, io, !!flags.verbose);
          io.out(builtSummary(event.report));
        }
        break;
      case 'search-indexed':
        if (!flags.quiet) io.out(`Search index updated (${count(event.report.articles, 'article')}).`);
        break;
      case 'problems':
        // The same text as `build` prints, so an editor recognises it wherever it appears.
        io.err(formatText(event.problems, event.root, { frames: io.isTTY, color: false }));
        break;
      case 'failed':
        io.err(`stadtbote: ${event.error instanceof Error ? event.error.message : String(event.error)}`);
        break;
    }
  };
}

function addDevCommand(program: Command, io: Output): void {
  addSiteOptions(
    addPublishingOptions(program.command('dev'))
      .description('build, serve on 127.0.0.1 and rebuild and reload open pages on every change')
      .option('--port <port>', 'port to listen on (0 picks a free one)', '4000')
      .option('--host <host>', 'interface to bind; other machines can reach the server only if you change this', '127.0.0.1')
      .option('-q, --quiet', 'print only errors')
      .option('-v, --verbose', 'list changed files and warnings'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ stadtbote dev
  $ stadtbote dev --port 8080 --drafts

The preview is written to ROOT/.stadtbote-dev (not dist/, whose links point at the real site)
unless --out is given. Stops with Ctrl-C.`,
    )
    .action(async (flags: SiteFlags & OutputFlags & { port: string; host: string; drafts?: boolean; future?: boolean }) => {
      const port = Number(flags.port);
      if (!/^\d+$/.test(flags.port) || port > 65535) {
        io.err(`stadtbote: --port "${flags.port}" is not a port number (0–65535)`);
        throw new CommandExit(EXIT.usage);
      }
      const { baseUrl: _ignored, ...site } = siteOptions(flags);
      const progress = flags.quiet ? undefined : progressLine(io);
      // Listen for Ctrl-C before anything starts, so that a signal during the first build still stops cleanly.
      const stopped = new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      const server = await startDevServer({
        ...site,
        port,
        host: flags.host,
        ...publishingOptions(flags),
        ...(progress ? { onProgress: progress } : {}),
        onEvent: devReporter(io, flags),
      }).catch((err: unknown) => {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || code === 'EACCES') {
          io.err(`stadtbote: cannot listen on ${flags.host}:${flags.port} (${code}); choose another with --port or --host`);
          throw new CommandExit(EXIT.usage);
        }
        throw err;
      });
      await stopped;
      await server.close();
      if (!flags.quiet) io.out('Dev server stopped.');
    });
}

export async function main(argv: readonly string[], io: Output = defaultOutput): Promise<number> {
  const program = createProgram(io);
  // Code frames read the problem's file relative to the site root the command was given.
  let root = '.';
  program.hook('preAction', (_program, command) => {
    root = command.opts<{ root?: string }>().root ?? '.';
  });
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    return reportFailure(err, io, root);
  }
}
