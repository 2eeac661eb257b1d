// Child process of the benchmark: one build, then its numbers as JSON on stdout.
// Peak memory is the process's maximum resident set size, worker threads included.
import { build } from '../lib/index.js';

const [root, mode] = process.argv.slice(2);
const started = performance.now();
const report = await build({ root, search: mode === 'search' ? undefined : false });
const wallMs = performance.now() - started;
process.stdout.write(JSON.stringify({ buildMs: wallMs, maxRssMiB: process.resourceUsage().maxRSS / 1024, rendered: report.rendered, files: report.files, written: report.write?.written ?? 0 }) + '\n');
