import { Command } from 'commander';
import { formatText } from '../report/format.js';
import { startDevServer, type DevEvent } from '../dev/server.js';
import { EXIT, type SiteFlags, addSiteOptions, addPublishingOptions, publishingOptions, siteOptions } from './options.js';
import { type Output, CommandExit, progressLine, printWarnings, builtSummary, count, type OutputFlags } from './output.js';

/** `stadtbote dev`: the live preview, and what it tells the terminal. */
function devReporter(io: Output, flags: OutputFlags): (event: DevEvent) => void {
  return (event) => {
    switch (event.type) {
      case 'listening':
        io.out(`Stadtbote dev server: ${event.url} (Ctrl-C to stop)`);
        break;
      case 'exposed':
        io.err(`stadtbote: warning: --host ${event.host} makes the preview (drafts included) reachable from the network; use --host 127.0.0.1 to keep it on this machine`);
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
      case 'cms':
        io.out(`Web editor: ${event.url} (saves into this folder)`);
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
      for (const [flag, value] of [['--port', flags.port], ['--cms-port', flags.cmsPort]] as const) {
        if (!/^\d+$/.test(value) || Number(value) > 65535) {
          io.err(`stadtbote: ${flag} "${value}" is not a port number (0–65535)`);
          throw new CommandExit(EXIT.usage);
        }
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
        ...(flags.cms ? { cms: { port: Number(flags.cmsPort) } } : {}),
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
