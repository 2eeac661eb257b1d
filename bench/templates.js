#!/usr/bin/env node
// Per-render time of the theme's templates with the compiled engine (src/theme/compile/) and with
// LiquidJS's own renderer, on the real views of a build: the readers fixture site is built in one
// thread (from lib/, so `npm run compile` first) while every render call is recorded; then each
// template is rendered warm, many times, with the same data by both engines, alternating, and the
// median CPU µs per render of each is printed.
// usage: node bench/templates.js [--iterations N] [--rounds N] [--json]
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { iterations: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } } });
const NAMES = ['article', 'list', 'partials/article-item', 'partials/header', 'partials/footer', 'partials/article-context'];

const { build } = await import(path.join(REPO, 'lib/index.js'));
const { Theme } = await import(path.join(REPO, 'lib/theme/engine.js'));

/** The first view of each template in a build of the readers site (logo, brand colour, thumbnails on). */
async function recordViews() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'stadtbote-bench-templates-'));
  cpSync(path.join(REPO, 'test/fixtures/readers-site/site'), root, { recursive: true });
  appendFileSync(path.join(root, 'stadtbote.config.yaml'), '\nlogo:\n  src: /bilder/rathaus.png\n  alt: Wappen\nbrand:\n  color: "#2e7d32"\nlistThumbnails: true\n');
  const views = new Map();
  const original = Theme.prototype.render;
  Theme.prototype.render = function (name, data) {
    if (!views.has(name)) views.set(name, { options: this.options, data: structuredClone(data) });
    return original.call(this, name, data);
  };
  try {
    await build({ root, search: false, workers: 0, noCache: true });
  } finally {
    Theme.prototype.render = original;
    rmSync(root, { recursive: true, force: true });
  }
  return views;
}

/** CPU µs (user + system) per render: the machine may be shared, CPU time is what a render costs. */
function microsPerRender(theme, name, data, iterations) {
  const start = process.cpuUsage();
  for (let i = 0; i < iterations; i++) theme.render(name, data);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / iterations;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const views = await recordViews();
const iterations = Number(values.iterations);
const rows = [];
for (const name of NAMES) {
  const view = views.get(name);
  if (!view) continue;
  const compiled = new Theme({ ...view.options, engine: 'compiled' });
  const liquidjs = new Theme({ ...view.options, engine: 'liquidjs' });
  if (compiled.render(name, view.data) !== liquidjs.render(name, view.data)) throw new Error(`${name}: the engines differ`);
  const a = [];
  const b = [];
  for (let round = 0; round < Number(values.rounds); round++) {
    b.push(microsPerRender(liquidjs, name, view.data, iterations));
    a.push(microsPerRender(compiled, name, view.data, iterations));
  }
  rows.push({ template: name, liquidjsMicros: median(b), compiledMicros: median(a), speedup: median(b) / median(a), compiled: compiled.isCompiled(name) });
}
if (values.json) console.log(JSON.stringify(rows, null, 2));
else {
  console.log(`template                 LiquidJS CPU µs  compiled µs  speed-up   (load ${os.loadavg()[0].toFixed(2)})`);
  for (const r of rows) console.log(`${r.template.padEnd(25)}${r.liquidjsMicros.toFixed(1).padStart(14)}${r.compiledMicros.toFixed(1).padStart(13)}${(r.speedup.toFixed(1) + '×').padStart(10)}${r.compiled ? '' : '  (not compiled)'}`);
}
