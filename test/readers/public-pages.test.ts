import { cpSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, cleanup, REPO, readTree, tempDir } from '../helpers.js';

let root: string;
let dist: string;

beforeAll(async () => {
  // The sample site as a new user gets it: its content, config and static files, built with the default theme.
  root = tempDir('stadtbote-sample-');
  cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  cpSync(path.join(REPO, 'stadtbote.config.yaml'), path.join(root, 'stadtbote.config.yaml'));
  cpSync(path.join(REPO, 'static'), path.join(root, 'static'), { recursive: true });
  await buildSite(root);
  dist = path.join(root, 'dist');
});

afterAll(() => cleanup(root));

const LEGAL = [
  ['impressum', 'Impressum'],
  ['datenschutz', 'Datenschutz'],
  ['barrierefreiheit', 'Barrierefreiheit'],
  ['leichte-sprache', 'Leichte Sprache'],
] as const;

describe('public-sector pages of the sample site', () => {
  it.each(LEGAL)('/%s/ is a standalone page', (slug) => {
    const html = readFileSync(path.join(dist, slug, 'index.html'), 'utf8');
    expect(html).toMatch(/<h1>[^<]+<\/h1>/);
    expect(html).toContain('class="page"');
    // Standalone pages are not news: not in the search index.
    expect(html).not.toContain('data-pagefind-body');
  });

  it('the accessibility statement names a feedback contact and the conciliation body', () => {
    const html = readFileSync(path.join(dist, 'barrierefreiheit', 'index.html'), 'utf8');
    expect(html).toMatch(/Schlichtungsstelle/);
    expect(html).toMatch(/mailto:|Telefon|E-Mail/);
  });

  it('every HTML page links to the four pages in its footer', () => {
    const pages = [...readTree(dist).entries()].filter(([rel]) => rel.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const [rel, bytes] of pages) {
      const html = bytes.toString('utf8');
      const footer = html.slice(html.indexOf('<footer'));
      if (!footer.startsWith('<footer')) continue; // redirect stubs have no chrome
      for (const [slug, label] of LEGAL) expect(footer, rel).toContain(`<a href="/${slug}/">${label}</a>`);
    }
  });
});

describe('light pages', () => {
  it('the home page with its stylesheet stays under 50 KB', () => {
    const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const styles = [...home.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].map((m) => m[1]!);
    // The theme's stylesheet and, with a brand colour (the sample site has one), the generated brand.css.
    expect(styles).toEqual([expect.stringMatching(/^assets\/stadtbote\.[0-9a-f]{8}\.css$/), expect.stringMatching(/^assets\/brand\.[0-9a-f]{8}\.css$/)]);
    // The home page loads no script at all; search.js is only on the search page.
    expect(home).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    const bytes = statSync(path.join(dist, 'index.html')).size + styles.reduce((sum, s) => sum + statSync(path.join(dist, s)).size, 0);
    expect(bytes).toBeLessThan(50 * 1024);
  });
});
