import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { parseDocument } from '../util/vendor.js';
import type { ResolvedSite } from '../config/config.js';

/** Decap's local backend (the `decap-server` package) running for `stadtbote dev --cms`. */
export interface LocalCmsBackend {
  /** The API address Decap's `local_backend` points at, e.g. `http://127.0.0.1:4711/api/v1`. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface LocalCmsOptions {
  /** The repository the editor writes into: the site root. */
  readonly root: string;
  /** Port for decap-server; 0 or undefined picks a free one. */
  readonly port?: number;
  /** Where decap-server's own log lines go (errors only). */
  readonly onLog?: (line: string) => void;
}

/** Loopback only: the local backend writes into the site folder without any login. */
const HOST = '127.0.0.1';

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** Resolves once decap-server says it listens; rejects with its output when it exits first. */
function whenListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('listening on')) {
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null): void => {
      child.stdout?.off('data', onData);
      reject(new Error(`decap-server stopped before it listened (exit ${String(code)}): ${output.trim().split('\n').slice(-3).join(' ')}`));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', onExit);
  });
}

/**
 * Starts decap-server as a child process in its file-system mode: saving in the editor writes the
 * Markdown and images straight into the site folder (no commits), where `dev` picks them up.
 * It listens on loopback only and is stopped with the dev server, or when this process exits.
 */
export async function startLocalCmsBackend(options: LocalCmsOptions): Promise<LocalCmsBackend> {
  const port = options.port || (await freePort());
  const script = createRequire(import.meta.url).resolve('decap-server');
  const child = spawn(process.execPath, [script], {
    cwd: options.root,
    env: { ...process.env, PORT: String(port), BIND_HOST: HOST, MODE: 'fs', GIT_REPO_DIRECTORY: options.root, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = (): void => void child.kill();
  process.once('exit', killOnExit);
  try {
    await whenListening(child);
  } catch (err) {
    process.off('exit', killOnExit);
    child.kill();
    throw err;
  }
  // Only its errors are worth an editor's attention; info lines would flood the dev output.
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (/\berror\b/i.test(line)) options.onLog?.(line.trim());
  });
  child.stderr?.on('data', (chunk: Buffer) => options.onLog?.(chunk.toString('utf8').trim()));
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${port}/api/v1`,
    port,
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        process.off('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      })),
  };
}

/**
 * The generated `config.yml` as the dev server serves it: with `local_backend` pointing at
 * decap-server, and without the editorial workflow, which the file-system mode cannot do (it
 * saves directly). Only in dev: the built site never names a local backend.
 */
export function localCmsConfig(configYaml: string, backendUrl: string): string {
  const doc = parseDocument(configYaml);
  doc.delete('publish_mode');
  doc.set('local_backend', { url: backendUrl });
  return doc.toString({ lineWidth: 0 });
}

/** `dev --cms` on a site whose config does not switch the editor on: on for this preview, as `cms: true`. */
export function withCmsOn(site: ResolvedSite): ResolvedSite {
  if (site.config.cms) return site;
  return { ...site, config: { ...site.config, cms: { branch: 'main', editorialWorkflow: false } } };
}
