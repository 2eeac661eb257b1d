import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { resolveSite, type ResolvedSite } from '../config/config.js';
import { build, type BuildOptions, type BuildReport } from '../build/build.js';
import { ConfigError, ContentError } from '../model/errors.js';
import type { Problem } from '../model/problem.js';
import { formatProblem, location } from '../report/format.js';
import { CLIENT_PATH, CLIENT_SCRIPT, EVENTS_PATH, injectClient, type OverlayProblem } from './client.js';
import { baseHeaders, notFoundPage, resolveRequest, sendFile, sendText } from './static.js';
import { RebuildScheduler, watchSite } from './watcher.js';
import { localCmsConfig, startLocalCmsBackend, withCmsOn, type LocalCmsBackend } from '../cms/local-backend.js';

export interface DevServerOptions extends Omit<BuildOptions, 'resolved' | 'dryRun' | 'baseUrl'> {
  /** Port to listen on; 0 picks a free one. Default 4000. */
  port?: number;
  /** Interface to bind; loopback unless the user asks otherwise. */
  host?: string;
  /** Told about every build and every change, for the terminal. */
  onEvent?: (event: DevEvent) => void;
  /** The web editor with Decap's local backend (`dev --cms`); `port` is decap-server's (0: a free one). */
  cms?: { port?: number };
}

export type DevEvent =
  | { readonly type: 'listening'; readonly url: string }
  | { readonly type: 'change'; readonly files: readonly string[] }
  | { readonly type: 'built'; readonly report: BuildReport; readonly initial: boolean }
  /** The search index caught up with the changes of the last builds. */
  | { readonly type: 'search-indexed'; readonly report: BuildReport }
  | { readonly type: 'problems'; readonly problems: readonly Problem[]; readonly root: string; readonly config: boolean }
  | { readonly type: 'failed'; readonly error: unknown }
  /** The web editor is ready (`dev --cms`), or its local backend reported an error. */
  | { readonly type: 'cms'; readonly url: string }
  | { readonly type: 'cms-log'; readonly line: string };

