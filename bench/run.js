#!/usr/bin/env node
// Stadtbote benchmark. Speed and memory live here, never in timed tests.
//
//   npm run bench                         cold, warm and one-edit builds of 1,000 and 10,000 articles
//   npm run bench -- 10000 100000         the same for other sizes
//   npm run bench -- --runs 5             median of 5 runs per measurement (default 3)
//   npm run bench -- --search             include the Pagefind index (off by default, as the peers have none)
//   npm run bench -- --markdown 10000     Markdown throughput per core against the bare unified processor
//   npm run bench -- --peers DIR          build the corpus that ../shared/bench/peers.sh N DIR made, and Hugo and
//                                         Eleventy in DIR, alternately in one sitting; prints ratios
//
// Each build runs in a fresh process (bench/build-once.js) so that wall time includes start-up and
// peak memory is that process's maximum resident set size.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './gen-corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, search: { type: 'boolean', default: false }, peers: { type: 'string' }, markdown: { type: 'boolean', default: false } },
});
const runs = Math.max(1, Number(values.runs));
const sizes = positionals.length > 0 ? positionals.map(Number) : [1000, 10000];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`;

function makeSite(contentDir) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-bench-'));
  writeFileSync(path.join(root, 'stadtbote.config.yaml'), 'title: Benchmark\nbaseUrl: https://example.org/\n');
  symlinkSync(contentDir, path.join(root, 'content'));
  return root;
}

function clean(root) {
  for (const p of ['dist', '.dist.stadtbote-shadow', '.dist.stadtbote-old', '.stadtbote-cache']) rmSync(path.join(root, p), { recursive: true, force: true });
}

/** One build in a fresh process: wall time of the whole process, and its own report. */
function buildOnce(root) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(here, 'build-once.js'), root, values.search ? 'search' : 'nosearch'], { encoding: 'utf8' });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  return { wallMs, ...JSON.parse(r.stdout.trim().split('\n').pop()) };
}

/** A peer's build under GNU time: wall seconds and peak KiB. */
function timed(cwd, cmd, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr.slice(-500)}`);
  const [wall, kib] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wallMs: wall * 1000, maxRssMiB: kib / 1024 };
}

/** The first article in path order: read from the folders, as a `find` listing of 100,000 files overflows spawnSync's buffer. */
function firstArticle(contentDir) {
  const year = readdirSync(contentDir).filter((d) => /^\d{4}$/.test(d)).sort()[0];
  const name = readdirSync(path.join(contentDir, year)).filter((f) => f.endsWith('.md')).sort()[0];
  return path.join(contentDir, year, name);
}

function editOneArticle(contentDir) {
  const file = firstArticle(contentDir);
  appendFileSync(file, `\nNachtrag ${Date.now()}.\n`);
  return file;
}

function scaleBenchmark(n) {
  const corpus = mkdtempSync(path.join(os.tmpdir(), `stadtbote-corpus-${n}-`));
  generateCorpus(n, corpus);
  const root = makeSite(corpus);
  const results = { cold: [], warm: [], edit: [], again: [] };
  for (let i = 0; i < runs; i++) {
    clean(root);
    results.cold.push(buildOnce(root));
    results.warm.push(buildOnce(root));
    // The first change after a cold build also fills the shadow folder (hard links to every file);
    // later changes touch only what differs. Both are measured.
    editOneArticle(corpus);
    results.edit.push(buildOnce(root));
    editOneArticle(corpus);
    results.again.push(buildOnce(root));
  }
  const row = (name, list) => {
    const wall = median(list.map((r) => r.wallMs));
    const peak = Math.max(...list.map((r) => r.maxRssMiB));
    const rendered = list[0].rendered;
    return { name, wall, peak, rendered };
  };
  const rows = [row('cold', results.cold), row('warm, no change', results.warm), row('first edit after cold', results.edit), row('one article edited', results.again)];
  const cold = rows[0].wall;
  console.log(`\n${n.toLocaleString('en')} articles (median of ${runs}, search ${values.search ? 'on' : 'off'}, ${os.availableParallelism()} cores)`);
  for (const r of rows) {
    console.log(`  ${r.name.padEnd(22)} ${fmtS(r.wall).padStart(9)}  ${((r.wall / cold) * 100).toFixed(1).padStart(5)} % of cold  peak ${r.peak.toFixed(0).padStart(5)} MiB  rendered ${r.rendered.sources} sources, ${r.rendered.lists} lists`);
  }
  rmSync(root, { recursive: true, force: true });
  rmSync(corpus, { recursive: true, force: true });
  return rows;
}

