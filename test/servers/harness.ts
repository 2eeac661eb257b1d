import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { REPO, tempDir } from '../helpers.js';

/**
 * Real nginx and Apache for the tests: each runs in the foreground on a free loopback port, with its
 * own prefix (pid, logs, temp files) in a temporary folder, and with the server part of its
 * configuration taken word for word from the README's "Deployment" examples.
 */

/** The document root the README's examples use; the tests put their own folder in its place. */
export const README_ROOT = '/var/www/html';

/** The fenced block of a language in the README's "Deployment" section. */
export function readmeExample(language: 'nginx' | 'apache'): string {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Deployment'));
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section);
  if (!match?.[1]) throw new Error(`README.md has no \`\`\`${language} example under "## Deployment"`);
  return match[1];
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

export interface RunningServer {
  readonly origin: string;
  readonly log: () => string;
  stop(): Promise<void>;
}

/** Waits until the port accepts connections: a bounded number of attempts, failing early if the server exits. */
async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${log()}`);
    const connected = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (connected) return;
    await delay(25);
  }
  throw new Error(`server did not answer on port ${port}:\n${log()}`);
}

function launch(command: string, args: string[], port: number, logFile: string): Promise<RunningServer> {
  let output = '';
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const log = (): string => {
    let file = '';
    try {
      file = readFileSync(logFile, 'utf8');
    } catch {
      /* not written yet */
    }
    return output + file;
  };
  const running: RunningServer = {
    origin: `http://127.0.0.1:${port}`,
    log,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
  return waitForPort(port, child, log).then(
    () => running,
    async (err: unknown) => {
      await running.stop();
      throw err;
    },
  );
}

/** Servers started as root run their workers as www-data: the site must be readable for it. */
export function openForServers(dir: string): void {
  spawnSync('chmod', ['-R', 'a+rX', dir]);
  chmodSync(dir, 0o755);
}

const asRoot = process.getuid?.() === 0;

/** The README's nginx example with the document root replaced, plus what a foreground test instance needs. */
export function nginxConfig(docRoot: string, port: number, prefix: string): string {
  const example = readmeExample('nginx').replaceAll(README_ROOT, docRoot).replace('listen 80;', `listen 127.0.0.1:${port};`);
  const process = [
    'daemon off;',
    'worker_processes 1;',
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/error.log warn;`,
    ...(asRoot ? ['user www-data;'] : []),
    'events { worker_connections 64; }',
  ];
  const inHttp = ['access_log off;', ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${prefix}/${t};`)];
  return [...process, example.replace('http {', `http {\n    ${inHttp.join('\n    ')}`)].join('\n') + '\n';
}

export function nginxTest(configFile: string, prefix: string): { ok: boolean; output: string } {
  const r = spawnSync('nginx', ['-t', '-p', prefix, '-c', configFile], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

export async function startNginx(docRoot: string): Promise<RunningServer & { configFile: string; prefix: string }> {
  const prefix = tempDir('stadtbote-nginx-');
  const port = await freePort();
  const configFile = path.join(prefix, 'nginx.conf');
  writeFileSync(configFile, nginxConfig(docRoot, port, prefix));
  const server = await launch('nginx', ['-p', prefix, '-c', configFile], port, path.join(prefix, 'error.log'));
  return { ...server, configFile, prefix };
}

export const MODULES = ['mpm_event', 'authz_core', 'mime', 'dir', 'rewrite', 'headers'];

/** Apache with the README's virtual host (or another vhost body for the .htaccess case). */
export async function startApache(docRoot: string, vhost = readmeExample('apache'), modules: readonly string[] = MODULES): Promise<RunningServer & { configFile: string }> {
  const root = tempDir('stadtbote-apache-');
  const port = await freePort();
  mkdirSync(path.join(root, 'run'));
  openForServers(root);
  const config = [
    `ServerRoot "${root}"`,
    `Listen 127.0.0.1:${port}`,
    `PidFile "${root}/apache.pid"`,
    `ErrorLog "${root}/error.log"`,
    'LogLevel warn',
    `DefaultRuntimeDir "${root}/run"`,
    `Mutex file:${root}/run default`,
    ...modules.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`),
    ...(asRoot ? ['User www-data', 'Group www-data'] : []),
    'TypesConfig /etc/mime.types',
    'DirectoryIndex index.html',
    'ServerName www.landkreis.example',
    '<Directory />',
    '    AllowOverride None',
    '    Require all denied',
    '</Directory>',
    vhost.replaceAll(README_ROOT, docRoot).replace('<VirtualHost *:80>', `<VirtualHost *:${port}>`),
  ].join('\n');
  const configFile = path.join(root, 'apache2.conf');
  writeFileSync(configFile, config + '\n');
  const server = await launch('apache2', ['-d', root, '-f', configFile, '-DFOREGROUND'], port, path.join(root, 'error.log'));
  return { ...server, configFile };
}

export interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  /** The body's bytes as sent (still compressed if the server compressed them). */
  readonly raw: Buffer;
}

/** One real HTTP request with the path sent exactly as given (no client-side normalisation). */
export function request(origin: string, rawPath: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: rawPath, method: 'GET', headers: { Host: 'www.landkreis.example', Connection: 'close', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString('utf8'), raw });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