export interface DevServer {
  readonly url: string;
  readonly outDir: string;
  /** Resolves when no rebuild is running or due (tests use it; editors never need it). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Marks a pending search-index refresh among the changed files the scheduler hands over; never a path. */
const SEARCH_REFRESH = '\0search-index';
/** Quiet time after a change before the whole search index is built again. */
const SEARCH_REFRESH_DELAY_MS = 1500;

const FALLBACK_404 = '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Nicht gefunden</title></head><body><h1>Nicht gefunden</h1><p>Diese Seite gibt es (noch) nicht.</p></body></html>';

function urlHost(host: string): string {
  // A wildcard address is not somewhere a browser can go; links should still work locally.
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function overlayPayload(problems: readonly Problem[], config: boolean): string {
  const shown: OverlayProblem[] = problems.map((p) => ({
    location: location(p),
    text: formatProblem(p),
    severity: p.severity,
  }));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return JSON.stringify({
    title: config ? 'Stadtbote: Fehler in der Konfiguration' : `Stadtbote: ${errors} Fehler im Inhalt – die Seite zeigt den letzten fehlerfreien Stand`,
    problems: shown,
    hint: 'Nach dem Speichern der korrigierten Datei lädt die Seite neu.',
    close: 'Hinweis schließen',
  });
}

/**
 * The editors' live preview: builds the site, serves the output folder on loopback, rebuilds on
 * every change and tells open tabs to reload (or to show what is wrong) over Server-Sent Events.
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const { port = 4000, host = '127.0.0.1', onEvent, cms: cmsOptions, ...given } = options;
  // The preview has its own output and cache: its pages link to this server, so they must never
  // end up in dist/, and switching between `dev` and `build` must not throw either cache away.
  const root = path.resolve(given.root ?? '.');
  const buildOptions = { ...given, out: given.out ?? path.join(root, '.stadtbote-dev'), cacheDir: given.cacheDir ?? path.join('.stadtbote-cache', 'dev') };
  const emit = (e: DevEvent): void => onEvent?.(e);
  const clients = new Set<ServerResponse>();
  let current: string | undefined; // overlay payload while the last build failed
  let outDir = '';
  let buildCount = 0;
  /** Counts good builds, so that a tab that reconnects can tell whether it missed one. */
  let generation = 0;

  const broadcast = (event: string, data: string): void => {
    for (const res of clients) res.write(`event: ${event}\ndata: ${data}\n\n`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    baseHeaders(res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(req, res, 405, 'Method Not Allowed\n');
      return;
    }
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    if (rawPath === EVENTS_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      if (req.method === 'HEAD') return void res.end();
      res.write(`retry: 1000\n\nevent: hello\ndata: ${JSON.stringify({ generation })}\n\n`);
      if (current) res.write(`event: problems\ndata: ${current}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (rawPath === CLIENT_PATH) {
      sendText(req, res, 200, CLIENT_SCRIPT, 'text/javascript; charset=utf-8');
      return;
    }
    await ready;
    // `dev --cms` (issue 15): the editor's config points at the local backend; no reload script in /admin/.
    const adminPath = `${site.basePath}admin/`;
    if (cms && rawPath === `${adminPath}config.yml`) {
      const yml = await readFile(path.join(outDir, 'admin', 'config.yml'), 'utf8');
      return sendText(req, res, 200, localCmsConfig(yml, cms.url), 'text/yaml; charset=utf-8');
    }
    const found = await resolveRequest(outDir, rawPath);
    if (found.kind === 'file' && rawPath.startsWith(adminPath)) return sendFile(req, res, found.file, 200, (html) => html);
    if (found.kind === 'bad') return sendText(req, res, 400, 'Bad Request\n');
    if (found.kind === 'redirect') {
      res.writeHead(301, { Location: found.location, 'Content-Length': 0 });
      res.end();
      return;
    }
    if (found.kind === 'file') return sendFile(req, res, found.file, 200, injectClient);
    const page = await notFoundPage(outDir);
    if (page) return sendFile(req, res, page, 404, injectClient);
    sendText(req, res, 404, injectClient(FALLBACK_404), 'text/html; charset=utf-8');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(req, res, 500, 'Internal Server Error\n');
      else res.destroy();
    });
  });
  server.on('clientError', (_err, socket) => {
    // Request lines Node cannot parse (`GET ../x`) get a plain 400, never a file.
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nX-Content-Type-Options: nosniff\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: 2048 }, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${urlHost(host)}:${address.port}/`;

  // Links in the pages must point at this server, whatever baseUrl the config gives.
  const resolve = (): ResolvedSite => {
    const resolved = resolveSite({ ...buildOptions, baseUrl: url });
    return cmsOptions ? withCmsOn(resolved) : resolved;
  };
  let site: ResolvedSite;
  try {
    site = resolve();
  } catch (err) {
    server.close();
    throw err;
  }
  outDir = site.paths.out;
  let cms: LocalCmsBackend | undefined;
  if (cmsOptions) {
    try {
      cms = await startLocalCmsBackend({ root: site.paths.root, port: cmsOptions.port ?? 0, onLog: (line) => emit({ type: 'cms-log', line }) });
    } catch (err) {
      server.close();
      throw err;
    }
  }

  // Pagefind can only index the whole archive (10,000 articles: some 10 s), so a change keeps the
  // last index and the preview reloads at once; the index is rebuilt once editing pauses.
  /** The pending refresh of the search index; undefined when none is due. */
  let searchRefresh: NodeJS.Timeout | undefined;
  const cancelSearchRefresh = (): void => {
    clearTimeout(searchRefresh);
    searchRefresh = undefined;
  };
  const runBuild = async (refreshSearch = false): Promise<void> => {
    const initial = buildCount++ === 0;
    cancelSearchRefresh();
    try {
      const resolved = initial ? site : resolve();
      const report = await build({ ...buildOptions, baseUrl: url, resolved, staleSearch: !initial && !refreshSearch });
      const hadProblems = current !== undefined;
      current = undefined;
      generation++;
      if (report.search === 'stale') {
        searchRefresh = setTimeout(() => {
          searchRefresh = undefined;
          scheduler.notify(SEARCH_REFRESH);
        }, SEARCH_REFRESH_DELAY_MS);
        searchRefresh.unref();
      }
      if (refreshSearch && !hadProblems) {
        emit({ type: 'search-indexed', report });
        broadcast('search-index', '{}');
        return;
      }
      emit({ type: 'built', report, initial });
      if (!initial || hadProblems) broadcast('reload', '{}');
    } catch (err) {
      if (err instanceof ContentError || err instanceof ConfigError) {
        current = overlayPayload(err.problems, err instanceof ConfigError);
        emit({ type: 'problems', problems: err.problems, root: site.paths.root, config: err instanceof ConfigError });
        broadcast('problems', current);
      } else {
        emit({ type: 'failed', error: err });
      }
    }
  };

  let releaseReady!: () => void;
  const ready = new Promise<void>((r) => (releaseReady = r));
  await runBuild();
  releaseReady();

  const scheduler = new RebuildScheduler(async (files) => {
    const changed = files.filter((f) => f !== SEARCH_REFRESH);
    if (changed.length > 0) emit({ type: 'change', files: changed.map((f) => path.relative(site.paths.root, f).split(path.sep).join('/')) });
    await runBuild(changed.length === 0);
  });
  let watcher: FSWatcher;
  try {
    watcher = await watchSite(site.paths, (file) => scheduler.notify(file));
  } catch (err) {
    await cms?.stop();
    server.close();
    throw err;
  }
  // Keep-alive comments stop proxies and idle timers from dropping quiet event streams.
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n');
  }, 30_000);
  heartbeat.unref();
  emit({ type: 'listening', url });
  if (cms) emit({ type: 'cms', url: `${url}${site.basePath.slice(1)}admin/` });

  let closing: Promise<void> | undefined;
  return {
    url,
    outDir,
    idle: async () => {
      await scheduler.idle();
      while (searchRefresh !== undefined) {
        await new Promise((r) => setTimeout(r, 50));
        await scheduler.idle();
      }
    },
    close: () =>
      (closing ??= (async () => {
        clearInterval(heartbeat);
        cancelSearchRefresh();
        await watcher.close();
        await scheduler.close();
        await cms?.stop();
        for (const res of clients) res.end();
        clients.clear();
        await new Promise<void>((r) => {
          server.close(() => r());
          server.closeAllConnections();
        });
      })()),
  };
}
