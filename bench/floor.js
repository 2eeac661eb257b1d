#!/usr/bin/env node
// The bare-unified floor of issue 14: CPU time of remark-parse + remark-gfm + remark-rehype +
// rehype-stringify, one thread, over the bodies of a content folder (frontmatter stripped before
// timing), and without GFM for comparison. A build's CPU time divided by this is the "× floor" ratio.
// usage: node bench/floor.js CONTENT_DIR [--runs N] [--json]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import matter from 'gray-matter';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** Every Markdown body under `dir`, sorted by path so that runs are comparable. */
export function readBodies(dir) {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
  return files.map((f) => matter(readFileSync(f, 'utf8')).content);
}

/** CPU seconds (user + system) this thread spends turning every body into HTML with `processor`. */
function cpuSeconds(processor, bodies) {
  const start = process.cpuUsage();
  for (const body of bodies) processor.processSync(body);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** Median CPU seconds of `runs` passes with and without GFM, alternated. */
export function measureFloor(bodies, runs = 3) {
  const gfm = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).freeze();
  const plain = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).freeze();
  const withGfm = [];
  const withoutGfm = [];
  for (let i = 0; i < runs; i++) {
    withGfm.push(cpuSeconds(gfm, bodies));
    withoutGfm.push(cpuSeconds(plain, bodies));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  return { bodies: bodies.length, gfmCpuS: median(withGfm), plainCpuS: median(withoutGfm) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } } });
  const [dir] = positionals;
  if (!dir) {
    console.error('usage: node bench/floor.js CONTENT_DIR [--runs N] [--json]');
    process.exit(2);
  }
  const floor = measureFloor(readBodies(dir), Math.max(1, Number(values.runs)));
  if (values.json) console.log(JSON.stringify(floor));
  else {
    console.log(`bare unified floor, one thread, ${floor.bodies.toLocaleString('en')} bodies (CPU s, median):`);
    console.log(`  remark-parse + remark-gfm + remark-rehype + rehype-stringify: ${floor.gfmCpuS.toFixed(2)} s`);
    console.log(`  without remark-gfm:                                           ${floor.plainCpuS.toFixed(2)} s`);
  }
}
