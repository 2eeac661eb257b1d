import type { SiteSnapshot } from './types.js';
import { searchBundlePaths } from '../search/parts.js';
import { snapshotSearchParts } from './search-parts.js';

/**
 * What every server file says the same way: the response headers of the site, which paths may be
 * cached for good, the content types of the feeds, and the names of the server files themselves.
 * The nginx, Apache and Netlify/Cloudflare writers only translate this into their syntax.
 */

/** The server files the build writes; none of them is served to visitors. */
export const SERVER_FILES = ['.htaccess', '_redirects', '_headers', 'nginx-http.conf', 'nginx-server.conf'] as const;

/** Feeds whose content type servers do not know from the extension alone (`.xml` is also the sitemap). */
export const FEED_TYPES: readonly { readonly file: string; readonly type: string }[] = [
  { file: 'feed.xml', type: 'application/rss+xml' },
  { file: 'atom.xml', type: 'application/atom+xml' },
  { file: 'feed.json', type: 'application/feed+json' },
];

/** Lifetime of files whose name changes whenever their bytes do: a year. */
export const IMMUTABLE_SECONDS = 31536000;
/** Lifetime of everything else (pages, feeds, fixed-name files): a new build shows within minutes. */
export const SHORT_SECONDS = 300;
export const IMMUTABLE = `public, max-age=${IMMUTABLE_SECONDS}, immutable`;
export const SHORT = `public, max-age=${SHORT_SECONDS}`;

const HOST_SOURCE = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

/**
 * The Content-Security-Policy the site passes: everything from its own origin, no inline script or
 * style (the theme has none; JSON-LD is a data block, which CSP does not treat as script), and
 * `'wasm-unsafe-eval'` because Pagefind's search runs as WebAssembly (also in its worker).
 * Hosts listed under `allowedHosts` may serve images, media, fonts, styles and scripts.
 */
export function contentSecurityPolicy(allowedHosts: readonly string[]): string {
  const hosts = allowedHosts.filter((h) => HOST_SOURCE.test(h)).map((h) => `https://${h.toLowerCase()}`);
  const from = (...extra: string[]): string => ["'self'", ...extra, ...hosts].join(' ');
  return [
    "default-src 'none'",
    `script-src ${from("'wasm-unsafe-eval'")}`,
    `style-src ${from()}`,
    `img-src ${from()}`,
    `media-src ${from()}`,
    `font-src ${from()}`,
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The security headers of every response of the site, in a fixed order. */
export function securityHeaders(s: SiteSnapshot): [string, string][] {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(s.site.config.allowedHosts)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    // For browsers without CSP frame-ancestors.
    ['X-Frame-Options', 'DENY'],
    ['Permissions-Policy', 'camera=(), geolocation=(), microphone=()'],
  ];
}

/**
 * Folders (site paths) whose files are named by their content: theme assets, media and Pagefind's
 * index chunks (of every part of a split index, search/parts.ts). Pagefind's entry files
 * (`pagefind.js`, `pagefind-entry.json`, the WebAssembly) keep their names across builds and
 * versions, so they get the short lifetime.
 */
export function immutableFolders(s: SiteSnapshot): string[] {
  const bundles = searchBundlePaths(snapshotSearchParts(s));
  return ['/assets/', `/${s.site.strings.url.media}/`, ...bundles.flatMap((b) => [`${b}fragment/`, `${b}index/`, `${b}filter/`])];
}

/** Text files worth compressing and sending with a charset. */
export const TEXT_EXTENSIONS = ['html', 'css', 'js', 'mjs', 'json', 'xml', 'txt', 'svg', 'webmanifest'] as const;

/**
 * A site path as a suffix for names in server configurations that must be unique per site
 * (`/presse/` → `presse`), so that two Stadtbote sites can share one nginx `http` block.
 */
export function siteTag(basePath: string): string {
  const tag = basePath.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '').toLowerCase();
  return tag === '' ? 'stadtbote' : `stadtbote_${tag}`;
}
