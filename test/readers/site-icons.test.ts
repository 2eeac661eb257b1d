import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, buildSite, cleanup, makeSite, readTree } from '../helpers.js';

const CONFIG = 'baseUrl: https://example.org/presse/\nsearch: false\n';

function iconLinks(html: string): string[] {
  return [...html.matchAll(/<link rel="(?:icon|apple-touch-icon)"[^>]*>/g)].map((m) => m[0]);
}

describe('favicon and touch icon', () => {
  it('ships defaults at the site root, linked under the base path from every page', async () => {
    const root = makeSite({ 'stadtbote.config.yaml': CONFIG, 'content/2025/2025-02-13-a.md': article() });
    try {
      await buildSite(root);
      const files = readTree(path.join(root, 'dist'));
      // ICO magic (0, 1 = icon), an SVG, a 180 × 180 PNG.
      expect([...files.get('favicon.ico')!.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
      expect(files.get('favicon.svg')!.toString()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(files.get('apple-touch-icon.png')!.readUInt32BE(16)).toBe(180);
      for (const page of ['index.html', '2025/02-13-a/index.html', '404.html', 'archiv/index.html']) {
        expect(iconLinks(files.get(page)!.toString()), page).toEqual([
          '<link rel="icon" href="/presse/favicon.ico" sizes="32x32">',
          '<link rel="icon" href="/presse/favicon.svg" type="image/svg+xml">',
          '<link rel="apple-touch-icon" href="/presse/apple-touch-icon.png">',
        ]);
      }
    } finally {
      cleanup(root);
    }
  });

  it('a favicon.ico of the site in static/ replaces the default, and the default SVG then steps aside', async () => {
    const root = makeSite({
      'stadtbote.config.yaml': CONFIG,
      'content/2025/2025-02-13-a.md': article(),
      'static/favicon.ico': 'wappen-ico',
      'static/apple-touch-icon.png': 'wappen-png',
    });
    try {
      await buildSite(root);
      const out = path.join(root, 'dist');
      expect(readFileSync(path.join(out, 'favicon.ico'), 'utf8')).toBe('wappen-ico');
      expect(readFileSync(path.join(out, 'apple-touch-icon.png'), 'utf8')).toBe('wappen-png');
      expect(readTree(out).has('favicon.svg')).toBe(false);
      expect(iconLinks(readFileSync(path.join(out, 'index.html'), 'utf8'))).toEqual([
        '<link rel="icon" href="/presse/favicon.ico" sizes="32x32">',
        '<link rel="apple-touch-icon" href="/presse/apple-touch-icon.png">',
      ]);
    } finally {
      cleanup(root);
    }
  });

  it('a favicon added to static/ after a cached build reaches every cached page', async () => {
    const root = makeSite({ 'stadtbote.config.yaml': CONFIG, 'content/2025/2025-02-13-a.md': article() });
    try {
      await buildSite(root);
      mkdirSync(path.join(root, 'static'));
      writeFileSync(path.join(root, 'static/favicon.ico'), 'wappen-ico');
      await buildSite(root);
      for (const page of ['index.html', '2025/02-13-a/index.html']) {
        expect(readFileSync(path.join(root, 'dist', page), 'utf8'), page).not.toContain('favicon.svg');
      }
    } finally {
      cleanup(root);
    }
  });

  it('a site theme can replace the defaults in templates/icons/', async () => {
    const root = makeSite({
      'stadtbote.config.yaml': CONFIG,
      'content/2025/2025-02-13-a.md': article(),
      'templates/icons/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"><title>Wappen</title></svg>',
    });
    try {
      await buildSite(root);
      expect(readFileSync(path.join(root, 'dist/favicon.svg'), 'utf8')).toContain('Wappen');
    } finally {
      cleanup(root);
    }
  });
});
