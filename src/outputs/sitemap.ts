import { xmlEscape } from '../theme/engine.js';
import { absoluteUrlFor } from './absolute.js';
import type { GeneratedFile, SiteSnapshot } from './types.js';
import { owner } from '../i18n/owners.js';

/** The sitemaps protocol allows at most 50,000 URLs per file; bigger archives get a sitemap index. */
export const SITEMAP_LIMIT = 50_000;

interface SitemapEntry {
  readonly loc: string;
  readonly lastmod?: string;
}

function urlset(entries: readonly SitemapEntry[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const e of entries) {
    lines.push(`<url><loc>${xmlEscape(e.loc)}</loc>${e.lastmod ? `<lastmod>${xmlEscape(e.lastmod)}</lastmod>` : ''}</url>`);
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

function newest(entries: readonly SitemapEntry[]): string | undefined {
  let best: { ms: number; text: string } | undefined;
  for (const e of entries) {
    if (!e.lastmod) continue;
    const ms = Date.parse(e.lastmod);
    if (!best || ms > best.ms) best = { ms, text: e.lastmod };
  }
  return best?.text;
}

/**
 * `sitemap.xml` with every public HTML page (absolute URL, `lastmod` when known) and `robots.txt`
 * naming it. With more than `limit` pages, `sitemap.xml` becomes an index of `sitemap-N.xml` files.
 */
export function sitemapFiles(s: SiteSnapshot, limit = SITEMAP_LIMIT): GeneratedFile[] {
  const absolute = absoluteUrlFor(s);
  // Every page is listed once: the build claims each output path before it reaches htmlPages.
  const entries: SitemapEntry[] = s.htmlPages.map((page) => ({ loc: absolute(page.url), ...(page.lastmod ? { lastmod: page.lastmod } : {}) }));
  const by = owner('sitemap');
  const files: GeneratedFile[] = [];
  if (entries.length <= limit) {
    files.push({ path: 'sitemap.xml', content: urlset(entries), owner: by });
  } else {
    const index = ['<?xml version="1.0" encoding="utf-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
    for (let i = 0, n = 1; i < entries.length; i += limit, n++) {
      const chunk = entries.slice(i, i + limit);
      const name = `sitemap-${n}.xml`;
      files.push({ path: name, content: urlset(chunk), owner: by });
      const lastmod = newest(chunk);
      index.push(`<sitemap><loc>${xmlEscape(absolute(`/${name}`))}</loc>${lastmod ? `<lastmod>${xmlEscape(lastmod)}</lastmod>` : ''}</sitemap>`);
    }
    index.push('</sitemapindex>', '');
    files.unshift({ path: 'sitemap.xml', content: index.join('\n'), owner: by });
  }
  // Crawlers read robots.txt only at the host's root; under a sub-path it still names the sitemap
  // for whoever copies it there, and search consoles accept the sitemap URL directly.
  files.push({ path: 'robots.txt', content: `User-agent: *\nAllow: /\n\nSitemap: ${absolute('/sitemap.xml')}\n`, owner: 'robots.txt' });
  return files;
}
