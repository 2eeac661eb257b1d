import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// A smoke test of `npm run bench` on 50 articles, one run: every row and target is printed and the
// JSON line parses. No timing assertion: speed is measured by the benchmark, never by a test.

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const BENCH = path.join(ROOT, 'bench/run.js');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const CASE_LABELS = ['cold (no cache, no dist)', 'warm, nothing changed', 'one article edited (CI)', 'one article edited again', 'one template edited', 'list template edited'];
const CASE_KEYS = ['cold', 'warm', 'edit', 'editAgain', 'template', 'listTemplate'];

interface Measured {
  wallMs: number;
  wallRunsMs: number[];
  cpuMs: number;
  mainCpuMs: number | null;
  peakMiB: number;
  rendered: { sources: number; lists: number };
}
interface Target {
  name: string;
  value: number | null;
  limit: number;
  pass: boolean | null;
}
interface BenchJson {
  node: string;
  uptime: string;
  runs: number;
  corpora: {
    articles: number;
    stadtbote: Record<'off' | 'on', Record<string, Measured>>;
    floor: { cpuMs: number; wallMs: number; bodies: number };
    targets: Target[];
  }[];
}

describe('npm run bench', () => {
  it('prints every build of both search settings, the floor and the targets, and a JSON line that parses', { timeout: 240_000 }, async () => {
    const jsonFile = path.join(scratch, 'bench.json');
    const { stdout } = await run(process.execPath, [BENCH, '50', '--runs', '1', '--json', jsonFile], { cwd: ROOT, maxBuffer: 1 << 24 });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toContain(`Node ${process.version}`);
    expect(lines[1]).toMatch(/^uptime: .*load average/);
    expect(stdout).toContain('50 articles');
    for (const mode of ['off', 'on']) {
      for (const label of CASE_LABELS) {
        const row = new RegExp(`^  ${label.replace(/[()]/g, '\\$&')} +${mode} +\\d+\\.\\d\\d +\\d+\\.\\d\\d +\\d+\\.\\d\\d +\\d+ +[\\d.]+ % +[\\d.]+ % +\\d+ sources, \\d+ lists$`);
        expect(lines.filter((l) => row.test(l)), `${label}, search ${mode}`).toHaveLength(1);
      }
    }
    expect(stdout).toMatch(/bare-unified floor +1 thr +– +\d+\.\d\d .*50 bodies.*without remark-gfm \d+\.\d\d s/);
    for (const t of ['warm / cold, search off', 'one article edited (CI) / cold, search on', 'one template edited / cold, search on', 'cold CPU, search off / bare-unified floor CPU']) {
      expect(lines.some((l) => l.includes(t) && /target ≤ .* (pass|MISS)$/.test(l)), t).toBe(true);
    }

    const json = JSON.parse(lines.at(-1)!) as BenchJson;
    expect(JSON.parse(readFileSync(jsonFile, 'utf8'))).toEqual(json);
    expect(json.node).toBe(process.version);
    const corpus = json.corpora[0]!;
    expect(corpus.articles).toBe(50);
    for (const mode of ['off', 'on'] as const) {
      for (const key of CASE_KEYS) {
        const m = corpus.stadtbote[mode][key]!;
        expect(m.wallMs, `${mode} ${key}`).toBeGreaterThan(0);
        // Each run's wall time beside the median (one run here: the median is that run).
        expect(m.wallRunsMs, `${mode} ${key}`).toEqual([m.wallMs]);
        expect(m.cpuMs, `${mode} ${key}`).toBeGreaterThan(0);
        expect(m.peakMiB, `${mode} ${key}`).toBeGreaterThan(0);
        // The main thread's CPU time (Linux, where the tests run), a part of the whole process's.
        expect(m.mainCpuMs, `${mode} ${key}`).toBeGreaterThan(0);
        expect(m.mainCpuMs!, `${mode} ${key}`).toBeLessThanOrEqual(m.cpuMs);
      }
      // What each case makes the build do, from its own report: the edits are really edits.
      expect(corpus.stadtbote[mode].cold!.rendered.sources).toBe(50);
      expect(corpus.stadtbote[mode].warm!.rendered.sources).toBe(0);
      expect(corpus.stadtbote[mode].edit!.rendered.sources).toBe(1);
      expect(corpus.stadtbote[mode].template!.rendered.sources).toBeGreaterThan(0);
      // A template only list pages use: no source rendered, list pages rendered.
      expect(corpus.stadtbote[mode].listTemplate!.rendered.sources).toBe(0);
      expect(corpus.stadtbote[mode].listTemplate!.rendered.lists).toBeGreaterThan(0);
    }
    expect(corpus.floor.bodies).toBe(50);
    expect(corpus.floor.cpuMs).toBeGreaterThan(0);
    for (const t of corpus.targets) expect(t.pass, t.name).toBe(t.value! <= t.limit);
  });

  it("counts the build's CPU time without the memory sampler's", async () => {
    const { buildMeasurement } = (await import(pathToFileURL(path.join(ROOT, 'bench/measure.js')).href)) as { buildMeasurement: (timed: object, report: object) => { cpuMs: number; childCpuMs: number | null; peakMiB: number } };
    const report = { selfCpuMs: 700, samplerCpuMs: 150, mainThreadCpuMs: 400, maxRssMiB: 90, treePeakMiB: 120, rendered: { sources: 1, lists: 0 } };
    // GNU time: the process, its threads and every child it waited for, the sampler among them.
    expect(buildMeasurement({ wallMs: 900, cpuMs: 1000, peakMiB: 100 }, report)).toMatchObject({ cpuMs: 850, childCpuMs: 150, peakMiB: 120 });
    // Without GNU time the process's own count holds no child.
    expect(buildMeasurement({ wallMs: 900, cpuMs: null, peakMiB: null }, report)).toMatchObject({ cpuMs: 700, childCpuMs: null, peakMiB: 120 });
    // A report from before the sampler told its time: nothing is taken off.
    expect(buildMeasurement({ wallMs: 900, cpuMs: 1000, peakMiB: 100 }, { ...report, samplerCpuMs: undefined })).toMatchObject({ cpuMs: 1000, childCpuMs: 300 });
  });

  it('--markdown compares the Markdown stage with bare unified on a generated corpus', { timeout: 120_000 }, async () => {
    // The stage loads its libraries lazily (render/renderer.ts); this mode once used it before that and failed.
    const { stdout } = await run(process.execPath, [BENCH, '--markdown', '30', '--runs', '1'], { cwd: ROOT, maxBuffer: 1 << 24 });
    expect(stdout).toContain('Markdown throughput, one thread, 30 bodies');
    expect(stdout).toMatch(/bare unified \(remark-parse → remark-rehype → rehype-stringify\): \d+\.\d\d s +\d+ bodies\/s/);
    expect(stdout).toMatch(/Stadtbote's Markdown stage: +\d+\.\d\d s +\d+ bodies\/s +ratio \d+\.\d\d×/);
  });

  it('refuses a peers folder that peers.sh did not make, with a message and no stack trace', async () => {
    const empty = path.join(scratch, 'no-peers');
    mkdirSync(empty);
    const failure = await run(process.execPath, [BENCH, '--peers', empty], { cwd: ROOT }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('peers.sh N');
    expect(failure?.stderr).not.toMatch(/\n\s+at /);
  });
});
