import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputClaims } from '../../src/write/claims.js';
import { ContentError } from '../../src/model/errors.js';
import type { Problem } from '../../src/model/problem.js';
import { article, buildSite, cleanup, makeSite } from '../helpers.js';

describe('site-wide outputs', () => {
  it('warns in build (not only in check) about footer links to missing pages, and counts generated pages as present', async () => {
    const root = makeSite({
      'stadtbote.config.yaml': 'search: false\nfooterLinks:\n  - { label: Regionen, href: /regionen/ }\n  - { label: Jahr, href: /2025/ }\n  - { label: Feed, href: /feed.xml }\n  - { label: Fehlt, href: /fehlt/ }\n',
      'content/2025/a.md': article({ date: '2025-02-13' }),
    });
    try {
      const report = await buildSite(root);
      expect(report.warnings.filter((p) => p.ruleId === 'missing-footer-page').map((p) => p.reason)).toEqual(['der Link „Fehlt“ in der Fußzeile zeigt auf /fehlt/, diese Seite gibt es nicht']);
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
      // Under content-hashed names: `hausschrift.<8 hex>.woff2`.
      expect(readdirSync(path.join(root, 'dist/assets/fonts'))).toEqual([expect.stringMatching(/^hausschrift\.[0-9a-f]{8}\.woff2$/)]);
      expect(existsSync(path.join(root, 'dist/assets/.hidden/x.txt'))).toBe(false);
      expect(readdirSync(path.join(root, 'dist/assets'))).toContainEqual(expect.stringMatching(/^stadtbote\.[0-9a-f]{8}\.css$/));
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

describe('OutputClaims', () => {
  const setup = () => {
    const problems: Problem[] = [];
    const claims = new OutputClaims({ dir: '/nirgends/content', displayPrefix: 'content/' }, problems);
    return { claims, problems };
  };

  it('gives each path one owner and names the content file behind a clash', () => {
    const { claims, problems } = setup();
    expect(claims.claim('2025/a/index.html', 'content/2025/a.md', { src: '2025/a.md', field: 'title' })).toBe(true);
    expect(claims.claim('2025/a/index.html', 'the generated page /2025/a/')).toBe(false);
    expect(problems).toMatchObject([{ file: 'content/2025/a.md', field: 'title', ruleId: 'duplicate-url' }]);
    expect(claims.ownerOf('2025/a/index.html')).toBe('content/2025/a.md');
  });

  it('refuses a path that is a file for one owner and a folder for another, in either order', () => {
    const { claims, problems } = setup();
    expect(claims.claim('feed.xml', 'the site feeds')).toBe(true);
    expect(claims.claim('feed.xml/index.html', 'content/2025/a.md (alias /feed.xml/)', { src: '2025/a.md', field: 'aliases.0' })).toBe(false);
    expect(claims.claim('alt/index.html', 'static/alt/index.html')).toBe(true);
    expect(claims.claim('alt', 'static/alt')).toBe(false);
    expect(problems.map((p) => p.reason)).toEqual([expect.stringContaining('nicht zugleich Datei und Ordner sein'), expect.stringContaining('nicht zugleich Datei und Ordner sein')]);
    expect(problems[0]).toMatchObject({ file: 'content/2025/a.md', field: 'aliases.0', fix: 'die alte Adresse entfernen oder ändern' });
    // The generators' names are German on a German site: no English words inside a German sentence.
    expect(problems[0]!.reason).toBe('content/2025/a.md (alte Adresse /feed.xml/) schreibt /feed.xml/index.html, aber /feed.xml (geschrieben von: die Feeds der Website) kann nicht zugleich Datei und Ordner sein');
  });

  it('keeps a reserved folder for its owner alone', () => {
    const { claims, problems } = setup();
    claims.reserveFolder('pagefind', 'the search index');
    expect(claims.claim('pagefind/pagefind.js', 'content/2025/a.md (alias /pagefind/pagefind.js)')).toBe(false);
    expect(claims.claim('pagefind', 'static/pagefind')).toBe(false);
    expect(claims.claim('pagefind/pagefind.js', 'the search index')).toBe(true);
    expect(problems).toHaveLength(2);
  });
});
