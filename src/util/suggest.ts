import path from 'node:path';
import { distance } from './vendor.js';

/**
 * The file an editor most likely meant when `wanted` (a path relative to the content folder) does
 * not exist: one that differs only in upper and lower case (`Kreistag-Sitzung.JPG`), else one in the
 * same folder a typo or two away, else one of the same name in another folder. Undefined when
 * nothing is close enough to be a helpful guess.
 */
export function closestFile(wanted: string, candidates: Iterable<string>): string | undefined {
  const lower = wanted.toLowerCase();
  const dir = path.posix.dirname(wanted);
  const base = path.posix.basename(lower);
  let best: { rel: string; score: number } | undefined;
  for (const rel of candidates) {
    const relLower = rel.toLowerCase();
    if (relLower === lower) return rel;
    let score: number | undefined;
    if (path.posix.dirname(rel) === dir) {
      const d = distance(base, path.posix.basename(relLower));
      // A typo or two, and never more than a third of the name: "a.jpg" is no guess for "b.png".
      if (d <= 2 && d * 3 < base.length) score = d;
    } else if (path.posix.basename(relLower) === base) score = 3;
    if (score !== undefined && (!best || score < best.score || (score === best.score && rel < best.rel))) best = { rel, score };
  }
  return best?.rel;
}

/** A content-folder path as the editor writes it in `from` (a source relative to the content folder). */
export function referenceFrom(from: string, rel: string): string {
  const relative = path.posix.relative(path.posix.dirname(from), rel);
  return relative === '' ? path.posix.basename(rel) : relative;
}
