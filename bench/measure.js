// How the benchmark runs one command and what it records: wall time of the whole process (start-up
// included), CPU time (user + system of the process, its threads and the children it waited for) and
// peak resident memory, all from GNU time (`/usr/bin/time`), which reads them from the kernel when
// the process ends. Without GNU time, wall time is measured here and CPU and memory come from what
// the process reports about itself (bench/build-once.js), or are missing (peers).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = existsSync(GNU_TIME);

/** Runs cmd to its end; throws with the end of its error output when it fails. */
export function timedRun(cmd, args, cwd = process.cwd()) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-bench-time-'));
  const timeFile = path.join(scratch, 'time');
  const argv = hasGnuTime ? [GNU_TIME, ['-o', timeFile, '-f', '%e %U %S %M', cmd, ...args]] : [cmd, args];
  const started = performance.now();
  const r = spawnSync(argv[0], argv[1], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - started;
  try {
    if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}): ${(r.stderr || r.stdout).slice(-1500)}`);
    const result = { wallMs, cpuMs: null, peakMiB: null, stdout: r.stdout };
    if (hasGnuTime) {
      // The last line: GNU time puts notes such as "Command exited with non-zero status" above it.
      const [, user, sys, kib] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      result.cpuMs = (user + sys) * 1000;
      result.peakMiB = kib / 1024;
    }
    return result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** One Stadtbote build of root in a fresh process (bench/build-once.js), with search on or off. */
export function stadtboteBuild(root, search) {
  const r = timedRun(process.execPath, [path.join(here, 'build-once.js'), root, search ? 'search' : 'nosearch']);
  return buildMeasurement(r, JSON.parse(r.stdout.trim().split('\n').pop()));
}

/**
 * What one build measured: `timed` from `timedRun` (GNU time's numbers, or wall time alone), `report`
 * what bench/build-once.js printed. GNU time counts every child the process waited for, the memory
 * sampler too: its CPU time is the benchmark's, not the build's, and is taken off.
 */
export function buildMeasurement(timed, report) {
  const cpuMs = timed.cpuMs == null ? report.selfCpuMs : timed.cpuMs - (report.samplerCpuMs ?? 0);
  return {
    wallMs: timed.wallMs,
    cpuMs,
    // The main thread's share of the CPU time, during the build itself (bench/build-once.js; null off Linux).
    mainCpuMs: report.mainThreadCpuMs ?? null,
    // The highest of one process's peak and the sampled sum over the process tree (with Pagefind's indexer).
    peakMiB: Math.max(timed.peakMiB ?? report.maxRssMiB, report.treePeakMiB ?? 0),
    // CPU time after the build's own (Pagefind's indexer, and the process's end): all of it less the process's own until it reported.
    childCpuMs: timed.cpuMs == null ? null : Math.max(0, cpuMs - report.selfCpuMs),
    rendered: report.rendered,
    threads: report.threads,
    cache: report.cache,
    search: report.search,
  };
}

/**
 * The bare-unified floor over the bodies of contentDir, in a fresh process (bench/floor.js, one pass
 * with and one without remark-gfm): CPU time of the pass with GFM, the floor of issue 14.
 */
export function floorRun(contentDir) {
  const r = timedRun(process.execPath, [path.join(here, 'floor.js'), contentDir, '--runs', '1', '--json']);
  const floor = JSON.parse(r.stdout.trim().split('\n').pop());
  return { wallMs: null, cpuMs: floor.gfmCpuS * 1000, plainCpuMs: floor.plainCpuS * 1000, peakMiB: null, bodies: floor.bodies };
}

/** Median of numbers (the lower middle for an even count); null when there are none. */
export function median(xs) {
  const list = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  return list.length === 0 ? null : list[Math.floor((list.length - 1) / 2)];
}

/**
 * Medians of wall and CPU time, and the highest peak memory, of repeated measurements; with each
 * run's wall time in run order, so that a result near a target shows its spread (this machine's
 * runs of one build differ by 10–20 %).
 */
export function summarize(list) {
  const peaks = list.map((m) => m.peakMiB).filter((x) => typeof x === 'number');
  return {
    runs: list.length,
    wallMs: median(list.map((m) => m.wallMs)),
    wallRunsMs: list.map((m) => m.wallMs),
    cpuMs: median(list.map((m) => m.cpuMs)),
    peakMiB: peaks.length ? Math.max(...peaks) : null,
    ...(list[0]?.rendered ? { childCpuMs: median(list.map((m) => m.childCpuMs)), mainCpuMs: median(list.map((m) => m.mainCpuMs)), rendered: list[0].rendered, threads: list[0].threads, search: list[0].search } : {}),
  };
}
