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
  it('_redirects for Netlify and Cloudflare Pages: one 301 line per old address, to the path of the new one', () => {
    const rules = site
      .text('_redirects')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(rules).toEqual([`/presse/alt/meldung-1.html ${target} 301`, `/presse/archiv-alt/ ${target} 301`, `/presse/cms/meldung/1 ${target} 301`]);
  });

  it('.htaccess for Apache: anchored mod_rewrite rules to the new path (no production host), old query dropped', () => {
    const text = site.text('.htaccess');
    expect(text).toContain('ErrorDocument 404 /presse/404.html');
    const rules = text.split('\n').filter((l) => l.startsWith('Rewrite'));
    expect(rules).toEqual([
      'RewriteEngine On',
      'RewriteCond %{REQUEST_URI} ^/presse/alt/meldung-1\\.html$',
      `RewriteRule "^" "${target}" [R=301,L,NE,QSD]`,
      'RewriteCond %{REQUEST_URI} ^/presse/archiv-alt/$',
      `RewriteRule "^" "${target}" [R=301,L,NE,QSD]`,
      'RewriteCond %{REQUEST_URI} ^/presse/cms/meldung/1$',
      `RewriteRule "^" "${target}" [R=301,L,NE,QSD]`,
    ]);
    expect(rules.join('\n')).not.toContain('https://');
  });

  it('nginx: maps in nginx-http.conf, the redirect and the site in nginx-server.conf, with instructions', () => {
    const http = site.text('nginx-http.conf');
    expect(http).toMatch(/^# .*include .*nginx-http\.conf;$/m);
    const body = /map \$uri \$stadtbote_presse_redirect \{\n([\s\S]*?)\n\}/.exec(http)?.[1];
    expect(body?.split('\n').map((l) => l.trim())).toEqual(['default "";', `"/presse/alt/meldung-1.html" "${target}";`, `"/presse/archiv-alt/" "${target}";`, `"/presse/cms/meldung/1" "${target}";`]);
    const server = site.text('nginx-server.conf');
    expect(server).toContain('if ($stadtbote_presse_redirect) { return 301 $stadtbote_presse_redirect; }');
    expect(server).toContain('error_page 404 /presse/404.html;');
    expect(server).toContain('charset utf-8;');
  });

  it('leaves out aliases of unpublished articles', () => {
    expect(site.files.has('entwurf-alt/index.html')).toBe(false);
    for (const file of ['_redirects', '.htaccess', 'nginx-http.conf']) expect(site.text(file)).not.toContain('entwurf');
  });
});

describe('aliases in small sites', () => {
  it('writes the server files also when no article has aliases', async () => {
    const root = makeSite({ 'content/2025/a.md': article() });
    try {
      await buildSite(root, { search: false, noCache: true });
      const files = readTree(`${root}/dist`);
      for (const file of ['_redirects', '_headers', '.htaccess', 'nginx-http.conf', 'nginx-server.conf']) expect(files.has(file), file).toBe(true);
      expect(files.get('nginx-http.conf')!.toString()).toContain('map $uri $stadtbote_redirect {\n    default "";\n}');
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
      expect(files.get('nginx-http.conf')!.toString()).toContain('"/alt/a b.html" "/2025/02-13-eins/";');
    } finally {
      cleanup(root);
    }
  });

  it('_redirects encodes what Netlify reads as a splat, a placeholder or a comment', async () => {
    const root = makeSite({ 'content/2025/eins.md': article({ title: 'Eins' }).replace('---\n', '---\naliases: ["/alt/*", "/alt/:name/x.html", "/alt/a?b=*&c=:d"]\n') });
    try {
      await buildSite(root, { search: false, noCache: true, baseUrl: 'https://example.org/' });
      const rules = readTree(`${root}/dist`).get('_redirects')!.toString().split('\n').filter((l) => l && !l.startsWith('#'));
      expect(rules).toEqual(['/alt/%2A /2025/02-13-eins/ 301', '/alt/%3Aname/x.html /2025/02-13-eins/ 301', '/alt/a b=%2A c=%3Ad /2025/02-13-eins/ 301!']);
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
