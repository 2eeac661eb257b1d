import { movedUrls, type MovedUrl } from './redirects.js';
import { FEED_TYPES, IMMUTABLE, IMMUTABLE_SECONDS, immutableFolders, SERVER_FILES, securityHeaders, SHORT, SHORT_SECONDS, TEXT_EXTENSIONS } from './server-policy.js';
import type { GeneratedFile, SiteSnapshot } from './types.js';
import { owner } from '../i18n/owners.js';

/**
 * Apache 2.4: one `.htaccess` for the site's folder, which also works included in the
 * `<VirtualHost>` (then it redirects old addresses anywhere on the host). Every rule is written so
 * that it means the same in both places: conditions on the full `REQUEST_URI`, never on the
 * folder-relative path a `RewriteRule` sees in a `.htaccess`.
 */

/** A double-quoted argument for values without quotes of their own (headers, targets under a checked base path). */
const quoted = (value: string): string => `"${value.replace(/["\\]/g, '\\$&')}"`;
/** A literal text inside an `ap_expr` regular expression delimited by `#`. */
const exprLiteral = (value: string): string => value.replace(/[.*+?^${}()|[\]\\/#]/g, '\\$&');
/** A RewriteRule target: `$N` and `%N` would be backreferences, a backslash quotes them. */
const rewriteTarget = (value: string): string => value.replace(/[$%\\]/g, '\\$&');

/**
 * An anchored regular expression matching exactly this text, as one unquoted mod_rewrite argument.
 * mod_rewrite's own argument reader knows no escape for `"` inside quotes and keeps the backslash of
 * `\ ` in the text: so no quotes, and every character but letters, digits, `/`, `-` and `_` is
 * escaped for PCRE (`\ ` is a literal space there, `\$` a literal dollar).
 */
const exactPattern = (text: string): string => `^${text.replace(/[^A-Za-z0-9/_\u0080-\uffff-]/g, '\\$&')}$`;

function redirectRules(moved: readonly MovedUrl[]): string[] {
  const lines: string[] = [];
  for (const m of moved) {
    // REQUEST_URI is the decoded path; the encoded spelling is added for a server that passes it on undecoded.
    const paths = [...new Set([m.address.decodedPath, m.address.path])];
    paths.forEach((p, i) => lines.push(`RewriteCond %{REQUEST_URI} ${exactPattern(p)}${i < paths.length - 1 ? ' [OR]' : ''}`));
    m.queries.forEach((q, i) => lines.push(`RewriteCond %{QUERY_STRING} ${exactPattern(q)}${i < m.queries.length - 1 ? ' [OR]' : ''}`));
    // A path relative to the host (no production URL: a staging server stays on staging); QSD drops
    // the old query, NE keeps the target's own percent-encoding.
    lines.push(`RewriteRule "^" ${quoted(rewriteTarget(m.targetPath))} [R=301,L,NE,QSD]`);
  }
  return lines;
}

/**
 * `compress: true`: send `x.html.br` or `x.html.gz` for `x.html` (and `index.html.br` for a folder)
 * when the browser accepts it and the copy exists. The copy keeps the original's type and charset
 * and gets its Content-Encoding; mod_deflate is told not to compress it again. Files are looked
 * for under DOCUMENT_ROOT, where the site lives in the documented setup.
 */
function precompressedRules(s: SiteSnapshot): string[] {
  const site = `^${exprLiteral(s.site.basePath)}`;
  const text = TEXT_EXTENSIONS.join('|');
  const lines = ['# Precompressed copies (compress: true).', '<IfModule mod_rewrite.c>', '    RewriteEngine On'];
  for (const [ext, token] of [['br', 'br'], ['gz', 'gzip']] as const) {
    lines.push(
      `    RewriteCond %{HTTP:Accept-Encoding} \\b${token}\\b`,
      `    RewriteCond %{REQUEST_URI} ${site}(.*/)?[^/]+\\.(${text})$`,
      `    RewriteCond %{DOCUMENT_ROOT}%{REQUEST_URI}.${ext} -f`,
      `    RewriteRule ^ %{REQUEST_URI}.${ext} [L,E=no-gzip:1,E=no-brotli:1]`,
      `    RewriteCond %{HTTP:Accept-Encoding} \\b${token}\\b`,
      `    RewriteCond %{REQUEST_URI} ${site}(.*/)?$`,
      `    RewriteCond %{DOCUMENT_ROOT}%{REQUEST_URI}index.html.${ext} -f`,
      `    RewriteRule ^ %{REQUEST_URI}index.html.${ext} [L,E=no-gzip:1,E=no-brotli:1]`,
    );
  }
  lines.push('</IfModule>');
  // Types by the original's extension (mod_mime would call x.html.gz application/gzip); feeds last, as they are more specific.
  const types: [string, string][] = [
    ['html', 'text/html'], ['css', 'text/css'], ['js', 'text/javascript'], ['mjs', 'text/javascript'], ['json', 'application/json'],
    ['xml', 'application/xml'], ['txt', 'text/plain'], ['svg', 'image/svg+xml'], ['webmanifest', 'application/manifest+json'],
  ];
  for (const [ext, type] of types) lines.push(`<FilesMatch \\.${ext}\\.(br|gz)$>`, `    ForceType "${type}; charset=utf-8"`, '</FilesMatch>');
  for (const feed of FEED_TYPES) lines.push(`<FilesMatch ^${feed.file.replace('.', '\\.')}\\.(br|gz)$>`, `    ForceType "${feed.type}; charset=utf-8"`, '</FilesMatch>');
  lines.push(
    '<IfModule mod_headers.c>',
    `    <FilesMatch \\.(${text})\\.br$>`,
    '        Header always set Content-Encoding br',
    '        Header always append Vary Accept-Encoding',
    '    </FilesMatch>',
    `    <FilesMatch \\.(${text})\\.gz$>`,
    '        Header always set Content-Encoding gzip',
    '        Header always append Vary Accept-Encoding',
    '    </FilesMatch>',
    `    <If "%{REQUEST_URI} =~ m#${site}(.*/)?([^/]+\\.(${text}))?$#">`,
    '        Header always append Vary Accept-Encoding',
    '    </If>',
    '</IfModule>',
  );
  return lines;
}

function apacheConfig(s: SiteSnapshot): string {
  const base = s.site.basePath;
  const site = `^${exprLiteral(base)}`;
  const header = (cacheControl: string): string[] => [
    ...securityHeaders(s).map(([name, value]) => `        Header always set ${name} ${quoted(value)}`),
    `        Header always set Cache-Control ${quoted(cacheControl)}`,
  ];
  const lines = [
    `# Stadtbote: ${s.site.config.baseUrl} for Apache 2.4, generated on every build.`,
    `# As .htaccess in the site's folder (AllowOverride All) it serves the site and redirects old addresses`,
    `# under ${base}. Included in the <VirtualHost> (Include /var/www/html${base}.htaccess) it also redirects`,
    '# old addresses anywhere on the host (README, "Deployment"). Needs mod_rewrite, mod_headers.',
    '',
    '# The server files are configuration, not content.',
    // Unquoted on purpose: inside quotes Apache keeps backslashes, and the names hold no space.
    `<FilesMatch ^(${SERVER_FILES.map((f) => f.replace(/[.]/g, '\\.')).join('|')})$>`,
    '    Require all denied',
    '</FilesMatch>',
    '',
    `<If "%{REQUEST_URI} =~ m#${site}#">`,
    `    ErrorDocument 404 ${base}404.html`,
    '    AddDefaultCharset utf-8',
    `    AddCharset utf-8 ${TEXT_EXTENSIONS.map((e) => `.${e}`).join(' ')}`,
    '</If>',
  ];
  for (const feed of FEED_TYPES) {
    lines.push(`<If "%{REQUEST_URI} =~ m#${site}(.*/)?${exprLiteral(feed.file)}$#">`, `    ForceType "${feed.type}; charset=utf-8"`, '</If>');
  }
  lines.push(
    '',
    '<IfModule mod_headers.c>',
    `    <If "%{REQUEST_URI} =~ m#${site}(${immutableFolders(s).map((f) => exprLiteral(f.slice(1))).join('|')})#">`,
    ...header(IMMUTABLE),
    `    </If>`,
    `    <ElseIf "%{REQUEST_URI} =~ m#${site}#">`,
    ...header(SHORT),
    '    </ElseIf>',
    '</IfModule>',
    '# Without mod_headers: the same lifetimes from mod_expires (no security headers, no "immutable").',
    '<IfModule !mod_headers.c>',
    '    <IfModule mod_expires.c>',
    '        ExpiresActive On',
    `        <If "%{REQUEST_URI} =~ m#${site}(${immutableFolders(s).map((f) => exprLiteral(f.slice(1))).join('|')})#">`,
    `            ExpiresDefault "access plus ${IMMUTABLE_SECONDS} seconds"`,
    '        </If>',
    `        <ElseIf "%{REQUEST_URI} =~ m#${site}#">`,
    `            ExpiresDefault "access plus ${SHORT_SECONDS} seconds"`,
    '        </ElseIf>',
    '    </IfModule>',
    '</IfModule>',
  );
  if (s.site.config.compress) lines.push('', ...precompressedRules(s));
  const moved = movedUrls(s);
  lines.push('', '# Old addresses (frontmatter "aliases").', '<IfModule mod_rewrite.c>', 'RewriteEngine On', ...redirectRules(moved), '</IfModule>');
  return lines.join('\n') + '\n';
}

export function apacheFiles(s: SiteSnapshot): GeneratedFile[] {
  return [{ path: '.htaccess', content: apacheConfig(s), owner: owner('apache') }];
}
