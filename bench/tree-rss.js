// Child process of bench/build-once.js: samples the resident memory of a build's whole process tree.
//   node bench/tree-rss.js PID
// GNU time and getrusage report the peak of one process; a build with search runs Pagefind's indexer
// as a child process whose memory counts as much on a CI runner. Every 200 ms this sums VmRSS of PID
// and all its descendants (itself left out) from /proc; on SIGTERM, or when PID is gone, it prints
// the highest sum and its own CPU time as JSON ({"peakMiB": …, "cpuMs": …}). Without /proc (not Linux)
// the peak is null.
import { readdirSync, readFileSync } from 'node:fs';

const root = Number(process.argv[2]);
const INTERVAL_MS = 200;

/** Parent pid of every process, from /proc/<pid>/stat (the field after the parenthesised name). */
function parents() {
  const parentOf = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return parentOf;
}

function rssKiB(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** KiB resident in root and its descendants, this sampler excepted; null once root is gone. */
function treeKiB() {
  const parentOf = parents();
  if (!parentOf.has(root)) return null;
  const children = new Map();
  for (const [pid, parent] of parentOf) children.set(parent, [...(children.get(parent) ?? []), pid]);
  let sum = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    if (pid === process.pid) continue;
    sum += rssKiB(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

let peakKiB = null;
const finish = () => {
  // Its own CPU time too: GNU time counts it with the build's (bench/build-once.js takes it off again).
  const own = process.cpuUsage();
  process.stdout.write(JSON.stringify({ peakMiB: peakKiB === null ? null : peakKiB / 1024, cpuMs: (own.user + own.system) / 1000 }) + '\n');
  process.exit(0);
};
process.on('SIGTERM', finish);
let hasProc = true;
try {
  readdirSync('/proc/self');
} catch {
  hasProc = false;
}
if (!hasProc) finish();
else {
  const sample = () => {
    const kib = treeKiB();
    if (kib === null) finish();
    else peakKiB = Math.max(peakKiB ?? 0, kib);
  };
  sample();
  setInterval(sample, INTERVAL_MS);
}
