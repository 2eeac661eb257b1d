import { isoInZone, type SiteDate } from '../util/dates.js';

/**
 * schema.org dates of an article as full instants in the site's time zone
 * (`2025-02-13T00:00:00+01:00`): a bare date would be read as UTC midnight by search engines, the
 * evening before in Germany. `dateModified` is the last update, or the publication itself.
 */
export function jsonLdDates(data: { readonly date: SiteDate; readonly updated?: SiteDate }, timeZone: string): { datePublished: string; dateModified: string } {
  return { datePublished: isoInZone(data.date.epochMs, timeZone), dateModified: isoInZone((data.updated ?? data.date).epochMs, timeZone) };
}
