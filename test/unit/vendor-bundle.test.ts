import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as vendorSource from '../../src/markdown/vendor.js';
import { MarkdownStage as SourceStage } from '../../src/render/markdown-stage.js';
import { languages } from '../../src/i18n/index.js';
import type { SourceFile } from '../../src/model/types.js';

/**
 * The compiled Markdown stage loads its libraries from one bundle (scripts/bundle-vendor.mjs, run by
 * `npm run compile`, which `npm test` runs first): it must be a bundle, export what the source
 * module exports, and make the same HTML as the libraries themselves.
 */
const lib = path.join(import.meta.dirname, '../../lib');

describe('the bundle of the Markdown stage\'s libraries', () => {
  it('imports nothing but Node\'s own modules', () => {
    const code = readFileSync(path.join(lib, 'markdown/vendor.js'), 'utf8');
    const imported = [...code.matchAll(/^\s*import\b[^'"]*['"]([^'"]+)['"]/gm), ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((name) => !name.startsWith('node:'))).toEqual([]);
    // And no `require` of a library at run time: the libraries are inside.
    const required = [...code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
    expect(required.filter((name) => !name.startsWith('node:') && !['path', 'process', 'url', 'fs', 'util', 'tty', 'os'].includes(name))).toEqual([]);
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
