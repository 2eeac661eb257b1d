import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { afterAll, afterEach } from 'vitest';
import { build, type BuildOptions, type BuildReport } from '../src/build/build.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(REPO, 'test', 'fixtures');
export const CLI = path.join(REPO, 'bin', 'stadtbote.js');

/** Temporary folders made by this test file; any its tests leave are removed once it is done. */
const madeInFile: string[] = [];
// Registered when a test file loads this module, so it runs after the file's own `afterAll` (servers stopped, say).
afterAll(() => {
  // STADTBOTE_KEEP_TEMP=1 keeps them for inspection.
  if (process.env.STADTBOTE_KEEP_TEMP !== '1') for (const dir of madeInFile.splice(0)) removeTemp(dir);
});

/** A fresh temporary folder: removed by the caller with `cleanup`, else once the test file is done. */
export function tempDir(prefix = 'stadtbote-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  madeInFile.push(dir);
  return dir;
}

/** A maker of temporary folders for one test file: each is removed after the test that made it. */
export function tempDirsPerTest(prefix = 'stadtbote-test-'): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) removeTemp(dir);
  });
  return () => {
    const dir = tempDir(prefix);
    made.push(dir);
    return dir;
  };
}

/** Writes a site from a map of relative path → file content into a new temporary folder. */
export function makeSite(files: Record<string, string | Buffer>, dir = tempDir()): string {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

/** Copies a fixture's `site/` folder into a temporary folder so that builds never write into the repo. */
export function copyFixture(name: string): string {
  const dir = tempDir(`stadtbote-${name}-`);
  cpSync(path.join(FIXTURES, name, 'site'), dir, { recursive: true });
  return dir;
}

/** A minimal valid article. */
export function article(fields: Record<string, string> = {}, body = 'Text der Meldung.'): string {
  const data = { title: 'Titel', date: '2025-02-13', region: 'Potsdam', teaser: 'Kurzer Anriss.', ...fields };
  const yaml = Object.entries(data)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}\n`;
}

/** Builds a site folder with the library API; `now` is fixed so that output is reproducible. */
export function buildSite(root: string, options: BuildOptions = {}): Promise<BuildReport> {
  return build({ root, now: Date.UTC(2026, 0, 1), ...options });
}

/** Every file under a folder as relative path → bytes, sorted. */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.set(r, readFileSync(path.join(dir, r)));
    }
  };
  walk('');
  return out;
}

/** Runs the compiled CLI (`npm test` compiles first) and returns its exit code and output. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? REPO, env: { ...process.env, CI: 'true', ...options.env }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Removes a folder, and only it (a test may remove a live output folder to see what the writer does then). */
export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Removes a temporary folder and what a build into it left beside it (write/writer.ts): the shadow, above all. */
function removeTemp(dir: string): void {
  cleanup(dir);
  for (const beside of ['stadtbote-shadow', 'stadtbote-old', 'stadtbote-lock', 'stadtbote-moved.json']) {
    rmSync(path.join(path.dirname(dir), `.${path.basename(dir)}.${beside}`), { recursive: true, force: true });
  }
}

/** Deterministic pseudo-random numbers (xorshift32), so a failing random sequence can be replayed by its seed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}
