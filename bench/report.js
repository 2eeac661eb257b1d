// The benchmark's output: per corpus, a table of Stadtbote's builds (wall time, CPU time, peak
// memory, ratio to the cold build) and a list of issue 14's targets with the measured value and a
// pass/miss mark. The same numbers go into one JSON object (bench/run.js prints it as one line).

/** The builds measured per corpus and search setting, in the order they run. */
export const CASES = [
  { key: 'cold', label: 'cold (no cache, no dist)' },
  { key: 'warm', label: 'warm, nothing changed' },
  { key: 'edit', label: 'one article edited (CI)' },
  { key: 'editAgain', label: 'one article edited again' },
  { key: 'template', label: 'one template edited' },
  { key: 'listTemplate', label: 'list template edited' },
];
export const SEARCH_MODES = [
  { key: 'off', label: 'off' },
  { key: 'on', label: 'on' },
];
const GIB = 1024;

const s = (ms) => (ms == null ? '–' : (ms / 1000).toFixed(2));
const mib = (x) => (x == null ? '–' : x.toFixed(0));
const pct = (x) => (x == null ? '–' : `${(x * 100).toFixed(1)} %`);
const times = (x) => (x == null ? '–' : `${x.toFixed(2)}×`);
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);

/** A target: measured value against the limit (all of issue 14's targets are upper limits). */
function target(name, value, limit, format) {
  return { name, value, limit, pass: value == null ? null : value <= limit, shown: format(value), limitShown: `≤ ${format(limit)}` };
}

/** Issue 14's targets for one corpus, from its summarized measurements. */
export function corpusTargets(result) {
  const { stadtbote: sb, floor, peers, articles } = result;
  const out = [];
  for (const mode of SEARCH_MODES) {
    const m = sb[mode.key];
    if (!m) continue;
    const r = (k) => ratio(m[k]?.wallMs, m.cold.wallMs);
    out.push(target(`warm / cold, search ${mode.label}`, r('warm'), 0.1, pct));
    out.push(target(`one article edited (CI) / cold, search ${mode.label}`, r('edit'), 0.15, pct));
    out.push(target(`one template edited / cold, search ${mode.label}`, r('template'), 0.3, pct));
    if (articles >= 100000) out.push(target(`peak memory at ${articles.toLocaleString('en')}, search ${mode.label} (MiB)`, peakOf(m), 1.5 * GIB, mib));
  }
  if (sb.off && floor) out.push(target('cold CPU, search off / bare-unified floor CPU', ratio(sb.off.cold.cpuMs, floor.cpuMs), 1.5, times));
  if (peers) {
    if (sb.off) out.push(target('cold wall, search off / Eleventy wall', ratio(sb.off.cold.wallMs, peers.eleventy.wallMs), 0.5, times));
    if (sb.on) out.push(target('one article edited (CI), search on / Hugo + Pagefind wall', ratio(sb.on.edit.wallMs, peers.hugoPagefind.wallMs), 0.25, times));
    if (sb.off) out.push(target('peak memory, search off / Hugo', ratio(peakOf(sb.off), peers.hugo.peakMiB), 1, times));
    if (sb.on) out.push(target('peak memory, search on / Hugo + Pagefind', ratio(peakOf(sb.on), peers.hugoPagefind.peakMiB), 1, times));
  }
  return out;
}

/** The highest peak of all builds of one search setting. */
function peakOf(mode) {
  const peaks = CASES.map((c) => mode[c.key]?.peakMiB).filter((x) => x != null);
  return peaks.length ? Math.max(...peaks) : null;
}

/** Targets across sizes: the 100k build's time against the 10k build's, when both ran. */
export function scaleTargets(results) {
  const bySize = new Map(results.filter((r) => r.source === 'generated').map((r) => [r.articles, r]));
  const small = bySize.get(10000);
  const large = bySize.get(100000);
  if (!small || !large) return [];
  const out = [];
  for (const mode of SEARCH_MODES) {
    if (!small.stadtbote[mode.key] || !large.stadtbote[mode.key]) continue;
    out.push(target(`cold wall 100,000 / 10,000, search ${mode.label}`, ratio(large.stadtbote[mode.key].cold.wallMs, small.stadtbote[mode.key].cold.wallMs), 12, times));
    out.push(target(`cold CPU 100,000 / 10,000, search ${mode.label}`, ratio(large.stadtbote[mode.key].cold.cpuMs, small.stadtbote[mode.key].cold.cpuMs), 12, times));
  }
  return out;
}

const mark = (t) => (t.pass == null ? '–' : t.pass ? 'pass' : 'MISS');

export function formatTargets(title, targets) {
  if (targets.length === 0) return [];
  const width = Math.max(...targets.map((t) => t.name.length));
  return [`  ${title}`, ...targets.map((t) => `    ${t.name.padEnd(width)}  ${t.shown.padStart(9)}  target ${t.limitShown.padEnd(11)} ${mark(t)}`)];
}

/** The table of one corpus, as lines. */
export function formatCorpus(result) {
  const { stadtbote: sb, floor, peers } = result;
  const lines = [`\n${result.title}`];
  lines.push(`  ${'build'.padEnd(26)} ${'search'.padEnd(6)} ${'wall s'.padStart(8)} ${'CPU s'.padStart(8)} ${'main s'.padStart(8)} ${'peak MiB'.padStart(8)} ${'wall/cold'.padStart(9)} ${'CPU/cold'.padStart(9)}  rendered`);
  for (const mode of SEARCH_MODES) {
    const m = sb[mode.key];
    if (!m) continue;
    for (const c of CASES) {
      const r = m[c.key];
      const rendered = r.rendered ? `${r.rendered.sources} sources, ${r.rendered.lists} lists` : '';
      lines.push(
        `  ${c.label.padEnd(26)} ${mode.label.padEnd(6)} ${s(r.wallMs).padStart(8)} ${s(r.cpuMs).padStart(8)} ${s(r.mainCpuMs).padStart(8)} ${mib(r.peakMiB).padStart(8)} ${pct(ratio(r.wallMs, m.cold.wallMs)).padStart(9)} ${pct(ratio(r.cpuMs, m.cold.cpuMs)).padStart(9)}  ${rendered}`,
      );
    }
  }
  if (floor) {
    lines.push(`  ${'bare-unified floor'.padEnd(26)} ${'1 thr'.padEnd(6)} ${s(floor.wallMs).padStart(8)} ${s(floor.cpuMs).padStart(8)} ${''.padStart(8)} ${''.padStart(8)} ${''.padStart(9)} ${''.padStart(9)}  ${floor.bodies} bodies: remark-parse, remark-gfm, remark-rehype, rehype-stringify (CPU without remark-gfm ${s(floor.plainCpuMs)} s)`);
  }
  if (peers) {
    for (const [name, label] of [['hugo', 'Hugo'], ['eleventy', 'Eleventy'], ['hugoPagefind', 'Hugo + Pagefind CLI']]) {
      const p = peers[name];
      lines.push(`  ${label.padEnd(26)} ${(name === 'hugoPagefind' ? 'on' : 'off').padEnd(6)} ${s(p.wallMs).padStart(8)} ${s(p.cpuMs).padStart(8)} ${''.padStart(8)} ${mib(p.peakMiB).padStart(8)}`);
    }
  }
  lines.push(...formatTargets('Targets (issue 14)', result.targets));
  return lines;
}
