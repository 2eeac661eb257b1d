import { invisibleCharacter } from '../util/invisible.js';
import { PLAIN_RELATIVE_PATH } from '../util/plain-path.js';

/**
 * What an output path may be, and when two paths are the same file. Output paths become URLs
 * (canonical links, sitemap, feeds) and file names on every host a site is copied to.
 */

/** Characters a URL path cannot hold as they are: `#` and `?` end the path, `%` starts an escape. */
const URL_SPECIAL = /[#?%]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Why `outPath` cannot be an output path, or undefined when it can. */
export function outputPathProblem(outPath: string): string | undefined {
  if (PLAIN_RELATIVE_PATH.test(outPath)) return undefined;
  if (outPath === '' || outPath.startsWith('/') || outPath.includes('\\')) return 'is not a path inside the output folder';
  const parts = outPath.split('/');
  if (parts.some((p) => p === '')) return 'has an empty part ("//"), which servers merge with its neighbours';
  if (parts.some((p) => p === '.' || p === '..')) return 'has a "." or ".." part';
  if (CONTROL.test(outPath)) return 'contains a control character';
  const special = URL_SPECIAL.exec(outPath);
  if (special) return `contains "${special[0]}", which a URL cannot hold as it is (canonical and sitemap addresses would break)`;
  const invisible = invisibleCharacter(outPath);
  if (invisible) return `contains the invisible character ${invisible}`;
  return undefined;
}

/**
 * The key under which two output paths are the same file: Unicode-normalised (NFC and NFD
 * spellings of "Ü" look the same) and case-folded (`/Impressum/` and `/impressum/` are one file
 * on case-insensitive file systems and CDNs, so one would overwrite the other).
 */
export function sameFileKey(outPath: string): string {
  // Plain ASCII is its own normal form: only other paths pay for normalising.
  return (PLAIN_RELATIVE_PATH.test(outPath) ? outPath : outPath.normalize('NFC')).toLowerCase();
}
