import { Command } from 'commander';
import { formatProblems, formatText, type ReportFormat } from '../report/format.js';
import { checkSite } from '../commands/check.js';
import { newArticle } from '../commands/new.js';
import { initFromFlags, type InitFlags } from '../commands/init-interactive.js';
import { EXIT, type SiteFlags, addSiteOptions, addPublishingOptions, publishingOptions, siteOptions } from './options.js';
import { type Output, CommandExit, progressLine, type OutputFlags, FORMATS } from './output.js';

/** The editors' commands: check, init, new. */
export function addCheckCommand(program: Command, io: Output): void {
  addSiteOptions(
    addPublishingOptions(program.command('check'))
      .description('validate everything a build would, without writing output')
      .option('--format <format>', 'text, json (for tools) or github (pull-request annotations)', 'text')
      .option('--strict', 'count moved addresses and leftover placeholders as errors (for CI)')
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
  $ stadtbote check --strict          # in CI: a moved address or a placeholder fails the check

Exit codes: 0 no errors (warnings allowed), 1 content errors, 2 usage or config errors.`,
    )
    .action(async (flags: SiteFlags & OutputFlags & { format: string; drafts?: boolean; future?: boolean; strict?: boolean }) => {
      const format = flags.format as ReportFormat;
      if (!FORMATS.includes(format)) {
        io.err(`stadtbote: --format "${flags.format}" is not supported; use ${FORMATS.join(', ')}`);
        throw new CommandExit(EXIT.usage);
      }
      const options = { ...siteOptions(flags), ...publishingOptions(flags), search: false, strict: !!flags.strict };
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

export function addInitCommand(program: Command, io: Output): void {
  program
    .command('init')
    .description('create a site repository: config, content with an example and the legal pages, CI, README')
    .argument('[dir]', 'folder of the new site (new or empty)', '.')
    .option('--title <text>', 'site name')
    .option('--base-url <url>', 'address the site is published at, e.g. https://example.org/presse/')
    .option('--timezone <zone>', 'time zone of the dates, e.g. Europe/Berlin')
    .option('--region <name>', 'a known region (repeat for several)', (value: string, all: string[] = []) => [...all, value])
    .option('--stadtbote <spec>', 'what package.json depends on: a version, a tarball (file:…tgz) or a git URL')
    .addHelpText(
      'after',
      `
Examples:
  $ stadtbote init landkreis-presse --title "Landkreis Musterland" --base-url https://www.musterland.de/presse/ --region Nord --region Süd
  $ stadtbote init            # on a terminal: asks for title, address, time zone and regions

Without a terminal (scripts, CI) the flags and defaults are used. Refuses a folder that is not empty.`,
    )
    .action(async (dir: string, flags: InitFlags) => {
      const interactive = io.isTTY && Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY);
      for (const line of await initFromFlags(dir, flags, interactive)) io.out(line);
    });
}

export function addNewCommand(program: Command, io: Output): void {
  addSiteOptions(
    program
      .command('new')
      .description('write a new article with valid frontmatter to content/<year>/<date>-<slug>.md')
      .argument('<title>', 'the headline, e.g. "Neue Digitalstrategie vorgestellt"')
      .requiredOption('--region <name>', 'region the article is about, e.g. Potsdam')
      .option('--date <YYYY-MM-DD>', "publication day (default: today in the site's time zone)")
      .option('--teaser <text>', 'one or two sentences for lists and feeds')
      .option('--slug <slug>', 'file name and address part instead of the one made from the title'),
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
