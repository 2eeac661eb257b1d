#!/usr/bin/env node
// Stadtbote benchmark. Speed and memory live here, never in timed tests. Options: README, "Speed and
// the build cache". In short:
//
//   npm run bench                          1,000 and 10,000 generated articles
//   npm run bench -- 100000                other sizes (100,000 with 10,000 also gives the 100k/10k ratio)
//   npm run bench -- --runs 5              median of 5 runs per measurement (default 3)
//   npm run bench -- --search off          only builds without search (on: only with; default both)
//   npm run bench -- --no-floor            skip the bare-unified floor
//   npm run bench -- --peers DIR           the corpus ../shared/bench/peers.sh N DIR made, with Hugo,
//                                          Eleventy and Hugo + Pagefind built alternately in one sitting
//   npm run bench -- --json FILE           also write the JSON line to FILE
//   npm run bench -- --markdown 10000      Stadtbote's Markdown stage against bare unified, one thread
//
// Per corpus and search setting, each run builds: cold, warm (nothing changed), one article edited
// (the first build after cold, as in CI, which restores cache and a copy of dist), that edit again, one template
// edited (the base layout: every page), one template only list pages use edited (`list.liquid`). Every build runs in a fresh process (bench/build-once.js) under GNU time: wall time
// includes start-up; CPU time is user + system of the process, its worker threads and Pagefind's
// indexer; peak memory is the highest resident set size of the process, or of the sum over it and
// Pagefind's indexer where that is higher (sampled every 200 ms, bench/tree-rss.js).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './gen-corpus.js';
import { floorRun, hasGnuTime, median, stadtboteBuild, summarize } from './measure.js';
import { eleventy, hugo, hugoWithPagefind, peerFolders } from './peers.js';
import { CASES, corpusTargets, formatCorpus, formatTargets, scaleTargets, SEARCH_MODES } from './report.js';
import { clean, editArticle, editListTemplate, editTemplate, makeSite, restoreLikeCi } from './site.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    search: { type: 'string', default: 'both' },
    'no-floor': { type: 'boolean', default: false },
    peers: { type: 'string' },
    json: { type: 'string' },
    markdown: { type: 'boolean', default: false },
  },
});

function usage(message) {
  console.error(`bench: ${message}\nusage: npm run bench -- [SIZE ...] [--runs N] [--search on|off|both] [--no-floor] [--peers DIR] [--json FILE] [--markdown]`);
  process.exit(2);
}

const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) usage(`--runs must be a whole number ≥ 1, not ${values.runs}`);
if (!['on', 'off', 'both'].includes(values.search)) usage(`--search must be on, off or both, not ${values.search}`);
const sizes = positionals.map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) usage(`sizes must be whole numbers of articles, not ${positionals.join(' ')}`);
if (sizes.length === 0 && !values.peers) sizes.push(1000, 10000);
const modes = SEARCH_MODES.filter((m) => values.search === 'both' || values.search === m.key);
const progress = (text) => process.stderr.write(`  … ${text}\n`);
/** Each measurement as it comes, on stderr: what a run stopped halfway still leaves behind. */
const measured = (m) => `wall ${(m.wallMs / 1000).toFixed(2)} s, CPU ${m.cpuMs == null ? '–' : (m.cpuMs / 1000).toFixed(2)} s, peak ${m.peakMiB == null ? '–' : m.peakMiB.toFixed(0)} MiB`;

/** One run of the five builds of one search setting on a site, in order. */
function stadtboteSequence(root, contentDir, search, tag) {
  const out = {};
  const step = (key, prepare) => {
    prepare?.();
    progress(`${tag}, search ${search ? 'on' : 'off'}: ${CASES.find((c) => c.key === key).label}`);
    out[key] = stadtboteBuild(root, search);
    progress(`  ${measured(out[key])}`);
  };
  step('cold', () => clean(root));
  step('warm');
  step('edit', () => {
    restoreLikeCi(root);
    editArticle(contentDir);
  });
  step('editAgain', () => editArticle(contentDir));
  step('template', () => editTemplate(root));
  step('listTemplate', () => editListTemplate(root));
  return out;
}

/** One measurement other than a Stadtbote build, announced and reported on stderr. */
function peer(label, measure) {
  progress(label);
  const m = measure();
  progress(`  ${measured(m)}`);
  return m;
}

