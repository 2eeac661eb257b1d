import path from 'node:path';
import { guardPath } from '../util/path-guard.js';
import { isUrl } from '../util/url-ref.js';

export type ResolvedTarget = { ok: true; rel: string; fragment: string } | { ok: false; reason: string };

/** Whether an href/src points at a file of this site rather than at a URL. */
export function isLocalReference(ref: string): boolean {
  return ref !== '' && !isUrl(ref) && !ref.startsWith('#');
}

/**
 * Resolves a reference written in `fromRel` (a path relative to the content folder) to another
 * file in the content folder. A leading `/` means the content folder's root. Anything that would
 * leave the content folder is refused.
 */
export function resolveReference(fromRel: string, ref: string): ResolvedTarget {
  const hashAt = ref.indexOf('#');
  const rawPath = hashAt === -1 ? ref : ref.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : ref.slice(hashAt);
  // `..` is resolved below against the referring file and bounded by the content folder.
  const guarded = guardPath(rawPath.split('?')[0] ?? '', { dotSegments: true });
  if (!guarded.ok) return guarded;
  const { decoded } = guarded;
  const joined = decoded.startsWith('/') ? path.posix.normalize(decoded.slice(1)) : path.posix.join(path.posix.dirname(fromRel), decoded);
  if (joined === '..' || joined.startsWith('../') || path.posix.isAbsolute(joined)) {
    return { ok: false, reason: 'leads out of the content folder' };
  }
  return { ok: true, rel: joined, fragment };
}
