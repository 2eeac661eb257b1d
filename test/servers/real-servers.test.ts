import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from '../helpers.js';
import { contentSecurityPolicy } from '../../src/outputs/server-policy.js';
import { MODULES, readmeExample, request, startApache, startNginx, type RunningServer } from './harness.js';
import { buildServedSite, OLD_ADDRESSES, publishedCss, type ServedTree } from './site.js';

/**
 * The generated server files in the real servers (Debian's nginx and apache2), configured exactly
 * as the README's Deployment section says, for a site under /presse/.
 */

let tree: ServedTree;
const servers: Record<'nginx' | 'apache' | 'htaccess', RunningServer | undefined> = { nginx: undefined, apache: undefined, htaccess: undefined };
const answered301: Record<string, number> = {};

beforeAll(async () => {
  tree = await buildServedSite();
  servers.nginx = await startNginx(tree.docRoot);
  servers.apache = await startApache(tree.docRoot);
  servers.htaccess = await startApache(tree.docRoot, HTACCESS_ONLY);
}, 120_000);

afterAll(async () => {
  await servers.nginx?.stop();
  await servers.apache?.stop();
  await servers.htaccess?.stop();
  if (tree) {
    cleanup(tree.root);
    cleanup(tree.docRoot);
  }
  console.log(`301s answered: ${JSON.stringify(answered301)} for ${OLD_ADDRESSES.length} aliases`);
});

/** Shared hosting: the generated file read as .htaccess in the site's folder, nothing in the virtual host. */
const HTACCESS_ONLY = `<VirtualHost *:80>
    ServerName www.landkreis.example
    DocumentRoot /var/www/html
    <Directory /var/www/html>
        Require all granted
        AllowOverride All
    </Directory>
</VirtualHost>
`;

const SERVER_FILES = ['.htaccess', '_redirects', '_headers', 'nginx-http.conf', 'nginx-server.conf'];
const FEEDS: [string, string][] = [
  ['/presse/feed.xml', 'application/rss+xml'],
  ['/presse/atom.xml', 'application/atom+xml'],
  ['/presse/feed.json', 'application/feed+json'],
  ['/presse/regionen/nordkreis/feed.xml', 'application/rss+xml'],
  ['/presse/regionen/nordkreis/atom.xml', 'application/atom+xml'],
  ['/presse/regionen/nordkreis/feed.json', 'application/feed+json'],
];

describe('the build for the servers', () => {
  it('lists the old addresses that only server rules redirect, in one list', () => {
    const serverOnly = OLD_ADDRESSES.filter((o) => !o.alias.startsWith('/presse/') || o.alias.includes('?')).length;
    expect(tree.report.serverOnlyAliases).toHaveLength(serverOnly);
    expect(tree.report.serverOnlyAliases).toContain('/aktuelles/2019/x.html');
    expect(tree.report.serverOnlyAliases).toContain('/presse/meldung.php?id=123');
    expect(tree.report.serverOnlyAliases).not.toContain('/presse/alt/meldung-1.html');
  });
});

