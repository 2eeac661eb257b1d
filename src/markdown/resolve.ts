import path from 'node:path';
import type { SocialImage } from '../model/types.js';

/** What the renderer knows of a non-Markdown file under the content folder. */
export interface AssetInfo {
  /** Site path of the copied file. */
  readonly url: string;
  readonly width?: number;
  readonly height?: number;
  readonly variants?: readonly { readonly url: string; readonly width: number }[];
  /** The share image (`og:image`, JSON-LD, feed enclosure): at most 1200 px wide, JPEG or PNG. */
  readonly social?: SocialImage;
  /** The file is there but is not a readable image; its own error names it, so references stay quiet. */
  readonly unreadable?: true;
}

export type ResolvedTarget = { ok: true; rel: string; fragment: string } | { ok: false; reason: string };

/** Whether an href/src points at a file of this site rather than at a URL. */
export function isLocalReference(ref: string): boolean {
  return ref !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(ref) && !ref.startsWith('//') && !ref.startsWith('#');
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
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath.split('?')[0] ?? '');
  } catch {
    return { ok: false, reason: 'is not a valid path' };
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return { ok: false, reason: 'must use forward slashes' };
  const joined = decoded.startsWith('/') ? path.posix.normalize(decoded.slice(1)) : path.posix.join(path.posix.dirname(fromRel), decoded);
  if (joined === '..' || joined.startsWith('../') || path.posix.isAbsolute(joined)) {
    return { ok: false, reason: 'leads out of the content folder' };
  }
  return { ok: true, rel: joined, fragment };
}