async function markdownThroughput(n) {
  const { unified } = await import('unified');
  const remarkParse = (await import('remark-parse')).default;
  const remarkRehype = (await import('remark-rehype')).default;
  const rehypeStringify = (await import('rehype-stringify')).default;
  const { loadContent } = await import('../lib/content/load.js');
  const { validateSource } = await import('../lib/content/validate.js');
  const { Renderer } = await import('../lib/render/renderer.js');
  const { resolveSite } = await import('../lib/config/config.js');
  const { DEFAULT_TEMPLATES_DIR } = await import('../lib/theme/engine.js');
  const corpus = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-md-'));
  generateCorpus(n, corpus);
  const { sources } = loadContent(corpus, path.dirname(corpus));
  const bodies = sources.map((s) => ({ s, v: validateSource(s, 'Europe/Berlin') }));
  const site = resolveSite({ root: corpus });
  const renderer = new Renderer({ config: site.config, basePath: '/', templateDirs: [DEFAULT_TEMPLATES_DIR], assets: [], search: false });
  const bare = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).freeze();
  const time = (fn) => {
    const t = performance.now();
    for (const b of bodies) fn(b);
    return performance.now() - t;
  };
  const bareRuns = [];
  const oursRuns = [];
  for (let i = 0; i < runs; i++) {
    bareRuns.push(time(({ v }) => bare.processSync(v.body)));
    oursRuns.push(time(({ s, v }) => renderer.markdown(s, v.body, v.bodyLine)));
  }
  const b = median(bareRuns);
  const o = median(oursRuns);
  console.log(`\nMarkdown throughput, one thread, ${n.toLocaleString('en')} bodies (median of ${runs}):`);
  console.log(`  bare unified (remark-parse → remark-rehype → rehype-stringify): ${fmtS(b)}  ${Math.round(n / (b / 1000))} bodies/s`);
  console.log(`  Stadtbote's Markdown stage:                                    ${fmtS(o)}  ${Math.round(n / (o / 1000))} bodies/s  ratio ${(o / b).toFixed(2)}×`);
  rmSync(corpus, { recursive: true, force: true });
}

function peersBenchmark(dir) {
  const corpus = path.join(dir, 'corpus');
  if (!existsSync(corpus)) throw new Error(`${corpus} does not exist: run ../shared/bench/peers.sh N ${dir} first`);
  const n = spawnSync('find', [corpus, '-name', '*.md'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout.split('\n').filter(Boolean).length;
  const root = makeSite(corpus);
  const m = { stadtbote: [], hugo: [], eleventy: [] };
  for (let i = 0; i < runs; i++) {
    rmSync(path.join(dir, 'hugo/public'), { recursive: true, force: true });
    m.hugo.push(timed(path.join(dir, 'hugo'), 'hugo', ['--quiet']));
    clean(root);
    m.stadtbote.push(buildOnce(root));
    rmSync(path.join(dir, 'eleventy/_site'), { recursive: true, force: true });
    m.eleventy.push(timed(path.join(dir, 'eleventy'), 'npx', ['@11ty/eleventy', '--quiet']));
  }
  const s = { wall: median(m.stadtbote.map((r) => r.wallMs)), peak: Math.max(...m.stadtbote.map((r) => r.maxRssMiB)) };
  console.log(`\nPeers, ${n.toLocaleString('en')} articles of ${corpus}, cold builds alternated, median of ${runs}:`);
  for (const [name, list] of Object.entries(m)) {
    const wall = median(list.map((r) => r.wallMs));
    const peak = Math.max(...list.map((r) => r.maxRssMiB));
    console.log(`  ${name.padEnd(10)} ${fmtS(wall).padStart(9)}  peak ${peak.toFixed(0).padStart(5)} MiB  Stadtbote/${name}: time ${(s.wall / wall).toFixed(2)}×, memory ${(s.peak / peak).toFixed(2)}×`);
  }
  rmSync(root, { recursive: true, force: true });
}

if (!existsSync(path.join(here, '../lib/index.js'))) {
  console.error('Compile first: npx tsc -p tsconfig.build.json (npm ci does it).');
  process.exit(2);
}
if (values.peers) peersBenchmark(path.resolve(values.peers));
else if (values.markdown) await markdownThroughput(sizes[0] ?? 10000);
else for (const n of sizes) scaleBenchmark(n);
