import { movedUrls, type MovedUrl } from './redirects.js';
import { FEED_TYPES, IMMUTABLE, immutableFolders, SERVER_FILES, securityHeaders, SHORT, siteTag } from './server-policy.js';
import type { GeneratedFile, SiteSnapshot } from './types.js';
import { owner } from '../i18n/owners.js';

/**
 * nginx: `nginx-http.conf` (the redirect maps, for the `http` block) and `nginx-server.conf`
 * (redirects, 404 page, charset, feed types, headers and caching, for the `server` block). Both are
 * written on every build, so an `include` never points at a missing file.
 */

/** A double-quoted nginx string: nginx unescapes `\"` and `\\` in it; map keys take `$` literally. */
const quoted = (value: string): string => `"${value.replace(/[\\"]/g, '\\$&')}"`;
/** A literal text inside an nginx (PCRE) regular expression. */
const regexLiteral = (value: string): string => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// nginx stores each map key in a hash bucket of `map_hash_bucket_size` bytes (default 64: keys longer
// than about 46 bytes fail `nginx -t`) and looks for a table of at most `map_hash_max_size` buckets.
const DEFAULT_BUCKET = 64;
const DEFAULT_MAX_SIZE = 2048;
const nextPowerOfTwo = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(1, n)));
/** nginx's NGX_HASH_ELT_SIZE on 64-bit machines: a pointer, two bytes of length, the key, aligned to 8. */
const elementSize = (key: string): number => 8 + Math.ceil((Buffer.byteLength(key) + 2) / 8) * 8;

/** Hash sizes for maps with these keys, or none when nginx's defaults hold them. */
export function mapHashSizes(keys: readonly string[]): { bucket: number; maxSize: number } | undefined {
  // Not Math.max(...sizes): a call takes some 120,000 arguments at most, an archive may bring more old addresses.
  const longest = keys.reduce((max, key) => Math.max(max, elementSize(key)), 0);
  // Room for several keys per bucket, so that a table of about twice as many buckets as keys is found at once.
  const bucket = Math.max(DEFAULT_BUCKET, nextPowerOfTwo(longest * 4 + 8));
  const maxSize = Math.max(DEFAULT_MAX_SIZE, nextPowerOfTwo(keys.length * 2));
  // The directives hold for every map of the http block; leave them out (and the user's own alone) when not needed.
  if (longest + 8 <= DEFAULT_BUCKET && keys.length <= DEFAULT_MAX_SIZE / 4) return undefined;
  return { bucket, maxSize };
}

interface MapEntry {
  readonly key: string;
  readonly target: string;
}

/** `$uri` is the decoded path (any query); `$uri?$args` the decoded path with the raw query. */
function mapEntries(moved: readonly MovedUrl[]): { paths: MapEntry[]; queries: MapEntry[] } {
  const paths: MapEntry[] = [];
  const queries: MapEntry[] = [];
  // nginx compares map keys without regard to case; the alias check refuses two that differ only so.
  const seen = new Set<string>();
  const add = (list: MapEntry[], key: string, target: string): void => {
    if (seen.has(key.toLowerCase())) return;
    seen.add(key.toLowerCase());
    list.push({ key, target });
  };
  for (const m of moved) {
    if (m.queries.length === 0) add(paths, m.address.decodedPath, m.targetPath);
    else for (const q of m.queries) add(queries, `${m.address.decodedPath}?${q}`, m.targetPath);
  }
  return { paths, queries };
}

