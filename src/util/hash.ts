import { createHash, hash } from 'node:crypto';

/** Short content hash used for cache keys and output comparison; collisions are not a security boundary here. */
export function hashOf(...parts: Array<string | Uint8Array>): string {
  return hashOfList(parts);
}

/**
 * `hashOf` of the parts in an array, the same bytes: for keys with a part per article. Spread into
 * a call, an array becomes one argument per element, and V8 gives a call some 120,000 at most
 * (Node 20: 100,000 pass, 200,000 throw "Maximum call stack size exceeded").
 */
export function hashOfList(parts: ReadonlyArray<string | Uint8Array>): string {
  // One part, the common case (file contents): the one-shot function avoids a Hash object.
  if (parts.length === 1) return hash('sha1', parts[0]!, 'base64url');
  // Keys made of strings (a hash and a JSON text, once per page): the same bytes as below, hashed in one shot.
  if (parts.every((part) => typeof part === 'string')) return hash('sha1', `${parts.join('\0')}\0`, 'base64url');
  const h = createHash('sha1');
  for (const part of parts) {
    h.update(part);
    h.update('\0');
  }
  return h.digest('base64url');
}

/**
 * `hashOf(head + middle + tail)` for each of two middles, with the head hashed once (SHA-1 is a
 * stream: the same bytes as hashing each whole text). An article page is hashed as rendered and as
 * finished with its context filled in; the head is most of the page (render/article-context-slot.ts).
 */
export function hashesOfSplice(head: string, middles: readonly [string, string], tail: string): [string, string] {
  const first = createHash('sha1').update(head);
  const second = first.copy();
  return [first.update(middles[0]).update(tail).digest('base64url'), second.update(middles[1]).update(tail).digest('base64url')];
}
