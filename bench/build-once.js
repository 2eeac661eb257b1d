// Child process of the benchmark: one build, then its numbers as JSON on stdout.
//   node bench/build-once.js SITE_ROOT search|nosearch
// Peak memory is the process's maximum resident set size, and CPU time its user + system time,
// worker threads included (getrusage of the process). Pagefind's indexer runs as a child process
// of this one: its CPU time is counted only by the parent's view of this process (GNU time in
// bench/run.js), which is why run.js prefers those numbers and uses these as a fallback.
import { build } from '../lib/index.js';

const [root, mode] = process.argv.slice(2);
const started = performance.now();
const report = await build({ root, search: mode === 'search' ? undefined : false });
const wallMs = performance.now() - started;
const usage = process.resourceUsage();
process.stdout.write(
  JSON.stringify({
    buildMs: wallMs,
    selfCpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssMiB: usage.maxRSS / 1024,
    rendered: report.rendered,
    files: report.files,
    written: report.write?.written ?? 0,
    threads: report.threads,
    cache: report.cache,
    search: report.search,
  }) + '\n',
);
