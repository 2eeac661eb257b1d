import { createHash } from 'node:crypto';

/** Short content hash used for cache keys and output comparison; collisions are not a security boundary here. */
export function hashOf(...parts: Array<string | Uint8Array>): string {
  const h = createHash('sha1');
  for (const part of parts) {
    h.update(part);
    h.update('\0');
  }
  return h.digest('base64url');
}
