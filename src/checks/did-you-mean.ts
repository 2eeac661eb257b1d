import { closest, distance } from 'fastest-levenshtein';

/**
 * What to say about a name the config does not list (a region, a topic): a suggestion when one is
 * close, else the list. `write` turns the suggestion into the fix an editor types.
 */
export function unknownName(kind: string, name: string, known: readonly string[], configKey: string, write: (nearest: string) => string): { reason: string; fix: string } {
  if (known.length === 0) return { reason: `${kind} "${name}" is not known: the config lists no ${configKey}.`, fix: `add ${configKey}: [${name}] to the config` };
  const nearest = closest(name, [...known]);
  // A suggestion far from what was typed is noise; then list what is allowed instead.
  const close = distance(name.toLowerCase(), nearest.toLowerCase()) <= Math.max(2, Math.floor(nearest.length / 3));
  return close
    ? { reason: `${kind} "${name}" is not known. Did you mean "${nearest}"?`, fix: write(nearest) }
    : { reason: `${kind} "${name}" is not known.`, fix: `use one of: ${known.join(', ')} (or add it to ${configKey} in the config)` };
}
