import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, REPO, tempDir } from '../helpers.js';

/**
 * Stadtbote as a dependency, the way a press office uses it: the packed tarball, an `init`ed site,
 * `npm ci` from the lock file, `npx stadtbote build`. Only the npm registry is reachable here, so
 * npm takes what it can from its cache (`--prefer-offline`); every step has a time limit.
 */
const work = tempDir('stadtbote-package-');
afterAll(() => cleanup(work));

const env = { ...process.env, CI: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_progress: 'false' };

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command without blocking the test worker (a long spawnSync starves vitest's own messages). */
function exec(command: string, args: string[], cwd: string, timeout = 240_000): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function run(command: string, args: string[], cwd: string, timeout?: number): Promise<Ran> {
  const r = await exec(command, args, cwd, timeout);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

describe('the packed package in a site of its own', () => {
  it('packs with lib/ and the site template, installs with npm ci in an init-ed site, and builds', async () => {
    // Packed from a copy: `prepack` replaces lib/, which other test files of this run are using.
    const source = path.join(work, 'source');
    for (const entry of ['bin', 'scripts', 'src', 'templates', 'site-template', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md']) {
      cpSync(path.join(REPO, entry), path.join(source, entry), { recursive: true });
    }
    symlinkSync(path.join(REPO, 'node_modules'), path.join(source, 'node_modules'), 'dir');
    const packed = JSON.parse((await run('npm', ['pack', '--json', '--pack-destination', work], source)).stdout.replace(/^[^[]*/s, '')) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['bin/stadtbote.js', 'lib/index.js', 'lib/cli.js', 'templates/layouts/base.liquid', 'site-template/gitignore', 'site-template/github/workflows/pages.yml']));
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
    const tarball = path.join(work, packed[0]!.filename);

    // init with the packed CLI itself: what `npx stadtbote init` does before the site has a node_modules.
    const site = path.join(work, 'landkreis');
    const unpacked = path.join(work, 'unpacked');
    await run('npm', ['install', '--prefix', unpacked, '--prefer-offline', '--no-save', tarball], work);
    const cli = path.join(unpacked, 'node_modules', 'stadtbote', 'bin', 'stadtbote.js');
    await run(process.execPath, [cli, 'init', site, '--title', 'Landkreis Musterland', '--base-url', 'https://www.musterland.example/presse/', '--region', 'Nord', '--region', 'Süd', '--stadtbote', `file:${tarball}`], work);
    expect(readdirSync(site).sort()).toEqual(['.github', '.gitignore', '.gitlab-ci.yml', 'README.md', 'content', 'package.json', 'stadtbote.config.yaml']);

    // As in the site's repository: the lock file is made once, CI installs from it with npm ci.
    await run('npm', ['install', '--package-lock-only', '--prefer-offline'], site);
    await run('npm', ['ci', '--prefer-offline'], site);
    expect(existsSync(path.join(site, 'node_modules', 'stadtbote', 'lib', 'cli.js'))).toBe(true);

    const built = await run('npx', ['--no-install', 'stadtbote', 'build'], site, 120_000);
    expect(built.stdout).toMatch(/\d+ Seiten aus 1 Meldung gebaut/);
    const home = readFileSync(path.join(site, 'dist', 'index.html'), 'utf8');
    expect(home).toContain('Willkommen im Nachrichtenarchiv');
    expect(home).toContain('href="/presse/impressum/"');

    // The legal pages are fill-in templates: check names every gap, --strict (as in CI) fails on them.
    const check = await exec('npx', ['--no-install', 'stadtbote', 'check', '--strict'], site, 120_000);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/content\/pages\/impressum\.md:\d+:\d+: Fehler: der Platzhalter „\[bitte ergänzen: Name der Behörde\]“/);
  }, 600_000);
});
