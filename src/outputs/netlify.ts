import { movedUrls, type MovedUrl } from './redirects.js';
import { FEED_TYPES, IMMUTABLE, immutableFolders, securityHeaders } from './server-policy.js';
import type { GeneratedFile, SiteSnapshot } from './types.js';
import { owner } from '../i18n/owners.js';

/**
 * Netlify and Cloudflare Pages: `_redirects` and `_headers` in the published folder. Both read `*`
 * as a splat and `:name` as a placeholder, `#` as a comment and spaces as separators: an old
 * address must not say more than it did, so those characters are percent-encoded.
 */
export function netlifyPath(encodedPath: string): string {
  return encodedPath.replace(/[*:#?\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Netlify matches a query as `key=value` words after the path; the query's parameters in their order. */
function netlifyQuery(query: string): string {
  return query
    .split('&')
    .filter((p) => p !== '')
    .map((p) => netlifyPath(p.includes('=') ? p : `${p}=`))
    .join(' ');
}

function netlifyRedirects(s: SiteSnapshot, moved: readonly MovedUrl[]): string {
  const lines = [
    `# Stadtbote: old addresses (frontmatter "aliases") of ${s.site.config.baseUrl} for Netlify and Cloudflare Pages.`,
    '# Netlify serves a redirect page written at an old path instead of this rule (write "301!" to force the rule);',
    '# the lines with a query (key=value words, forced) work on Netlify only: Cloudflare Pages does not match queries.',
  ];
  for (const m of moved) {
    const from = netlifyPath(m.address.path);
    // A rule with a query is forced ("!"): the path alone often is a page (`/?p=123` on the home page),
    // which Netlify would serve instead, and the query keeps the rule from touching anything else.
    lines.push(m.address.query === undefined ? `${from} ${m.targetPath} 301` : `${from} ${netlifyQuery(m.address.query)} ${m.targetPath} 301!`);
  }
  return lines.join('\n') + '\n';
}

function netlifyHeaders(s: SiteSnapshot): string {
  const base = s.site.basePath;
  const lines = [
    `# Stadtbote: response headers of ${s.site.config.baseUrl} for Netlify and Cloudflare Pages.`,
    '# Pages keep the host\'s own short caching (both revalidate HTML); files named by their content are cached for good.',
    `${base}*`,
    ...securityHeaders(s).map(([name, value]) => `  ${name}: ${value}`),
  ];
  for (const folder of immutableFolders(s)) lines.push(`${base}${folder.slice(1)}*`, `  Cache-Control: ${IMMUTABLE}`);
  for (const feed of FEED_TYPES) {
    for (const at of [`${base}${feed.file}`, `${base}${s.site.strings.url.regions}/:region/${feed.file}`]) lines.push(at, `  Content-Type: ${feed.type}; charset=utf-8`);
  }
  return lines.join('\n') + '\n';
}

export function netlifyFiles(s: SiteSnapshot): GeneratedFile[] {
  const by = owner('netlify');
  return [
    { path: '_redirects', content: netlifyRedirects(s, movedUrls(s)), owner: by },
    { path: '_headers', content: netlifyHeaders(s), owner: by },
  ];
}
