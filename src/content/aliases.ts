import { guardPath } from '../util/path-guard.js';

/**
 * Old addresses (`aliases:` in the frontmatter): the address an article had in the previous CMS,
 * exactly as it was on this host — a path from the host root, or a full URL of this host, with its
 * query string if the old page needed one. Parsed here once, for validation and for every output.
 */

/** An old address, split and normalised the way browsers send it and servers match it. */
export interface OldAddress {
  /** As written in the frontmatter (trimmed). */
  readonly written: string;
  /** Host of a full URL (`www.landkreis.de`, lowercase, with a port if one was given); none for a path. */
  readonly host?: string;
  /** The path as browsers send it: percent-encoded (`/alt/a%20b.html`). */
  readonly path: string;
  /** The path decoded, as nginx (`$uri`) and Apache (`REQUEST_URI`) match it and as a file is named on disk. */
  readonly decodedPath: string;
  /** The query without `?`, as browsers send it (`tx_news_pi1[news]=42`); undefined without one. */
  readonly query?: string;
}

/** Why an old address is refused, by the name of its words in the catalogue (rule `invalid-field`, `alias`). */
export type AliasFault =
  | 'control' | 'backslash' | 'hash' | 'space' | 'invalidUrl' | 'credentials' | 'doubleSlashStart' | 'noSlash' | 'emptyQuery'
  | 'badPercent' | 'pathGuard' | 'encodedControl' | 'encodedSlash' | 'doubleSlash' | 'apacheVariable' | 'longSegment' | 'longPath' | 'longQuery';

/** `reason` and `fix` are the English words, kept for the library's users; `fault` (with `limit`/`detail`) names them for the catalogue. */
export type ParsedOldAddress =
  | { readonly ok: true; readonly address: OldAddress }
  | { readonly ok: false; readonly reason: string; readonly fix: string; readonly fault: AliasFault; readonly limit?: number; readonly detail?: string };

/** Longest part of a path; file systems allow 255 bytes per name, and hosts add suffixes. */
export const MAX_PATH_SEGMENT_BYTES = 200;
/** Longest path: Linux allows 4096 bytes, Windows tools far fewer; nginx reads at most 4096 per token. */
const MAX_PATH_BYTES = 1024;
const MAX_QUERY_BYTES = 1024;
const EXAMPLE_FIX = 'write the old address as it was, e.g. /aktuelles/2019/meldung-123.html, /presse/meldung.php?id=123 or https://www.example.org/alt/x.html';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function fail(fault: AliasFault, reason: string, fix = EXAMPLE_FIX, extra: { limit?: number; detail?: string } = {}): ParsedOldAddress {
  return { ok: false, reason, fix, fault, ...extra };
}

