/**
 * Appends every item of each source to target. Not `target.push(...source)`: a spread passes one
 * argument per item, and V8 takes some 120,000 at most ("Maximum call stack size exceeded"); an
 * archive brings that many redirect files, file names or warnings (see util/hash.ts `hashOfList`).
 */
export function appendAll<T>(target: T[], ...sources: Iterable<T>[]): void {
  for (const source of sources) for (const item of source) target.push(item);
}
