// Child process of the benchmark: one build, then its numbers as JSON on stdout.
//   node bench/build-once.js SITE_ROOT search|nosearch
// Peak memory is the process's maximum resident set size (and, as treePeakMiB, the highest sum over
// the process and its children, bench/tree-rss.js), and CPU time its user + system time,
// worker threads included (getrusage of the process). Pagefind's indexer runs as a child process
// of this one: its CPU time is counted only by the parent's view of this process (GNU time in
// bench/measure.js), which is why measure.js prefers those numbers and uses these as a fallback.
// GNU time counts the memory sampler too: it tells its own CPU time (samplerCpuMs), which measure.js
// takes off. mainThreadCpuMs is the main thread's alone, during the build (Linux only).
import childProcess from 'node:child_process';
import { readFileSync } from 'node:fs';

// Pagefind's Node API runs its indexer as a child process that it unrefs and kills on close
// without waiting for it: left alone, this process would exit first, the indexer would be
// orphaned, and its CPU time would be counted nowhere. The benchmark keeps hold of every child the
// build starts and waits for it below, so that the kernel adds its CPU time to this process's
// children, where GNU time (bench/measure.js) reads it. Only the benchmark does this; src/ is as
// users run it. The build starts Pagefind from its search thread (src/search/search-thread.ts),
// whose own `child_process` this patch does not reach; that thread stops the indexer when a bundle
// is built and lives until the build has taken it, so its event loop reaps the indexer and the
// kernel counts its CPU time here too (one edited article, search on: 3.86 s of CPU counted, 0.87 s
// of it Pagefind's; the whole machine's CPU over the same build: 3.9 s).
const children = [];
const spawn = childProcess.spawn;
childProcess.spawn = function (...args) {
  const child = spawn.apply(this, args);
  children.push(child);
  return child;
};

// The memory of the whole process tree (this process, its threads and Pagefind's indexer), sampled
// by a process of its own (bench/tree-rss.js), started with the real spawn so that it is not waited for.
const sampler = spawn(process.execPath, [new URL('./tree-rss.js', import.meta.url).pathname, String(process.pid)], { stdio: ['ignore', 'pipe', 'inherit'] });
let samplerOutput = '';
sampler.stdout.on('data', (chunk) => (samplerOutput += chunk));
const samplerDone = new Promise((resolve) => sampler.once('exit', resolve));

// CPU time of this process's main thread alone, from Linux's per-thread accounting (/proc, in clock
// ticks; null elsewhere). The main thread makes every page of a template edit while the other core
// writes files and collects garbage: a build whose wall time is close to this waits on that thread,
// and only making its own work smaller makes the build faster (Node 20 has no per-thread CPU call).
const ticksPerSecond = (() => {
  try {
    return Number(childProcess.execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // After the command name in parentheses: field 3 (state) first; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

const { build } = await import('../lib/index.js');
const [root, mode] = process.argv.slice(2);
const mainCpuBefore = mainThreadCpuMs();
const started = performance.now();
const report = await build({ root, search: mode === 'search' ? undefined : false });
const wallMs = performance.now() - started;
const mainCpuAfter = mainThreadCpuMs();
await Promise.all(
  children.map((child) =>
    child.exitCode !== null || child.signalCode !== null
      ? undefined
      : new Promise((resolve) => {
          child.ref(); // an unref'd child would not keep this process alive until its exit
          child.once('exit', resolve);
        }),
  ),
);
sampler.kill('SIGTERM');
await samplerDone;
const { peakMiB: treePeakMiB, cpuMs: samplerCpuMs = null } = JSON.parse(samplerOutput.trim() || '{"peakMiB":null}');
const usage = process.resourceUsage();
process.stdout.write(
  JSON.stringify({
    buildMs: wallMs,
    selfCpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    mainThreadCpuMs: mainCpuBefore === null || mainCpuAfter === null ? null : mainCpuAfter - mainCpuBefore,
    maxRssMiB: usage.maxRSS / 1024,
    treePeakMiB,
    // The sampler's own CPU time: GNU time counts it with this process's children (bench/measure.js takes it off).
    samplerCpuMs,
    rendered: report.rendered,
    files: report.files,
    written: report.write?.written ?? 0,
    threads: report.threads,
    cache: report.cache,
    search: report.search,
  }) + '\n',
);