/** Syntax of one old address; whether its host is this site's is checked once the config is known. */
export function parseOldAddress(raw: string): ParsedOldAddress {
  const written = raw.trim();
  if (CONTROL.test(written)) return fail('control', 'must not contain control characters');
  if (written.includes('\\')) return fail('backslash', 'must not contain a backslash');
  if (written.includes('#')) return fail('hash', 'must not contain "#": the part after it never reaches the server', 'leave out the "#…" part');
  if (/\s/.test(written)) return fail('space', 'must not contain spaces', 'write a space in an address as %20');
  let host: string | undefined;
  let rest: string;
  const full = /^(https?):\/\/([^/?]*)(.*)$/i.exec(written);
  if (full) {
    let url: URL;
    try {
      url = new URL(written);
    } catch {
      return fail('invalidUrl', 'is not a valid URL');
    }
    if (url.username || url.password) return fail('credentials', 'must not contain a user name or password');
    host = url.host.toLowerCase();
    rest = full[3] || '/';
    if (!rest.startsWith('/')) rest = `/${rest}`;
  } else if (written.startsWith('//')) {
    return fail('doubleSlashStart', 'starts with "//"', 'write the full URL (https://host/path) or the path from the host root (/path)');
  } else if (written.startsWith('/')) {
    rest = written;
  } else {
    return fail('noSlash', 'must start with "/" (the path from the host root) or be a full URL of this site');
  }
  const mark = rest.indexOf('?');
  const rawPath = mark === -1 ? rest : rest.slice(0, mark);
  const rawQuery = mark === -1 ? undefined : rest.slice(mark + 1);
  if (rawQuery !== undefined && rawQuery === '') return fail('emptyQuery', 'ends in "?" without a query', 'leave out the "?"');
  // The URL parser gives the spelling browsers send (it encodes `"`, `<`, `>`, `{`, `}` and non-ASCII letters).
  const parsed = new URL(`http://h.invalid${rawPath}${rawQuery !== undefined ? `?${rawQuery}` : ''}`);
  // Guarded before the URL parser, which would resolve `..` and `%2e%2e` away.
  const guarded = guardPath(rawPath, { absolute: true });
  if (!guarded.ok) return guarded.reason.startsWith('is not a valid') ? fail('badPercent', 'has a "%" that does not start a valid %XX code', 'write "%" itself as %25') : fail('pathGuard', guarded.reason, 'write "%" itself as %25', { detail: guarded.reason });
  const decodedPath = decodeURIComponent(parsed.pathname);
  if (rawQuery !== undefined) {
    try {
      if (CONTROL.test(decodeURIComponent(rawQuery))) return fail('encodedControl', 'must not contain encoded control characters such as %00');
    } catch {
      return fail('badPercent', 'has a "%" that does not start a valid %XX code', 'write "%" itself as %25');
    }
  }
  if (/%2f/i.test(rawPath)) return fail('encodedSlash', 'must not contain an encoded slash (%2F): servers refuse such paths');
  if (decodedPath.includes('//')) return fail('doubleSlash', 'must not contain "//": servers merge the slashes before they match');
  // Apache replaces `${NAME}` in its configuration files with a defined variable.
  if (decodedPath.includes('${') || (rawQuery ?? '').includes('${')) return fail('apacheVariable', 'must not contain "${", which Apache reads as a variable');
  if (decodedPath.split('/').some((seg) => Buffer.byteLength(seg) > MAX_PATH_SEGMENT_BYTES)) return fail('longSegment', `has a part longer than ${MAX_PATH_SEGMENT_BYTES} bytes (file systems allow 255)`, EXAMPLE_FIX, { limit: MAX_PATH_SEGMENT_BYTES });
  if (Buffer.byteLength(decodedPath) > MAX_PATH_BYTES) return fail('longPath', `has a path longer than ${MAX_PATH_BYTES} bytes`, EXAMPLE_FIX, { limit: MAX_PATH_BYTES });
  if (rawQuery !== undefined && Buffer.byteLength(rawQuery) > MAX_QUERY_BYTES) return fail('longQuery', `has a query longer than ${MAX_QUERY_BYTES} bytes`, EXAMPLE_FIX, { limit: MAX_QUERY_BYTES });
  const query = rawQuery === undefined ? undefined : parsed.search.slice(1);
  return { ok: true, address: { written, ...(host !== undefined ? { host } : {}), path: parsed.pathname, decodedPath, ...(query !== undefined ? { query } : {}) } };
}

/**
 * The spellings of a query that mean the same old page: as browsers send it, as it was written, and
 * with the brackets of TYPO3 and PHP parameters (`tx_news_pi1[news]`) encoded or not — links in the
 * wild use both, and servers compare the raw query text.
 */
export function querySpellings(address: OldAddress): string[] {
  if (address.query === undefined) return [];
  const written = address.written.slice(address.written.indexOf('?') + 1);
  const out = new Set<string>();
  for (const q of [address.query, written]) {
    out.add(q);
    out.add(q.replace(/%5b/gi, '[').replace(/%5d/gi, ']'));
    out.add(q.replace(/\[/g, '%5B').replace(/\]/g, '%5D'));
  }
  return [...out];
}

/** The old address as one text for messages and lists: path and query, without the host. */
export function displayOldAddress(address: OldAddress): string {
  return address.query === undefined ? address.path : `${address.path}?${address.query}`;
}

/** Where an old address lands on this site's host. */
export type PlacedOldAddress =
  | { readonly kind: 'other-host'; readonly host: string }
  | {
      readonly kind: 'this-host';
      /**
       * Under the base path and without a query, a redirect page can stand at the old path (works
       * on every static host); anything else only the server files can redirect.
       */
      readonly pageAt?: string;
      /** Whether the path repeats the base path (`/presse/presse/…`), the old habit of writing aliases below it. */
      readonly doubledBasePath: boolean;
    };

/** An old address against the site: `host` is the base URL's host, `basePath` its path (`/presse/`). */
export function placeOldAddress(address: OldAddress, host: string, basePath: string): PlacedOldAddress {
  if (address.host !== undefined && address.host !== host.toLowerCase()) return { kind: 'other-host', host: address.host };
  const under = address.decodedPath.startsWith(basePath);
  const doubledBasePath = basePath !== '/' && address.decodedPath.startsWith(basePath + basePath.slice(1));
  if (!under || address.query !== undefined) return { kind: 'this-host', doubledBasePath };
  // The redirect page's site path, below the base path: `/presse/alt/x.html` → `/alt/x.html`.
  return { kind: 'this-host', pageAt: `/${address.decodedPath.slice(basePath.length)}`, doubledBasePath };
}
