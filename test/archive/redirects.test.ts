import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/model/errors.js';
import { redirectFilePath } from '../../src/outputs/redirects.js';
import { article, buildSite, cleanup, makeSite, readTree } from '../helpers.js';
import { buildArchive, PUBLISHED, type BuiltArchive } from './archive-site.js';

let site: BuiltArchive;
beforeAll(async () => {
  site = await buildArchive();
});
afterAll(() => cleanup(site.root));

const target = '/presse/2024/03-01-aelteste-meldung/';

describe('redirect pages at old URLs', () => {
  it('writes a page at every alias below the base path: files as files, folders and extensionless paths as index.html', () => {
    expect(site.files.has('alt/meldung-1.html')).toBe(true);
    expect(site.files.has('archiv-alt/index.html')).toBe(true);
    expect(site.files.has('cms/meldung/1/index.html')).toBe(true);
  });

  it('redirects with meta refresh, names the new address as canonical, is not indexed and shows a link', () => {
    for (const file of ['alt/meldung-1.html', 'archiv-alt/index.html', 'cms/meldung/1/index.html']) {
      const html = site.text(file);
      expect(html, file).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
      expect(html, file).toContain(`<link rel="canonical" href="${PUBLISHED.aelteste.url}">`);
      expect(html, file).toContain('<meta name="robots" content="noindex">');
      expect(html, file).toContain(`<a href="${target}">Älteste Meldung</a>`);
      expect(html, file).toMatch(/<html lang="de">/);
    }
  });

  it('maps alias paths to output files', () => {
    expect(redirectFilePath('/alt/x.html')).toBe('alt/x.html');
    expect(redirectFilePath('/alt/')).toBe('alt/index.html');
    expect(redirectFilePath('/meldung/123')).toBe('meldung/123/index.html');
    expect(redirectFilePath('/alt/a b.php')).toBe('alt/a b.php');
  });
});

describe('server redirect rules', () => {
  it('_redirects for Netlify and Cloudflare Pages: one 301 line per alias, with the base path', () => {
    const rules = site
      .text('_redirects')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(rules).toEqual([`/presse/alt/meldung-1.html ${target} 301`, `/presse/archiv-alt/ ${target} 301`, `/presse/cms/meldung/1 ${target} 301`]);
  });

  it('.htaccess for Apache: anchored 301 rules to the absolute new URL', () => {
    const rules = site
      .text('.htaccess')
      .split('\n')
      .filter((l) => l.startsWith('RedirectMatch'));
    expect(rules).toEqual([
      `RedirectMatch 301 "^/presse/alt/meldung-1[.]html$" "${PUBLISHED.aelteste.url}"`,
      `RedirectMatch 301 "^/presse/archiv-alt/$" "${PUBLISHED.aelteste.url}"`,
      `RedirectMatch 301 "^/presse/cms/meldung/1$" "${PUBLISHED.aelteste.url}"`,
    ]);
    // the pattern matches the old path and nothing longer
    const pattern = new RegExp(/"(\^[^"]*)"/.exec(rules[0]!)![1]!);
    expect(pattern.test('/presse/alt/meldung-1.html')).toBe(true);
    expect(pattern.test('/presse/alt/meldung-1xhtml')).toBe(false);
    expect(pattern.test('/presse/alt/meldung-1.html/x')).toBe(false);
  });

  it('nginx map with instructions how to include it', () => {
    const map = site.text('nginx-redirects.map');
    expect(map).toMatch(/^# .*include .*nginx-redirects\.map;$/m);
    expect(map).toContain('return 301 $stadtbote_redirect;');
    const body = /map \$uri \$stadtbote_redirect \{\n([\s\S]*?)\n\}/.exec(map)?.[1];
    expect(body?.split('\n').map((l) => l.trim())).toEqual([
      'default "";',
      `"/presse/alt/meldung-1.html" "${target}";`,
      `"/presse/archiv-alt/" "${target}";`,
      `"/presse/cms/meldung/1" "${target}";`,
    ]);
  });

  it('leaves out aliases of unpublished articles', () => {
    expect(site.files.has('entwurf-alt/index.html')).toBe(false);
    for (const file of ['_redirects', '.htaccess', 'nginx-redirects.map']) expect(site.text(file)).not.toContain('entwurf');
  });
});

describe('aliases in small sites', () => {
  it('writes no server rule files when no article has aliases', async () => {
    const root = makeSite({ 'content/2025/a.md': article() });
    try {
      await buildSite(root, { search: false, noCache: true });
      const files = readTree(`${root}/dist`);
      expect(files.has('_redirects')).toBe(false);
      expect(files.has('.htaccess')).toBe(false);
      expect(files.has('nginx-redirects.map')).toBe(false);
    } finally {
      cleanup(root);
    }
  });

  it('encodes aliases with spaces for line-based formats and stores the decoded file name', async () => {
    const root = makeSite({ 'content/2025/eins.md': article({ title: 'Eins' }).replace('---\n', '---\naliases: ["/alt/a%20b.html"]\n') });
    try {
      await buildSite(root, { search: false, noCache: true, baseUrl: 'https://example.org/' });
      const files = readTree(`${root}/dist`);
      expect(files.has('alt/a b.html')).toBe(true);
      expect(files.get('_redirects')!.toString()).toContain('/alt/a%20b.html /2025/02-13-eins/ 301');
      expect(files.get('nginx-redirects.map')!.toString()).toContain('"/alt/a b.html" "/2025/02-13-eins/";');
    } finally {
      cleanup(root);
    }
  });

  it('reports an alias that collides with another page, naming the article', async () => {
    const root = makeSite({
      'content/2025/eins.md': article({ title: 'Eins' }),
      'content/2025/b.md': article({ title: 'Zwei' }).replace('---\n', '---\naliases: ["/2025/02-13-eins/"]\n'),
    });
    try {
      const error = await buildSite(root, { search: false, noCache: true }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ContentError);
      const dupes = (error as ContentError).problems.filter((p) => p.ruleId === 'duplicate-url');
      expect(dupes).toHaveLength(1);
      expect(dupes[0]!.file).toContain('content/2025/b.md');
      expect(dupes[0]!.reason).toContain('2025/02-13-eins/index.html');
    } finally {
      cleanup(root);
    }
  });
});