/** All measurements of one corpus: runs rounds, each alternating Stadtbote, the floor and the peers. */
function benchCorpus({ contentDir, articles, title, source, peers }) {
  const root = makeSite(contentDir);
  const raw = { floor: [], hugo: [], eleventy: [], hugoPagefind: [] };
  for (const mode of modes) raw[mode.key] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const tag = `${articles.toLocaleString('en')} articles, run ${i + 1}/${runs}`;
      if (peers) raw.hugo.push(peer(`${tag}: Hugo`, () => hugo(peers)));
      if (raw.off) raw.off.push(stadtboteSequence(root, contentDir, false, tag));
      if (peers) raw.eleventy.push(peer(`${tag}: Eleventy`, () => eleventy(peers)));
      if (peers) raw.hugoPagefind.push(peer(`${tag}: Hugo + Pagefind`, () => hugoWithPagefind(peers)));
      if (raw.on) raw.on.push(stadtboteSequence(root, contentDir, true, tag));
      if (!values['no-floor']) raw.floor.push(peer(`${tag}: bare-unified floor`, () => floorRun(contentDir)));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const stadtbote = {};
  for (const mode of modes) stadtbote[mode.key] = Object.fromEntries(CASES.map((c) => [c.key, summarize(raw[mode.key].map((r) => r[c.key]))]));
  const result = {
    title,
    source,
    articles,
    runs,
    stadtbote,
    floor: raw.floor.length ? { ...summarize(raw.floor), plainCpuMs: median(raw.floor.map((f) => f.plainCpuMs)), bodies: raw.floor[0].bodies } : null,
    peers: peers ? { hugo: summarize(raw.hugo), eleventy: summarize(raw.eleventy), hugoPagefind: summarize(raw.hugoPagefind) } : null,
  };
  result.targets = corpusTargets(result);
  return result;
}

function generatedCorpus(n) {
  const contentDir = mkdtempSync(path.join(os.tmpdir(), `stadtbote-corpus-${n}-`));
  try {
    progress(`generating ${n.toLocaleString('en')} articles`);
    generateCorpus(n, contentDir);
    return benchCorpus({ contentDir, articles: n, source: 'generated', title: `${n.toLocaleString('en')} articles (bench/gen-corpus.js), medians of ${runs}, peak = highest` });
  } finally {
    rmSync(contentDir, { recursive: true, force: true });
  }
}

/** Articles of a corpus: its Markdown files. */
const countArticles = (dir) => readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.md')).length;

function peersCorpus(peers) {
  // Stadtbote edits articles: it works on a copy, so that DIR stays the corpus peers.sh made.
  const contentDir = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-peers-corpus-'));
  try {
    cpSync(peers.corpus, contentDir, { recursive: true });
    const articles = countArticles(contentDir);
    return benchCorpus({ contentDir, articles, peers, source: 'peers', title: `${articles.toLocaleString('en')} articles of ${peers.corpus} with Hugo, Eleventy, Hugo + Pagefind alternated, medians of ${runs}, peak = highest` });
  } finally {
    rmSync(contentDir, { recursive: true, force: true });
  }
}

function machine() {
  let uptime;
  try {
    uptime = execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    uptime = `load average: ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}`;
  }
  return { date: new Date().toISOString(), node: process.version, cores: os.availableParallelism(), cpu: os.cpus()[0]?.model ?? '?', memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1), uptime, gnuTime: hasGnuTime };
}

if (!existsSync(path.join(here, '../lib/index.js'))) {
  console.error('Compile first: npm run compile (npm ci does it).');
  process.exit(2);
}
try {
  await main();
} catch (error) {
  // A missing peers folder or a failed build: the message, not a stack trace.
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

async function main() {
  if (values.markdown) {
    const { markdownThroughput } = await import('./markdown-stage.js');
    await markdownThroughput(positionals.length ? sizes[0] : 10000, runs);
  } else {
    // A peers folder that is not what peers.sh makes fails now, not after an hour of other builds.
    const peers = values.peers ? peerFolders(path.resolve(values.peers)) : null;
    const m = machine();
    console.log(`Stadtbote benchmark  ${m.date}  Node ${m.node}  ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB`);
    console.log(`uptime: ${m.uptime}`);
    if (!hasGnuTime) console.log('No /usr/bin/time (Debian: apt-get install time): CPU time without Pagefind\'s indexer, peak memory of the build process alone.');
    const results = [];
    for (const n of sizes) {
      const result = generatedCorpus(n);
      results.push(result);
      console.log(formatCorpus(result).join('\n'));
    }
    if (peers) {
      const result = peersCorpus(peers);
      results.push(result);
      console.log(formatCorpus(result).join('\n'));
    }
    const scale = scaleTargets(results);
    if (scale.length) console.log(['', ...formatTargets('Scale (issue 14): 100,000 against 10,000 articles', scale)].join('\n'));
    const json = JSON.stringify({ bench: 'stadtbote', ...m, loadAfter: os.loadavg(), runs, corpora: results, scale });
    console.log(`\n${json}`);
    if (values.json) writeFileSync(values.json, json + '\n');
  }
}
