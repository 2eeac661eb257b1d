import type { PageChrome } from '../theme/views.js';
import { parseOldAddress, placeOldAddress, querySpellings, type OldAddress } from '../content/aliases.js';
import { withBasePathFor } from './absolute.js';
import type { GeneratedFile, OutputSource, SiteSnapshot } from './types.js';
import { relativePath } from '../util/files.js';
import { aliasOwner } from '../i18n/owners.js';

/** One old address of a published article. */
export interface MovedUrl {
  /** The alias as written in the frontmatter. */
  readonly alias: string;
  readonly address: OldAddress;
  /**
   * The site path (below the base path, decoded) where a redirect page stands, for old addresses
   * under the base path without a query; the others only the server files redirect.
   */
  readonly pageAt?: string;
  /** The query's spellings that servers must match (none: any query or none). */
  readonly queries: readonly string[];
  /** The article's site path (without the base path). */
  readonly target: string;
  /** The article's path on the host (with the base path), the redirect target of the server files. */
  readonly targetPath: string;
  readonly title: string;
  /** The article's source, for messages. */
  readonly owner: string;
  readonly source: OutputSource;
}

/**
 * Where the redirect page for an old path is written. `/alt/` and extensionless paths such as
 * `/meldung/123` become folders with an `index.html`: every static host serves those as HTML
 * (and redirects `/meldung/123` to `/meldung/123/`), while a file without an extension would be
 * sent as a download.
 */
export function redirectFilePath(decoded: string): string {
  const rel = decoded.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) return `${rel}index.html`;
  const last = rel.slice(rel.lastIndexOf('/') + 1);
  return last.includes('.') ? rel : `${rel}/index.html`;
}

/** Every alias of every published article on this host, sorted by old address so that the files are stable. */
export function movedUrls(s: SiteSnapshot): MovedUrl[] {
  const { paths } = s.site;
  const host = new URL(s.site.config.baseUrl).host;
  const base = withBasePathFor(s);
  const prefix = (relativePath(paths.root, paths.content) || '.') + '/';
  const out: MovedUrl[] = [];
  for (const a of s.model.articles) {
    for (const alias of new Set(a.data.aliases)) {
      const parsed = parseOldAddress(alias);
      if (!parsed.ok) continue;
      const placed = placeOldAddress(parsed.address, host, s.site.basePath);
      // Another host's address is an error of the alias check; the build stops before writing.
      if (placed.kind !== 'this-host') continue;
      out.push({
        alias,
        address: parsed.address,
        ...(placed.pageAt !== undefined ? { pageAt: placed.pageAt } : {}),
        queries: querySpellings(parsed.address),
        target: a.url,
        targetPath: base(a.url),
        title: a.data.title,
        owner: aliasOwner(`${prefix}${a.src}`, alias),
        source: { src: a.src, field: `aliases.${a.data.aliases.indexOf(alias)}` },
      });
    }
  }
  const key = (m: MovedUrl): string => `${m.address.decodedPath}?${m.address.query ?? ''}`;
  return out.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
}

/**
 * Old addresses under the base path keep working on every static host: a redirect page (meta
 * refresh, canonical, noindex, visible link) stands at each. The server files (nginx, Apache,
 * Netlify/Cloudflare) redirect all old addresses, those outside the base path and with queries too.
 */
export function redirects(s: SiteSnapshot): GeneratedFile[] {
  const { renderer } = s;
  const files: GeneratedFile[] = [];
  for (const m of movedUrls(s)) {
    if (m.pageAt === undefined) continue;
    const chrome: PageChrome = {
      kind: 'redirect',
      title: renderer.strings.redirectTitle,
      // The canonical URL of a moved page is its new address.
      url: m.target,
      description: `${renderer.strings.redirectText} ${m.title}`,
      feeds: renderer.siteFeeds(),
      noindex: true,
    };
    const html = renderer.renderPage('redirect', chrome, { target: m.target, title: m.title });
    files.push({ path: redirectFilePath(m.pageAt), content: html, owner: m.owner, source: m.source });
  }
  return files;
}
