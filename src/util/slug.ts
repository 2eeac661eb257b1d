import { slugifyText } from './vendor.js';

/**
 * Options of the slug made from a title. `decamelize` is off because headlines such as "ÖL" or
 * "OZG-Aufenthalt" are not camelCase. Exported so that the web editor (`/admin/`) runs the same
 * library with the same options in the browser.
 */
export const SLUG_OPTIONS = { decamelize: false, lowercase: true, customReplacements: [['&', ' ']] as [string, string][] } as const;
/** Longest slug made from a title. */
export const MAX_TITLE_SLUG_LENGTH = 80;

/**
 * Slugs made so far. Archives repeat names thousands of times (regions, topics, the file names of
 * recurring items such as "sitzung-des-stadtrats"), and the library transliterates by going through
 * some hundreds of replacement pairs per call: 10,000 articles spent 0.2–0.4 s of CPU slugifying.
 * Bounded: an archive of unique names refills it instead of growing it.
 */
const madeSlugs = new Map<string, string>();
const MADE_SLUGS_MAX = 50_000;

/** ASCII slug for German text: umlauts become ae/oe/ue, ß becomes ss, quotes and punctuation are dropped. */
// An options object, not a second number: `names.map(slugify)` must never pass the index as a length.
export function slugify(text: string, { maxLength = MAX_TITLE_SLUG_LENGTH }: { maxLength?: number } = {}): string {
  const key = `${maxLength}\u0000${text}`;
  let slug = madeSlugs.get(key);
  if (slug === undefined) {
    slug = slugifyText(text, SLUG_OPTIONS).slice(0, maxLength).replace(/-+$/, '');
    if (madeSlugs.size >= MADE_SLUGS_MAX) madeSlugs.clear();
    madeSlugs.set(key, slug);
  }
  return slug;
}

/** A slug written by an editor must already be a single safe path segment. */
export function isSafeSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}
