import slugifyText from '@sindresorhus/slugify';

/**
 * ASCII slug for German text: umlauts become ae/oe/ue, ß becomes ss, quotes and punctuation are
 * dropped. `decamelize` is off because headlines such as "ÖL" or "OZG-Aufenthalt" are not camelCase.
 */
export function slugify(text: string, maxLength = 80): string {
  return slugifyText(text, { decamelize: false, lowercase: true, customReplacements: [['&', ' ']] }).slice(0, maxLength).replace(/-+$/, '');
}

/** A slug written by an editor must already be a single safe path segment. */
export function isSafeSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}
