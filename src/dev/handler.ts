import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { localCmsConfig } from '../cms/local-backend.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { MovedAddress } from '../build/addresses.js';
import { editorMessages } from '../i18n/editor.js';
import { withBasePath } from '../model/urls.js';
import { clientScript, devPaths, injectClient } from './client.js';
import { fallbackNotFound } from './overlay.js';
import { baseHeaders, notFoundPage, pathSegments, resolveRequest, sendFile, sendText } from './static.js';

/** What the request handler reads of the dev server's state, as it is at the moment of the request. */
export interface DevState {
  readonly basePath: string;
  readonly language: string | undefined;
  readonly outDir: string;
  /** Overlay payload while the last build failed. */
  readonly overlay: string | undefined;
  /** Counts good builds, so that a tab that reconnects can tell whether it missed one. */
  readonly generation: number;
  /** Decap's local backend while `dev --cms` runs. */
  readonly cmsUrl?: string;
}

export interface HandlerContext {
  readonly hostAllowed: (host: string | undefined) => boolean;
  /** Open live-reload streams. */
  readonly clients: Set<ServerResponse>;
  /** Old → new site path of every article that moved in this session. */
  readonly movedTo: ReadonlyMap<string, string>;
  /** Resolves once the first build is done. */
  readonly ready: () => Promise<void>;
  readonly now: () => DevState;
}

/**
 * Answers the preview's requests like the production host would: the site under its base path,
 * folders with their index.html, the site's 404 page; plus the live-reload stream and client.
 */
export function requestHandler(ctx: HandlerContext): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    baseHeaders(res);
    const { basePath, language, overlay, generation } = ctx.now();
    if (!ctx.hostAllowed(req.headers.host)) {
      return sendText(req, res, 403, editorMessages(language).overlay.hostRefused(String(req.headers.host ?? '').slice(0, 100)) + '\n');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(req, res, 405, 'Method Not Allowed\n');
    }
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    const paths = devPaths(basePath);
    if (rawPath === paths.events) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      if (req.method === 'HEAD') return void res.end();
      res.write(`retry: 1000\n\nevent: hello\ndata: ${JSON.stringify({ generation })}\n\n`);
      if (overlay) res.write(`event: problems\ndata: ${overlay}\n\n`);
      ctx.clients.add(res);
      req.on('close', () => ctx.clients.delete(res));
      return;
    }
    if (rawPath === paths.client) return sendText(req, res, 200, clientScript(paths.events), 'text/javascript; charset=utf-8');
    await ctx.ready();
    const { outDir } = ctx.now();
    const redirect = (location: string, status = 301): void => {
      res.writeHead(status, { Location: location, 'Content-Length': 0 });
      res.end();
    };
    const inject = (html: string): string => injectClient(html, paths.client);
    // Traversal and other unsafe spellings are refused wherever they point, inside the base path or not.
    if (!pathSegments(rawPath)) return sendText(req, res, 400, 'Bad Request\n');
    // Like production: the site lives under its base path; `/` points there.
    if (!rawPath.startsWith(basePath)) {
      if (rawPath === '/' || rawPath + '/' === basePath) return redirect(basePath, 302);
    } else {
      const sitePath = '/' + rawPath.slice(basePath.length);
      // `dev --cms` (issue 15): the editor's config points at the local backend; /admin/ gets no reload script.
      const { cmsUrl } = ctx.now();
      if (cmsUrl && sitePath === '/admin/config.yml') {
        return sendText(req, res, 200, localCmsConfig(await readFile(path.join(outDir, 'admin', 'config.yml'), 'utf8'), cmsUrl), 'text/yaml; charset=utf-8');
      }
      const found = await resolveRequest(outDir, sitePath);
      if (found.kind === 'file' && sitePath.startsWith('/admin/')) return sendFile(req, res, found.file, 200, (html) => html);
      if (found.kind === 'bad') return sendText(req, res, 400, 'Bad Request\n');
      if (found.kind === 'redirect') return redirect(withBasePath(basePath, found.location));
      if (found.kind === 'file') return sendFile(req, res, found.file, 200, inject);
      // A tab that missed the move (closed laptop, second window) still finds the article.
      const moved = ctx.movedTo.get(sitePath);
      if (moved) return redirect(withBasePath(basePath, moved), 302);
    }
    const page = await notFoundPage(outDir);
    if (page) return sendFile(req, res, page, 404, inject);
    sendText(req, res, 404, inject(fallbackNotFound(language)), 'text/html; charset=utf-8');
  };
}

/** Starts the HTTP server; request lines Node cannot parse get a plain 400, a failing handler a 500. */
export async function listenOn(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(req, res, 500, 'Internal Server Error\n');
      else res.destroy();
    });
  });
  server.on('clientError', (_err, socket) => {
    // `GET ../x` and the like never reach the handler, and never a file.
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nX-Content-Type-Options: nosniff\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: 2048 }, () => resolve());
  });
  return server;
}

/**
 * Remembers the moves of one build (chains shortened: a→b then b→c is a→c; an address taken again
 * is no move any more) and returns them as the browser sees them, base path included.
 */
export function recordMoves(movedTo: Map<string, string>, moves: readonly MovedAddress[], basePath: string): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const m of moves) {
    movedTo.delete(m.to);
    for (const [from, to] of movedTo) if (to === m.from) movedTo.set(from, m.to);
    movedTo.set(m.from, m.to);
    seen[withBasePath(basePath, m.from)] = withBasePath(basePath, m.to);
  }
  return seen;
}
