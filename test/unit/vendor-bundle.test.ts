import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as vendorSource from '../../src/markdown/vendor.js';
import * as startVendorSource from '../../src/util/vendor.js';
import { MarkdownStage as SourceStage } from '../../src/render/markdown-stage.js';
import { languages } from '../../src/i18n/index.js';
import type { SourceFile } from '../../src/model/types.js';

/**
 * The compiled vendor modules (the Markdown stage's libraries; the libraries every build loads at its
 * start) are one bundle each (scripts/bundle-vendor.mjs, run by `npm run compile`, which `npm test`
 * runs first): each must be a bundle and export what its source module exports; the Markdown stage
 * must make the same HTML as the libraries themselves; and no other module may import those
 * libraries' values itself, or a build would load them twice, with two kinds of the same class.
 */
const lib = path.join(import.meta.dirname, '../../lib');
const src = path.join(import.meta.dirname, '../../src');
const VENDOR_MODULES = ['markdown/vendor', 'util/vendor'];
const NODE_BUILTINS = ['buffer', 'crypto', 'fs', 'os', 'path', 'process', 'stream', 'tty', 'url', 'util'];

/** Packages a module imports values from (`import type` aside), by name. */
function valueImports(code: string): string[] {
  const statements = [...code.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+'([^']+)'/gm), ...code.matchAll(/^import\s+'([^']+)'/gm), ...code.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)];
  return statements.map((m) => m[1]!).filter((name) => !name.startsWith('.') && !name.startsWith('node:'));
}

describe('the bundles of the libraries', () => {
  it.each(VENDOR_MODULES)('lib/%s.js imports nothing but Node\'s own modules', (name) => {
    const code = readFileSync(path.join(lib, `${name}.js`), 'utf8');
    const imported = [...code.matchAll(/^\s*import\b[^'"]*['"]([^'"]+)['"]/gm), ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((n) => !n.startsWith('node:'))).toEqual([]);
    // And no `require` of a library at run time: the libraries are inside.
    const required = [...code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
    expect(required.filter((n) => !n.startsWith('node:') && !NODE_BUILTINS.includes(n))).toEqual([]);
  });

  it('lib/content/gray-matter.cjs is gray-matter in one file: it requires only Node\'s own modules and splits frontmatter as the package does', async () => {
    const code = readFileSync(path.join(lib, 'content/gray-matter.cjs'), 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((n) => !n.startsWith('node:') && !NODE_BUILTINS.includes(n))).toEqual([]);
    const { createRequire } = await import('node:module');
    const bundled = createRequire(import.meta.url)(path.join(lib, 'content/gray-matter.cjs')) as typeof import('gray-matter');
    const text = '---\ntitle: Straßenbau\n---\nText.\n';
    const engines = { yaml: (s: string) => ({ raw: s }) };
    const fromPackage = createRequire(import.meta.url)('gray-matter') as typeof import('gray-matter');
    const split = (matter: typeof import('gray-matter')) => {
      const { content, data } = matter(text, { engines } as never);
      return { content, data };
    };
    expect(split(bundled)).toEqual({ content: 'Text.\n', data: { raw: '\ntitle: Straßenbau' } });
    expect(split(bundled)).toEqual(split(fromPackage));
    // The compiled frontmatter module loads the bundle, not the package.
    expect(readFileSync(path.join(lib, 'content/frontmatter.js'), 'utf8')).toContain("'./gray-matter.cjs'");
  });

  it('lib/util/vendor.js exports what its source module exports, the same functions', async () => {
    const compiled = (await import(path.join(lib, 'util/vendor.js'))) as Record<string, unknown>;
    expect(Object.keys(compiled).sort()).toEqual(Object.keys(startVendorSource).sort());
    const { parseDocument, slugifyText } = compiled as typeof startVendorSource;
    expect(parseDocument('titel: Straßenbau in Köln\n').toJS()).toEqual({ titel: 'Straßenbau in Köln' });
    expect(slugifyText('Straßenbau in Köln')).toBe(startVendorSource.slugifyText('Straßenbau in Köln'));
  });

  it('no other module of src/ imports a bundled library\'s values itself', () => {
    const bundledBy = (name: string): Set<string> => new Set(valueImports(readFileSync(path.join(src, `${name}.ts`), 'utf8')));
    const atStart = bundledBy('util/vendor');
    const markdown = bundledBy('markdown/vendor');
    expect(atStart).toContain('liquidjs');
    expect(markdown).toContain('remark-parse');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !VENDOR_MODULES.includes(f.slice(0, -3)));
    // The importer (`stadtbote import`, not a build) runs a pipeline of its own, HTML → Markdown, with
    // libraries the build never loads; no tree or message of it meets the Markdown stage's.
    const bundledFor = (f: string): ((name: string) => boolean) => (f.startsWith('import/') ? (name) => atStart.has(name) : (name) => atStart.has(name) || markdown.has(name));
    const offenders = files.flatMap((f) => valueImports(readFileSync(path.join(src, f), 'utf8')).filter(bundledFor(f)).map((name) => `${f}: ${name}`));
    expect(offenders).toEqual([]);
  });

  it('exports what the source module exports, and the compiled stage makes the same HTML', async () => {
    const vendorLib = (await import(path.join(lib, 'markdown/vendor.js'))) as Record<string, unknown>;
    expect(Object.keys(vendorLib).sort()).toEqual(Object.keys(vendorSource).sort());
    const { MarkdownStage: LibStage } = (await import(path.join(lib, 'render/markdown-stage.js'))) as { MarkdownStage: typeof SourceStage };
    const options = { rawHtml: 'sanitize' as const, strings: languages.de!, assets: new Map(), basePath: '/', allowedHosts: [], language: 'de' };
    const source = { rel: '2025/a.md', display: 'content/2025/a.md', abs: '/x/content/2025/a.md', hash: 'h', text: '' } as unknown as SourceFile;
    const body = [
      '## Ausbau im Kreis',
      '',
      'Der **Kreistag** hat den [Plan](https://example.org/plan) beschlossen.',
      '',
      '| Ort | Anschlüsse |',
      '| --- | ---: |',
      '| Potsdam | 1.200 |',
      '',
      '- [x] Ausschreibung',
      '- [ ] Bau',
      '',
      '<details><summary>Mehr</summary>Text</details>',
      '',
      'Fußnote[^1].',
      '',
      '[^1]: Stand Mai.',
    ].join('\n');
    const fromLib = new LibStage(options).run(source, body, 1);
    const fromSource = new SourceStage(options).run(source, body, 1);
    expect(fromLib.html).toContain('<table>');
    expect(fromLib.html).toBe(fromSource.html);
    expect(fromLib.problems).toEqual(fromSource.problems);
  });
});