function nginxHttp(s: SiteSnapshot, moved: readonly MovedUrl[]): string {
  const tag = siteTag(s.site.basePath);
  const { paths, queries } = mapEntries(moved);
  const sizes = mapHashSizes([...paths, ...queries].map((e) => e.key));
  const lines = [
    `# Stadtbote: redirect maps of ${s.site.config.baseUrl} for nginx, generated on every build.`,
    '# Include it in the http {} block, and nginx-server.conf in the server {} block (README, "Deployment"):',
    `#     include /var/www/html${s.site.basePath}nginx-http.conf;`,
    '# nginx reads it when it starts or reloads: after a build with new aliases run "nginx -s reload".',
  ];
  if (sizes) {
    lines.push('# Long or many old addresses need bigger hash tables than nginx\'s defaults (64 and 2048);', '# these hold for every map of the http block: keep only the largest values if you set them elsewhere.');
    lines.push(`map_hash_bucket_size ${sizes.bucket};`, `map_hash_max_size ${sizes.maxSize};`);
  }
  const map = (source: string, variable: string, entries: readonly MapEntry[]): void => {
    lines.push(`map ${source} $${variable} {`, '    default "";');
    for (const e of entries) lines.push(`    ${quoted(e.key)} ${quoted(e.target)};`);
    lines.push('}');
  };
  lines.push('# Old addresses without a query: the decoded path, whatever query a link adds.');
  map('$uri', `${tag}_redirect`, paths);
  lines.push('# Old addresses with a query: the decoded path and the query exactly as sent (in each spelling of its brackets).');
  map('"$uri?$args"', `${tag}_query_redirect`, queries);
  return lines.join('\n') + '\n';
}

function headerLines(s: SiteSnapshot, cacheControl: string, indent: string): string[] {
  const lines = securityHeaders(s).map(([name, value]) => `${indent}add_header ${name} ${quoted(value)} always;`);
  lines.push(`${indent}add_header Cache-Control ${quoted(cacheControl)} always;`);
  return lines;
}

function nginxServer(s: SiteSnapshot): string {
  const base = s.site.basePath;
  const tag = siteTag(base);
  const inner = '        ';
  // add_header in a location replaces every add_header of the enclosing one: each location repeats them all.
  const lines = [
    `# Stadtbote: ${s.site.config.baseUrl} for nginx, generated on every build.`,
    `# Include it in the server {} block whose root holds the built site as the folder ${base.slice(1) || '(the root itself)'}:`,
    `#     root /var/www/html;`,
    `#     include /var/www/html${base}nginx-server.conf;`,
    '# and nginx-http.conf in the http {} block (README, "Deployment").',
    '',
    '# Old addresses (frontmatter "aliases"), anywhere on the host; the maps are in nginx-http.conf.',
    `if ($${tag}_query_redirect) { return 301 $${tag}_query_redirect; }`,
    `if ($${tag}_redirect) { return 301 $${tag}_redirect; }`,
    '',
    `location ^~ ${base} {`,
    '    charset utf-8;',
    '    charset_types text/css text/plain text/xml application/xml application/javascript text/javascript application/json application/rss+xml application/atom+xml application/feed+json application/manifest+json image/svg+xml;',
    `    error_page 404 ${base}404.html;`,
    ...(s.site.config.compress ? ['    # Precompressed copies (compress: true): x.html.gz is sent for x.html to browsers that accept gzip.', '    gzip_static on;', '    gzip_vary on;'] : []),
    ...headerLines(s, SHORT, '    '),
    '',
    '    # The server files are configuration, not content.',
    `    location ~ ^${regexLiteral(base)}(?:${SERVER_FILES.map(regexLiteral).join('|')})$ {`,
    '        return 404;',
    '    }',
  ];
  for (const folder of immutableFolders(s)) {
    lines.push(`    location ^~ ${base}${folder.slice(1)} {`, ...headerLines(s, IMMUTABLE, inner), '    }');
  }
  for (const feed of FEED_TYPES) {
    lines.push(`    location ~ /${regexLiteral(feed.file)}$ {`, `${inner}types { }`, `${inner}default_type ${feed.type};`, ...headerLines(s, SHORT, inner), '    }');
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

export function nginxFiles(s: SiteSnapshot): GeneratedFile[] {
  const moved = movedUrls(s);
  const by = owner('nginx');
  return [
    { path: 'nginx-http.conf', content: nginxHttp(s, moved), owner: by },
    { path: 'nginx-server.conf', content: nginxServer(s), owner: by },
  ];
}
