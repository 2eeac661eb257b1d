#!/usr/bin/env node
// The bare-unified floor: what the fixed Markdown stack alone costs for a corpus, so that the
// build's CPU time can be read against it. remark-parse → remark-gfm → remark-rehype →
// rehype-stringify, one thread, over every body of the corpus. Frontmatter is stripped with
// gray-matter before the clock starts: only Markdown → HTML is timed.
//
//   node bench/floor.js CONTENT_DIR     prints {"bodies":N,"bytes":B,"cpuMs":C,"wallMs":W} on stdout
//
// CPU time is this process's user + system time over the timed loop (process.cpuUsage), the number
// to compare with a build's CPU time on a shared, loaded machine; wall time is printed beside it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** Every `.md` file under dir, in path order, so that runs process the same bodies in the same order. */
export function markdownFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(full));
    else if (entry.name.endsWith('.md')) out.push(full);
  }
  return out;
}

/** Markdown bodies of a corpus, frontmatter removed. */
export function corpusBodies(dir) {
  return markdownFiles(dir).map((file) => matter(readFileSync(file, 'utf8')).content);
}

/** CPU and wall time of the bare unified processor over bodies, in one thread. */
export function measureFloor(bodies) {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).freeze();
  let bytes = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const body of bodies) bytes += String(processor.processSync(body)).length;
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { bodies: bodies.length, bytes, cpuMs: (used.user + used.system) / 1000, wallMs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node bench/floor.js CONTENT_DIR');
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(measureFloor(corpusBodies(dir))) + '\n');
}
