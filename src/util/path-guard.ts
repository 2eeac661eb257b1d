import { CONTROL_CHARACTER } from './text.js';

export interface PathGuardOptions {
  /** The path must start with `/` (a site path or a request path). */
  readonly absolute?: boolean;
  /** `.` and `..` segments are allowed: a reference relative to a file; the caller resolves and bounds it. */
  readonly dotSegments?: boolean;
  /**
   * Refuse `%2E`, `%2F`, `%5C` and `%00` even where decoding would be harmless: a static host never
   * writes them into a path, and a request that has them is probing for a traversal.
   */
  readonly strictEncoding?: boolean;
}

export type GuardedPath =
  /** `segments`: the decoded path split at `/`, empty parts dropped. */
  | { readonly ok: true; readonly decoded: string; readonly segments: readonly string[] }
  /** `reason` reads on from the value: `alias "/x" must not contain a backslash`. */
  | { readonly ok: false; readonly reason: string };

const ENCODED_SEPARATOR = /%2e|%2f|%5c|%00/i;

/**
 * Decodes a percent-encoded URL path and refuses what would make it name another file than it
 * seems to: backslashes (a folder separator on Windows, also when encoded as `%5C`), control
 * characters (also encoded, `%00`), text that does not decode, and `.`/`..` segments unless the
 * caller resolves them itself. The one guard for paths from outside: dev-server requests, aliases
 * and references in Markdown.
 */
export function guardPath(raw: string, options: PathGuardOptions = {}): GuardedPath {
  const refuse = (reason: string): GuardedPath => ({ ok: false, reason });
  if (options.absolute && !raw.startsWith('/')) return refuse('must start with "/"');
  if (raw.includes('\\')) return refuse('must not contain a backslash');
  if (CONTROL_CHARACTER.test(raw)) return refuse('must not contain control characters');
  if (options.strictEncoding && ENCODED_SEPARATOR.test(raw)) return refuse('must not contain an encoded dot, slash, backslash or NUL (%2E, %2F, %5C, %00)');
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return refuse('is not a valid URL path');
  }
  if (decoded.includes('\\')) return refuse('must not contain a backslash, not even encoded as %5C');
  if (CONTROL_CHARACTER.test(decoded)) return refuse('must not contain encoded control characters such as %00');
  const parts = decoded.split('/');
  if (!options.dotSegments && parts.some((seg) => seg === '..' || seg === '.')) return refuse('must not contain "." or ".." segments');
  return { ok: true, decoded, segments: parts.filter((seg) => seg !== '') };
}
