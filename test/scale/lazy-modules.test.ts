import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { article, cleanup, makeSite, REPO } from '../helpers.js';

/**
 * A build loads the Markdown libraries (unified, remark, rehype: one bundle of some 230 modules), gray-matter and
 * libphonenumber only when a source must be parsed: a build from the cache, or a template edit that
 * takes every body from the Markdown cache, loads none. Each build runs in a process of its own with
 * a module hook that lists what was loaded (the compiled library, as the CLI loads it).
 */
const HOOK = `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import { createRequire } from 'node:module';
const { port1, port2 } = new MessageChannel();
const loaded = new Set();
port1.on('message', (url) => loaded.add(url));
port1.unref();
register('data:text/javascript,' + encodeURIComponent('let port; export function initialize(d) { port = d.port; } export async function load(url, context, next) { port.postMessage(url); return next(url, context); }'), { data: { port: port2 }, transferList: [port2] });
process.on('exit', () => {
  // The CommonJS cache is one for the process: any anchor path shows it.
  for (const file of Object.keys(createRequire('/hook.js').cache)) loaded.add(file);
  process.stdout.write(JSON.stringify([...loaded]));
});
`;

/** The packages a build of `root` loaded, by name. */
function packagesLoadedBy(root: string): Set<string> {
  const index = path.join(REPO, 'lib', 'index.js');
  expect(existsSync(index), 'run `npm run compile` first').toBe(true);
  const script = `const { build } = await import(${JSON.stringify(pathToFileURL(index).href)}); await build({ root: ${JSON.stringify(root)} });`;
  const hook = `data:text/javascript,${encodeURIComponent(HOOK)}`;
  const out = execFileSync(process.execPath, ['--import', hook, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  // The Markdown stage's libraries and gray-matter come in a bundle each (scripts/bundle-vendor.mjs): loading it is loading them.
  const names = (JSON.parse(out) as string[]).map((url) => (url.endsWith('/lib/markdown/vendor.js') ? MARKDOWN_LIBRARIES : url.endsWith('/lib/content/gray-matter.cjs') ? 'gray-matter' : /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1])).filter((name): name is string => name !== undefined);
  return new Set(names);
}

const MARKDOWN_LIBRARIES = 'unified, remark, rehype (lib/markdown/vendor.js)';
const PARSING = [MARKDOWN_LIBRARIES, 'gray-matter', 'libphonenumber-js'];
const loadedOf = (packages: Set<string>): string[] => PARSING.filter((name) => packages.has(name));

describe('modules a build loads', () => {
  it('parsing libraries only when a source is parsed: not for a build from the cache nor for a template edit', () => {
    const files: Record<string, string> = { 'stadtbote.config.yaml': 'title: Module\nbaseUrl: https://example.org/\nsearch: false\n' };
    for (let i = 0; i < 5; i++) files[`content/2025/2025-03-0${i + 1}-meldung-${i}.md`] = article({ title: `Meldung ${i}`, date: `2025-03-0${i + 1}`, region: 'Potsdam', teaser: `Anriss ${i}` }, `Text ${i} mit **Fett**.`);
    files['content/2025/2025-03-06-kontakt.md'] = article({ title: 'Mit Kontakt', date: '2025-03-06', region: 'Potsdam', teaser: 'Anriss' }, 'Text.').replace('---\nText.', 'contact:\n  name: Pressestelle\n  phone: "+49 331 289-0"\n---\nText.');
    const root = makeSite(files);
    try {
      // The hook sees them when they are loaded: the first build parses every source.
      expect(loadedOf(packagesLoadedBy(root))).toEqual(PARSING);
      expect(loadedOf(packagesLoadedBy(root))).toEqual([]);
      mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
      writeFileSync(path.join(root, 'templates/partials/footer.liquid'), '<footer class="site-footer"><p>Fassung 2</p></footer>\n');
      expect(loadedOf(packagesLoadedBy(root))).toEqual([]);
      // An edited body is parsed: the libraries come back.
      appendFileSync(path.join(root, 'content/2025/2025-03-01-meldung-0.md'), '\nNachtrag.\n');
      expect(loadedOf(packagesLoadedBy(root))).toEqual(PARSING.filter((name) => name !== 'libphonenumber-js'));
    } finally {
      cleanup(root);
    }
  }, 120_000);

  it("the HTML parser that makes feed links absolute only when a feed is made: a build that changed no feed's articles keeps the feeds, also after a template edit", () => {
    const files: Record<string, string> = { 'stadtbote.config.yaml': 'title: Module\nbaseUrl: https://example.org/\nsearch: false\n' };
    // Bodies with site links: making their feed items needs the parser.
    for (let i = 0; i < 3; i++) files[`content/2025/2025-03-0${i + 1}-meldung-${i}.md`] = article({ title: `Meldung ${i}`, date: `2025-03-0${i + 1}`, region: i === 0 ? 'Kiel' : 'Potsdam', teaser: `Anriss ${i}` }, `Siehe [Startseite](/) ${i}.`);
    const root = makeSite(files);
    const parses = (): boolean => packagesLoadedBy(root).has('hast-util-from-html');
    try {
      expect(parses()).toBe(true);
      expect(parses()).toBe(false);
      // A new headline of an article in the feeds: the feeds that list it are made again.
      writeFileSync(path.join(root, 'content/2025/2025-03-01-meldung-0.md'), article({ title: 'Meldung 0 neu', date: '2025-03-01', region: 'Kiel', teaser: 'Anriss 0' }, 'Siehe [Startseite](/) 0.'));
      expect(parses()).toBe(true);
      expect(parses()).toBe(false);
      // A template edit makes every page again, but no feed: their keys hold without the templates.
      mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
      writeFileSync(path.join(root, 'templates/partials/footer.liquid'), '<footer class="site-footer"><p>Fassung 2</p></footer>\n');
      expect(parses()).toBe(false);
    } finally {
      cleanup(root);
    }
  }, 120_000);
});
