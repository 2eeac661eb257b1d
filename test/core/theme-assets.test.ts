import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, article, cleanup, makeSite, readTree } from '../helpers.js';

const HASHED = /^assets\/(.+)\.([0-9a-f]{8})(\.[a-z0-9]+)$/;

/** Published theme assets by their unhashed name. */
function published(out: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const file of readTree(out).keys()) {
    const m = HASHED.exec(file);
    if (m) map.set(`${m[1]}${m[3]}`, file);
  }
  return map;
}

describe('theme assets under content-hashed names', () => {
  const site = (): string =>
    makeSite({
      'stadtbote.config.yaml': 'baseUrl: https://example.org/presse/\nsearch: false\n',
      'content/2025/2025-02-13-a.md': article(),
      // A site stylesheet that loads a font, another stylesheet, an image by site path, and things that are not assets.
      'templates/assets/extra.css': '/* Hausschrift */\n@import "base.css";\n@font-face { font-family: Haus; src: url(fonts/haus.woff2?v=1#x) format("woff2"); }\n.logo { background: url( "/assets/img/logo.svg" ); }\n.dot { background: url(data:image/gif;base64,R0lGOD); }\n.gone { background: url(fehlt.png); }\n',
      'templates/assets/base.css': 'body { margin: 0; }\n',
      // Only an upper-case URL( refers to another file here: the stylesheet is still parsed and rewritten.
      'templates/assets/upper.css': '.logo { background: URL(img/logo.svg); }\n',
      'templates/assets/fonts/haus.woff2': 'font bytes',
      'templates/assets/img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'templates/partials/header.liquid': '<header><a href="{{ \'/\' | url }}">{{ site.title }}</a><link rel="stylesheet" href="{{ \'extra.css\' | asset }}"><img src="{{ \'/assets/img/logo.svg\' | url }}" alt="Logo"></header>',
    });

  it('links pages to the hashed names through the url and asset filters, site overrides included', async () => {
    const root = site();
    try {
      await buildSite(root);
      const out = path.join(root, 'dist');
      const assets = published(out);
      expect([...assets.keys()].sort()).toEqual(['base.css', 'extra.css', 'fonts/haus.woff2', 'img/logo.svg', 'stadtbote.css', 'upper.css']);
      // Nothing is published under its plain name, so nothing can be served stale from a year-long cache.
      expect(readTree(out).has('assets/stadtbote.css')).toBe(false);
      const home = readFileSync(path.join(out, 'index.html'), 'utf8');
      expect(home).toContain(`<link rel="stylesheet" href="/presse/${assets.get('stadtbote.css')}">`);
      expect(home).toContain(`<link rel="stylesheet" href="/presse/${assets.get('extra.css')}">`);
      expect(home).toContain(`<img src="/presse/${assets.get('img/logo.svg')}" alt="Logo">`);
    } finally {
      cleanup(root);
    }
  });

  it('rewrites references between assets inside stylesheets, keeping the rest of the file as written', async () => {
    const root = site();
    try {
      await buildSite(root);
      const out = path.join(root, 'dist');
      const assets = published(out);
      const css = readFileSync(path.join(out, assets.get('extra.css')!), 'utf8');
      const name = (n: string): string => assets.get(n)!.slice('assets/'.length);
      expect(css).toBe(
        `/* Hausschrift */\n@import "${name('base.css')}";\n@font-face { font-family: Haus; src: url("${name('fonts/haus.woff2')}?v=1#x") format("woff2"); }\n.logo { background: url("/assets/${name('img/logo.svg')}"); }\n.dot { background: url(data:image/gif;base64,R0lGOD); }\n.gone { background: url(fehlt.png); }\n`,
      );
      expect(readFileSync(path.join(out, assets.get('upper.css')!), 'utf8')).toBe(`.logo { background: url("${name('img/logo.svg')}"); }\n`);
      // Without url( or @import, a stylesheet keeps its bytes: the name's hash is that of the file as written.
      expect(readFileSync(path.join(out, assets.get('base.css')!), 'utf8')).toBe('body { margin: 0; }\n');
    } finally {
      cleanup(root);
    }
  });

  it('gives the same names on every build, and a stylesheet a new name when a font it loads changes', async () => {
    const root = site();
    try {
      await buildSite(root, { noCache: true });
      const first = published(path.join(root, 'dist'));
      await buildSite(root, { noCache: true });
      expect(published(path.join(root, 'dist'))).toEqual(first);
      writeFileSync(path.join(root, 'templates/assets/fonts/haus.woff2'), 'other font bytes');
      await buildSite(root);
      const second = published(path.join(root, 'dist'));
      expect(second.get('fonts/haus.woff2')).not.toBe(first.get('fonts/haus.woff2'));
      expect(second.get('extra.css')).not.toBe(first.get('extra.css'));
      expect(second.get('base.css')).toBe(first.get('base.css'));
      expect(second.get('stadtbote.css')).toBe(first.get('stadtbote.css'));
    } finally {
      cleanup(root);
    }
  });
});
