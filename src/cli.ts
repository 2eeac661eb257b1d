import { Command } from 'commander';
import { build, type BuildOptions } from './build/build.js';
import { VERSION } from './version.js';
import { EXIT, type SiteFlags, addSiteOptions, addPublishingOptions, publishingOptions, siteOptions } from './cli/options.js';
import { type Output, defaultOutput, reportFailure, progressLine, serverOnlyLine, printWarnings, builtSummary, publishingLines } from './cli/output.js';
import { siteLanguage } from './config/language.js';
import { addCheckCommand, addInitCommand, addNewCommand } from './cli/editing.js';
import { addDevCommand } from './cli/dev.js';
import { addImportCommand } from './cli/import.js';
import { usageError } from './cli/usage.js';
import { defaultLanguage, messages } from './model/messages.js';

export { EXIT } from './cli/options.js';
export { serverOnlyLine } from './cli/output.js';

/**
 * The command line: commander parses, the library works. Each command's wiring is in src/cli/;
 * this file builds the program and runs it.
 */
export function createProgram(io: Output = defaultOutput): Command {
  const program = new Command();
  program
    .name('stadtbote')
    .description('Static site generator for municipal digital-news archives')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()), outputError: (s, write) => write(usageError(s)) })
    .showHelpAfterError(messages(defaultLanguage()).ui.usage.help);

  addSiteOptions(
    addPublishingOptions(program.command('build'))
      .description('build the site from content/ into dist/')
      .option('--no-search', 'skip the search index')
      .option('--no-cache', 'ignore the build cache')
      .option('-q, --quiet', 'print only errors')
      .option('-v, --verbose', 'list every warning and every old address only the server files redirect'),
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
      // Every line in the site's language (`language:` of its config).
      const language = siteLanguage(flags);
      const progress = flags.quiet ? undefined : progressLine(io, language);
      if (progress) options.onProgress = progress;
      const report = await build(options);
      if (!flags.quiet) printWarnings(report.warnings, io, !!flags.verbose, language);
      if (!flags.quiet) {
        io.out(builtSummary(report, language));
        for (const line of publishingLines(report, language)) io.out(line);
        const serverOnly = serverOnlyLine(report.serverOnlyAliases, !!flags.verbose, language);
        if (serverOnly) io.out(serverOnly);
      }
    });

  addCheckCommand(program, io);
  addInitCommand(program, io);
  addNewCommand(program, io);
  addDevCommand(program, io);
  addImportCommand(program, io);
  return program;
}

export async function main(argv: readonly string[], io: Output = defaultOutput): Promise<number> {
  const program = createProgram(io);
  // Code frames read the problem's file relative to the site root the command was given.
  let root = '.';
  // Failures are reported in the site's language: the config's `language:`, else German (config/language.ts).
  let language: string | undefined;
  program.hook('preAction', (_program, command) => {
    const opts = command.opts<{ root?: string; config?: string }>();
    root = opts.root ?? '.';
    language = siteLanguage(opts);
  });
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    return reportFailure(err, io, root, language);
  }
}
