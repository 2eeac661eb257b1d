import path from 'node:path';
import { slugify } from '../util/slug.js';

/** `2025-02-13-` (or `2025-02-13_`) at the start of a file name: the convention `new` writes. */
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:[-_ ]+|$)/;

/** Longest slug taken from a file name; the same limit as for `slug:` (validate.ts MAX_SLUG_LENGTH). */
const MAX_FILE_SLUG_LENGTH = 150;

/** The file name an article's address is made from: `index.md` stands for its folder. */
function baseName(rel: string): string {
  const name = path.posix.basename(rel).replace(/\.md$/i, '');
  if (name.toLowerCase() !== 'index') return name;
  const folder = path.posix.basename(path.posix.dirname(rel));
  return folder === '.' ? name : folder;
}

/**
 * The address part of an article made from its FILE name, never from its headline, so that fixing
 * a typo in a title never moves a published page: `2025/2025-02-13-fortschreibung.md` →
 * `fortschreibung`. The date prefix is dropped (the date is part of the URL anyway); a name that is
 * only a date gives `meldung`. Hugo, Jekyll and Eleventy make addresses the same way.
 */
export function slugFromFileName(rel: string): string {
  const withoutDate = baseName(rel).replace(DATE_PREFIX, '');
  // As long as an explicit slug may be: two long names that differ only at the end stay two addresses.
  return slugify(withoutDate, { maxLength: MAX_FILE_SLUG_LENGTH }) || 'meldung';
}

/** The day a file name starts with (`2025-02-13-…` → `2025-02-13`), when it starts with one. */
export function dayFromFileName(rel: string): string | undefined {
  return DATE_PREFIX.exec(baseName(rel))?.[1];
}
