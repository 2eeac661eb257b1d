import { closest, distance } from '../util/vendor.js';

/** What to say about a name the config does not list (a region, a topic): a suggestion when one is close, else the list. */
export type UnknownName = { readonly kind: 'noneListed' } | { readonly kind: 'suggest'; readonly nearest: string } | { readonly kind: 'unknown'; readonly known: string };

export function unknownName(name: string, known: readonly string[]): UnknownName {
  if (known.length === 0) return { kind: 'noneListed' };
  const nearest = closest(name, [...known]);
  // A suggestion far from what was typed is noise; then list what is allowed instead.
  const close = distance(name.toLowerCase(), nearest.toLowerCase()) <= Math.max(2, Math.floor(nearest.length / 3));
  return close ? { kind: 'suggest', nearest } : { kind: 'unknown', known: known.join(', ') };
}
