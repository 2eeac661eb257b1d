import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { FIXTURES, tempDir } from '../helpers.js';

/** The host the WordPress fixture was exported from; tests serve it from loopback instead. */
export const OLD_HOST = 'https://www.landkreis-musterland.de';

export interface FixtureServer {
  readonly url: string;
  /** Requests seen, by path and query. */
  readonly requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.xml': 'application/xml', '.jpg': 'image/jpeg', '.png': 'image/png', '.pdf': 'application/pdf', '.html': 'text/html' };

/**
 * Serves a folder on a loopback port chosen by the system, as the old web server would: the
 * export's own hosts in XML files are replaced by the server's address, so downloads stay local.
 * With a prefix (`/presse`), `/presse/…` is the folder's root (where the archive lived on the old host).
 */
export async function serveFolder(dir: string, prefix = '', hosts: readonly string[] = [OLD_HOST]): Promise<FixtureServer> {
  const requests: string[] = [];
  let origin = '';
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rel = prefix && pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const ext = path.extname(file);
    let body: Buffer | string = readFileSync(file);
    if (ext === '.xml') {
      // Served in the file's own encoding, as a real server would.
      const encoding = /encoding="ISO-8859-1"/i.test(body.subarray(0, 100).toString('latin1')) ? 'latin1' : 'utf8';
      body = Buffer.from(hosts.reduce((text, host) => text.replaceAll(host, origin), body.toString(encoding)), encoding);
    }
    res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An empty site (config only) in a temporary folder: a config file to copy, or the config's text. */
export function emptySite(config: string): string {
  const root = tempDir('stadtbote-import-');
  if (config.includes('\n')) writeFileSync(path.join(root, 'stadtbote.config.yaml'), config);
  else {
    cpSync(config, path.join(root, 'stadtbote.config.yaml'));
    // A site's own files (its coat of arms in static/) belong to it as much as its config.
    const own = path.join(path.dirname(config), 'static');
    if (existsSync(own)) cpSync(own, path.join(root, 'static'), { recursive: true });
  }
  return root;
}

/** Text of a file under a site's content folder. */
export function content(root: string, rel: string): string {
  return readFileSync(path.join(root, 'content', rel), 'utf8');
}

export const WORDPRESS = path.join(FIXTURES, 'import-wordpress');
export const FEEDS = path.join(FIXTURES, 'import-feeds');
