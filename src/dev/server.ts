import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { resolveSite, type ResolvedSite } from '../config/config.js';
import { build, type BuildOptions, type BuildReport } from '../build/build.js';
import { ConfigError, ContentError } from '../model/errors.js';
import type { Problem } from '../model/problem.js';
import { listenOn, recordMoves, requestHandler } from './handler.js';
import { hostAllowList, isWildcard } from './hosts.js';
import { overlayPayload } from './overlay.js';
import { RebuildScheduler, watchSite } from './watcher.js';
import { relativePath } from '../util/files.js';
import { devWorkspace } from './workspace.js';
import { startLocalCmsBackend, withCmsOn, type LocalCmsBackend } from '../cms/local-backend.js';

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
  /** Bound to every interface: other machines can open the preview. */
  | { readonly type: 'exposed'; readonly host: string }
  | { readonly type: 'change'; readonly files: readonly string[] }
  | { readonly type: 'built'; readonly report: BuildReport; readonly initial: boolean }
  /** The search index caught up with the changes of the last builds. */
  | { readonly type: 'search-indexed'; readonly report: BuildReport }
  | { readonly type: 'problems'; readonly problems: readonly Problem[]; readonly root: string; readonly config: boolean }
  | { readonly type: 'failed'; readonly error: unknown }
  /** The web editor is ready (`dev --cms`), or its local backend reported something. */
  | { readonly type: 'cms'; readonly url: string }
  | { readonly type: 'cms-log'; readonly line: string };

export interface DevServer {
  /** The preview's home page: the server's origin plus the site's base path. */
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

function urlHost(host: string): string {
  // A wildcard address is not somewhere a browser can go; links should still work locally.
  if (isWildcard(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * The editors' live preview: builds the site like production (under the base path of its config),
 * serves it on loopback, rebuilds on every change and tells open tabs to reload, to follow their
 * article to a new address, or to show what is wrong, over Server-Sent Events.
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const { port = 4000, host = '127.0.0.1', onEvent, cms: cmsOptions, ...given } = options;
  // The preview has its own output (in the OS temp folder, removed on close) and cache: its pages
  // link to this server, so they must never end up in dist/ nor anywhere in the site folder.
  const root = path.resolve(given.root ?? '.');
  const workspace = devWorkspace(given.out);
  const buildOptions = { ...given, out: workspace.out, cacheDir: given.cacheDir ?? path.join('.stadtbote-cache', 'dev') };
  const emit = (e: DevEvent): void => onEvent?.(e);
  const clients = new Set<ServerResponse>();
  const hostAllowed = hostAllowList(host);
  let current: string | undefined; // overlay payload while the last build failed
  let outDir = '';
  let basePath = '/';
  let language: string | undefined;
  let buildCount = 0;
  /** Counts good builds, so that a tab that reconnects can tell whether it missed one. */
  let generation = 0;
  let releaseReady!: () => void;
  const ready = new Promise<void>((r) => (releaseReady = r));
  /** Old → new site path of every article that moved in this session: old links keep working here. */
  const movedTo = new Map<string, string>();

  const broadcast = (event: string, data: string): void => {
    for (const res of clients) res.write(`event: ${event}\ndata: ${data}\n\n`);
  };

  let cms: LocalCmsBackend | undefined;
  const handle = requestHandler({ hostAllowed, clients, movedTo, ready: () => ready, now: () => ({ basePath, language, outDir, overlay: current, generation, ...(cms ? { cmsUrl: cms.url } : {}) }) });
  const server: Server = await listenOn(handle, port, host);
  const address = server.address() as AddressInfo;
  const origin = `http://${urlHost(host)}:${address.port}`;
  if (isWildcard(host)) emit({ type: 'exposed', host });

  // Links in the pages point at this server, under the base path the config gives.
  const resolve = (): ResolvedSite => {
    const configured = resolveSite(buildOptions);
    basePath = configured.basePath;
    language = configured.config.language;
    const resolved = resolveSite({ ...buildOptions, baseUrl: origin + basePath });
    // `dev --cms` builds /admin/ whatever the config says (issue 15).
    return cmsOptions ? withCmsOn(resolved) : resolved;
  };
  let site: ResolvedSite;
  try {
    site = resolve();
  } catch (err) {
    return abandon(err, { server, workspace, cacheDir: path.resolve(root, buildOptions.cacheDir) });
  }
  outDir = site.paths.out;
  const url = origin + basePath;
  try {
    if (cmsOptions) cms = await startLocalCmsBackend({ root: site.paths.root, port: cmsOptions.port ?? 0, onLog: (line) => emit({ type: 'cms-log', line }) });
  } catch (err) {
    return abandon(err, { server, workspace, cacheDir: site.paths.cache });
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
      const report = await build({ ...buildOptions, baseUrl: resolved.config.baseUrl, resolved, staleSearch: !initial && !refreshSearch });
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
      const moved = recordMoves(movedTo, report.moved ?? [], basePath);
      if (!initial || hadProblems) broadcast('reload', JSON.stringify({ moved }));
    } catch (err) {
      if (err instanceof ContentError || err instanceof ConfigError) {
        current = overlayPayload(err.problems, err instanceof ConfigError, language);
        emit({ type: 'problems', problems: err.problems, root: site.paths.root, config: err instanceof ConfigError });
        broadcast('problems', current);
      } else {
        emit({ type: 'failed', error: err });
      }
    }
  };

  await runBuild();
  releaseReady();

  const scheduler = new RebuildScheduler(async (files) => {
    const changed = files.filter((f) => f !== SEARCH_REFRESH);
    if (changed.length > 0) emit({ type: 'change', files: changed.map((f) => relativePath(site.paths.root, f)) });
    await runBuild(changed.length === 0);
  });
  let watcher: FSWatcher;
  try {
    watcher = await watchSite(site.paths, (file) => scheduler.notify(file));
  } catch (err) {
    return abandon(err, { server, workspace, cacheDir: site.paths.cache, ...(cms ? { cms } : {}) });
  }
  // Keep-alive comments stop proxies and idle timers from dropping quiet event streams.
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n');
  }, 30_000);
  heartbeat.unref();
  emit({ type: 'listening', url });
  if (cms) emit({ type: 'cms', url: `${url}admin/` });

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
        for (const res of clients) res.end();
        clients.clear();
        await stopAll({ server, workspace, cacheDir: site.paths.cache, ...(cms ? { cms } : {}) });
      })()),
  };
}

/** What a preview holds open outside the process: the HTTP server, the CMS backend, the temporary output. */
interface DevResources {
  readonly server: Server;
  readonly workspace: ReturnType<typeof devWorkspace>;
  readonly cacheDir: string;
  readonly cms?: LocalCmsBackend;
}

/** Stops the server and the CMS backend; nothing of the preview stays behind (its output lives in the OS temp folder). */
async function stopAll(r: DevResources): Promise<void> {
  await r.cms?.stop();
  await new Promise<void>((resolve) => {
    r.server.close(() => resolve());
    r.server.closeAllConnections();
  });
  r.workspace.remove(r.cacheDir);
}

/** A preview that could not start gives back what it took, then fails with the reason. */
async function abandon(err: unknown, r: DevResources): Promise<never> {
  await stopAll(r);
  throw err;
}
