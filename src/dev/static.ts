import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { isInside } from '../util/files.js';
import { guardPath } from '../util/path-guard.js';
import { lookup } from 'mrmime';
import parseRange from 'range-parser';

/** Where a request path leads inside the output folder. */
export type Resolution =
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'bad' }
  | { readonly kind: 'missing' };

/**
 * Splits a raw request path into safe, decoded segments, or undefined when it is not one. Encoded
 * dots and slashes are refused too: a static host never produces them, and decoding them is how
 * traversal slips past naive checks.
 */
export function pathSegments(rawPath: string): string[] | undefined {
  const guarded = guardPath(rawPath, { absolute: true, strictEncoding: true });
  return guarded.ok ? [...guarded.segments] : undefined;
}


async function realInside(root: string, candidate: string): Promise<string | undefined> {
  try {
    const real = await realpath(candidate);
    return isInside(root, real) ? real : undefined;
  } catch {
    return undefined;
  }
}

/** The output folder's real path; it is briefly absent while a build swaps folders, so wait a little. */
async function realRoot(outDir: string): Promise<string | undefined> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      return await realpath(outDir);
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  return undefined;
}

/** Maps a raw request path (`req.url` without the query) to a file inside `outDir`, never outside. */
export async function resolveRequest(outDir: string, rawPath: string): Promise<Resolution> {
  const segments = pathSegments(rawPath);
  if (!segments) return { kind: 'bad' };
  const root = await realRoot(outDir);
  if (!root) return { kind: 'missing' };
  const candidate = path.join(root, ...segments);
  if (!isInside(root, candidate)) return { kind: 'bad' };
  const real = await realInside(root, candidate);
  if (!real) return { kind: 'missing' };
  let info;
  try {
    info = await stat(real);
  } catch {
    return { kind: 'missing' };
  }
  if (info.isDirectory()) {
    // Relative links in index.html only work when the folder URL ends in a slash.
    if (!rawPath.endsWith('/')) return { kind: 'redirect', location: '/' + segments.map(encodeURIComponent).join('/') + '/' };
    const index = await realInside(root, path.join(real, 'index.html'));
    if (!index) return { kind: 'missing' };
    return (await stat(index)).isFile() ? { kind: 'file', file: index } : { kind: 'missing' };
  }
  return info.isFile() ? { kind: 'file', file: real } : { kind: 'missing' };
}

/** The 404 page of the output folder, if the site has one: resolved like any request. */
export async function notFoundPage(outDir: string): Promise<string | undefined> {
  const found = await resolveRequest(outDir, '/404.html');
  return found.kind === 'file' ? found.file : undefined;
}

const TEXTUAL = /^(text\/|application\/(json|javascript|xml|rss\+xml|atom\+xml|feed\+json|manifest\+json|ld\+json)|image\/svg\+xml)/;

export function contentTypeOf(file: string): string {
  const type = lookup(file) ?? 'application/octet-stream';
  return TEXTUAL.test(type) ? `${type}; charset=utf-8` : type;
}

/** Headers every dev-server response carries. */
export function baseHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-store');
}

export function sendText(req: IncomingMessage, res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.length });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/** The byte range a `Range` header asks for: one range, none (send it all), or none that fits (416). */
export function requestedRange(header: string | undefined, size: number): { start: number; end: number } | 'all' | 'unsatisfiable' {
  if (header === undefined) return 'all';
  const ranges = parseRange(size, header, { combine: true });
  // A syntactically broken range and one beyond the end are both refused; other units are ignored.
  if (ranges === -1 || ranges === -2) return /^\s*bytes\s*=/i.test(header) || ranges === -1 ? 'unsatisfiable' : 'all';
  if (ranges.type !== 'bytes' || ranges.length !== 1) return 'all'; // several ranges: the whole file is a valid answer
  return { start: ranges[0]!.start, end: ranges[0]!.end };
}

/**
 * Sends a file; HTML passes through `transformHtml` (the dev server injects its client there).
 * Other files answer `Range` requests, which Safari needs to play video and audio.
 */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  status: number,
  transformHtml: (html: string) => string,
): Promise<void> {
  const type = contentTypeOf(file);
  if (type.startsWith('text/html')) {
    const html = transformHtml(await readFile(file, 'utf8'));
    sendText(req, res, status, html, type);
    return;
  }
  const info = await stat(file);
  const range = status === 200 ? requestedRange(req.headers.range, info.size) : 'all';
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${info.size}`, 'Accept-Ranges': 'bytes', 'Content-Length': 0 });
    res.end();
    return;
  }
  const part = range === 'all' ? undefined : range;
  const headers: Record<string, string | number> = { 'Content-Type': type, 'Accept-Ranges': 'bytes', 'Content-Length': part ? part.end - part.start + 1 : info.size };
  if (part) headers['Content-Range'] = `bytes ${part.start}-${part.end}/${info.size}`;
  res.writeHead(part ? 206 : status, headers);
  if (req.method === 'HEAD' || info.size === 0) {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file, part ? { start: part.start, end: part.end } : {});
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}
