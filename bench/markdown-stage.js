// `npm run bench -- --markdown N`: Stadtbote's Markdown stage (validate → Markdown → hast → HTML, with
// its own plugins) against the bare unified processor without GFM, one thread, in this process, on a
// generated corpus of N articles. It reaches into lib/ (compiled src/), so it follows the renderer's
// API; the bare-unified floor of every build table (bench/floor.js) needs nothing but the libraries.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCorpus } from './gen-corpus.js';
import { median } from './measure.js';

const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`;

export async function markdownThroughput(n, runs) {
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
  await renderer.loadMarkdown();
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
