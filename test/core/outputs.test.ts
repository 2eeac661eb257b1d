import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/core/errors.js';
import { article, buildSite, cleanup, makeSite } from '../helpers.js';

describe('site-wide outputs', () => {
  it('warns in build (not only in check) about footer links to missing pages, and counts generated pages as present', async () => {
    const root = makeSite({
      'stadtbote.config.yaml': 'search: false\nfooterLinks:\n  - { label: Regionen, href: /regionen/ }\n  - { label: Jahr, href: /2025/ }\n  - { label: Feed, href: /feed.xml }\n  - { label: Fehlt, href: /fehlt/ }\n',
      'content/2025/a.md': article({ date: '2025-02-13' }),
    });
    try {
      const report = await buildSite(root);
      expect(report.warnings.filter((p) => p.ruleId === 'missing-footer-page').map((p) => p.reason)).toEqual(['footer link "Fehlt" points to /fehlt/, which no source produces']);
    } finally {
      cleanup(root);
    }
  });

  it('copies theme assets from subfolders of templates/assets/', async () => {
    const root = makeSite({
      'stadtbote.config.yaml': 'search: false\n',
      'content/2025/a.md': article(),
      'templates/assets/fonts/hausschrift.woff2': 'font bytes',
      'templates/assets/.hidden/x.txt': 'never copied',
    });
    try {
      await buildSite(root);
      expect(existsSync(path.join(root, 'dist/assets/fonts/hausschrift.woff2'))).toBe(true);
      expect(existsSync(path.join(root, 'dist/assets/.hidden/x.txt'))).toBe(false);
      expect(existsSync(path.join(root, 'dist/assets/stadtbote.css'))).toBe(true);
    } finally {
      cleanup(root);
    }
  });

  it('applies the same allowedHosts rule (with *. wildcards) to images in Markdown', async () => {
    const files = (allowed: string) => ({
      'stadtbote.config.yaml': `search: false\nallowedHosts: [${allowed}]\n`,
      'content/2025/a.md': article({}, '![Karte](https://tiles.karten.example/a.png)'),
    });
    const allowed = makeSite(files('"*.karten.example"'));
    const refused = makeSite(files('"karten.example"'));
    try {
      await expect(buildSite(allowed)).resolves.toBeDefined();
      const err = await buildSite(refused).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ContentError);
      expect((err as ContentError).problems.map((p) => p.ruleId)).toContain('external-resource');
    } finally {
      cleanup(allowed);
      cleanup(refused);
    }
  });
});