describe.each(['nginx', 'apache'] as const)('%s', (name) => {
  const origin = (): string => servers[name]!.origin;

  it('answers every old address with 301 to its new address, in each spelling', async () => {
    let count = 0;
    const wrong: string[] = [];
    for (const old of OLD_ADDRESSES) {
      for (const path of old.requests) {
        const answer = await request(origin(), path);
        const location = answer.headers.location ? new URL(answer.headers.location, origin()) : undefined;
        if (answer.status !== 301 || location?.pathname !== old.target || location.search !== '') wrong.push(`${path}: ${answer.status} ${answer.headers.location ?? ''}`);
        else count++;
      }
    }
    answered301[name] = count;
    expect(wrong, servers[name]!.log()).toEqual([]);
    expect(count).toBe(OLD_ADDRESSES.flatMap((o) => o.requests).length);
  });

  it('does not redirect an address that is only similar to an old one', async () => {
    for (const path of ['/presse/meldung.php?id=1234', '/presse/meldung.php', '/aktuelles/2019/x.htm', '/presse/alt/meldung-1.html/x']) {
      const answer = await request(origin(), path);
      expect(answer.status, path).not.toBe(301);
    }
  });

  it('serves pages under /presse/ with utf-8, the security headers and short caching', async () => {
    const answer = await request(origin(), '/presse/');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy([]));
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    expect(answer.body).toContain('Erste Meldung');
    const article = await request(origin(), '/presse/2025/02-13-zweite-meldung/');
    // The body link copied with the base path is kept, not doubled.
    expect(article.body).toContain('href="/presse/2024/03-01-erste-meldung/"');
    expect(article.body).toContain('href="/presse/impressum/"');
  });

  it('caches files named by their content for good, and Pagefind entry files briefly', async () => {
    const css = await request(origin(), `/presse/${publishedCss(tree.out)}`);
    expect(css.status).toBe(200);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.headers['content-security-policy']).toBe(contentSecurityPolicy([]));
    expect(css.headers['content-type']).toMatch(/^text\/css; charset=utf-8$/);
    const entry = await request(origin(), '/presse/pagefind/pagefind-entry.json');
    expect(entry.status).toBe(200);
    expect(entry.headers['cache-control']).toBe('public, max-age=300');
  });

  it('answers a missing page with 404 and the site\'s 404 page under the base path', async () => {
    for (const path of ['/presse/gibt-es-nicht/', '/presse/2024/fehlt.html']) {
      const answer = await request(origin(), path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).toContain(`href="/presse/${publishedCss(tree.out)}"`);
      expect(answer.body, path).toContain('<title>Seite nicht gefunden');
      expect(answer.headers['content-security-policy'], path).toBe(contentSecurityPolicy([]));
    }
  });

  it('sends the feeds with their content types and utf-8', async () => {
    for (const [path, type] of FEEDS) {
      const answer = await request(origin(), path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-type'], path).toBe(`${type}; charset=utf-8`);
    }
    const sitemap = await request(origin(), '/presse/sitemap.xml');
    expect(sitemap.headers['content-type']).toMatch(/^(text|application)\/xml; charset=utf-8$/);
  });

  it('does not serve the server files', async () => {
    for (const file of SERVER_FILES) {
      const answer = await request(origin(), `/presse/${file}`);
      expect([403, 404], file).toContain(answer.status);
      expect(answer.body, file).not.toContain('Stadtbote:');
    }
  });
});

describe('Apache reading the file as .htaccess only (shared hosting)', () => {
  const origin = (): string => servers.htaccess!.origin;

  it('redirects the old addresses under the base path, and says which others need the virtual host', async () => {
    let count = 0;
    for (const old of OLD_ADDRESSES) {
      const under = old.requests.filter((p) => p.startsWith('/presse/'));
      for (const path of under) {
        const answer = await request(origin(), path);
        expect(answer.status, `${path} ${servers.htaccess!.log()}`).toBe(301);
        expect(new URL(answer.headers.location!, origin()).pathname).toBe(old.target);
        count++;
      }
    }
    answered301.htaccess = count;
    expect(count).toBeGreaterThanOrEqual(6);
    // Outside the site's folder the .htaccess is never read: these are in the build's server-only list.
    expect((await request(origin(), '/aktuelles/2019/x.html')).status).toBe(404);
    expect(tree.report.serverOnlyAliases).toContain('/aktuelles/2019/x.html');
  });

  it('serves the 404 page, the headers, the feed types and hides the server files', async () => {
    const missing = await request(origin(), '/presse/gibt-es-nicht/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('<title>Seite nicht gefunden');
    const home = await request(origin(), '/presse/');
    expect(home.headers['content-security-policy']).toBe(contentSecurityPolicy([]));
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await request(origin(), '/presse/atom.xml')).headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    for (const file of SERVER_FILES) expect([403, 404], file).toContain((await request(origin(), `/presse/${file}`)).status);
  });
});

describe('Apache without mod_headers', () => {
  it('still caches by the same lifetimes, through mod_expires', async () => {
    const modules = [...MODULES.filter((m) => m !== 'headers'), 'expires'];
    const apache = await startApache(tree.docRoot, readmeExample('apache'), modules);
    try {
      const css = await request(apache.origin, `/presse/${publishedCss(tree.out)}`);
      expect(css.headers['cache-control']).toBe('max-age=31536000');
      expect(css.headers['content-security-policy']).toBeUndefined();
      const page = await request(apache.origin, '/presse/');
      expect(page.headers['cache-control']).toBe('max-age=300');
      expect((await request(apache.origin, '/aktuelles/2019/x.html')).status).toBe(301);
    } finally {
      await apache.stop();
    }
  });
});
