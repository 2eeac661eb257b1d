import { Command } from 'commander';
import { formatText } from '../report/format.js';
import { startDevServer, type DevEvent } from '../dev/start.js';
import { EXIT, type SiteFlags, addSiteOptions, addPublishingOptions, publishingOptions, siteOptions } from './options.js';
import { type Output, CommandExit, progressLine, printWarnings, builtSummary, type OutputFlags } from './output.js';
import { siteLanguage } from '../config/language.js';
import { messages } from '../model/messages.js';

/** `stadtbote dev`: the live preview, and what it tells the terminal. */
function devReporter(io: Output, flags: OutputFlags, language: string): (event: DevEvent) => void {
  const t = messages(language).ui.dev;
  return (event) => {
    switch (event.type) {
      case 'listening':
        io.out(t.started({ url: event.url }));
        break;
      case 'exposed':
        io.err(t.exposed({ host: event.host }));
        break;
      case 'change':
        if (flags.verbose) io.out(t.changed({ files: event.files.join(', ') }));
        else if (!flags.quiet) io.out(t.rebuilding({ count: event.files.length }));
        break;
      case 'built':
        if (!flags.quiet) {
          printWarnings(event.report.warnings, io, !!flags.verbose, language);
          io.out(builtSummary(event.report, language));
        }
        break;
      case 'search-indexed':
        if (!flags.quiet) io.out(t.searchUpdated({ articles: event.report.articles }));
        break;
      case 'problems':
        // The same text as `build` prints, so an editor recognises it wherever it appears.
        io.err(formatText(event.problems, event.root, { frames: io.isTTY, color: false, language }));
        break;
      case 'failed':
        io.err(t.failed({ detail: event.error instanceof Error ? event.error.message : String(event.error) }));
        break;
      case 'cms':
        io.out(t.cms({ url: event.url }));
        break;
      case 'cms-log':
        io.err(`decap-server: ${event.line}`);
        break;
    }
  };
}

export function addDevCommand(program: Command, io: Output): void {
  addSiteOptions(
    addPublishingOptions(program.command('dev'))
      .description('build, serve on 127.0.0.1 under the base path and rebuild and reload open pages on every change')
      .option('--port <port>', 'port to listen on (0 picks a free one)', '4000')
      .option('--host <host>', 'interface to bind; other machines can reach the server only if you change this', '127.0.0.1')
      .option('--cms', 'also serve the web editor at /admin/ with Decap\'s local backend, which saves into this folder')
      .option('--cms-port <port>', 'port of the local backend (decap-server) on 127.0.0.1; 0 picks a free one', '0')
      .option('-q, --quiet', 'print only errors')
      .option('-v, --verbose', 'list changed files and warnings'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ stadtbote dev
  $ stadtbote dev --port 8080 --drafts
  $ stadtbote dev --cms

The preview is served under the base path of the config (http://127.0.0.1:4000/presse/ for
baseUrl https://example.org/presse/) and built into a temporary folder outside the site, which
is removed when the server stops (Ctrl-C). It answers only requests for localhost, 127.0.0.1
and ::1 (and the machine's own addresses with --host 0.0.0.0).`,
    )
    .action(async (flags: SiteFlags & OutputFlags & { port: string; host: string; drafts?: boolean; future?: boolean; cms?: boolean; cmsPort: string }) => {
      const port = Number(flags.port);
      // Every line in the site's language (`language:` of its config).
      const language = siteLanguage(flags);
      for (const [flag, value] of [['--port', flags.port], ['--cms-port', flags.cmsPort]] as const) {
        if (!/^\d+$/.test(value) || Number(value) > 65535) {
          io.err(messages(language).ui.dev.badPort({ flag, value }));
          throw new CommandExit(EXIT.usage);
        }
      }
      const { baseUrl: _ignored, ...site } = siteOptions(flags);
      const progress = flags.quiet ? undefined : progressLine(io, language);
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
        ...(flags.cms ? { cms: { port: Number(flags.cmsPort) } } : {}),
        ...publishingOptions(flags),
        ...(progress ? { onProgress: progress } : {}),
        onEvent: devReporter(io, flags, language),
      }).catch((err: unknown) => {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || code === 'EACCES') {
          io.err(messages(language).ui.dev.cannotListen({ host: flags.host, port: flags.port, code: code ?? '' }));
          throw new CommandExit(EXIT.usage);
        }
        throw err;
      });
      await stopped;
      await server.close();
      if (!flags.quiet) io.out(messages(language).ui.dev.stopped);
    });
}
