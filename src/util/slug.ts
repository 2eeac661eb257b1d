import { slugifyText } from './vendor.js';

/**
 * Options of the slug made from a title. `decamelize` is off because headlines such as "ÖL" or
 * "OZG-Aufenthalt" are not camelCase. Exported so that the web editor (`/admin/`) runs the same
 * library with the same options in the browser.
 */
export const SLUG_OPTIONS = { decamelize: false, lowercase: true, customReplacements: [['&', ' ']] as [string, string][] } as const;
/** Longest slug made from a title. */
export const MAX_TITLE_SLUG_LENGTH = 80;

/** ASCII slug for German text: umlauts become ae/oe/ue, ß becomes ss, quotes and punctuation are dropped. */
// An options object, not a second number: `names.map(slugify)` must never pass the index as a length.
export function slugify(text: string, { maxLength = MAX_TITLE_SLUG_LENGTH }: { maxLength?: number } = {}): string {
  return slugifyText(text, SLUG_OPTIONS).slice(0, maxLength).replace(/-+$/, '');
}

/** A slug written by an editor must already be a single safe path segment. */
export function isSafeSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}
