import { isoInZone } from './dates.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * RFC 822 date for RSS in the site's time zone, with its numeric offset
 * (`Thu, 13 Feb 2025 00:00:00 +0100`): readers that show the date as written then print the day
 * the article was published on, not the UTC day before.
 */
export function rfc822InZone(epochMs: number, timeZone: string): string {
  const iso = isoInZone(epochMs, timeZone);
  const m = /^(\d{4,})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!m) throw new Error(`unexpected instant ${iso}`);
  const [, year, month, day, time, sign, offH, offM] = m as unknown as [string, string, string, string, string, string, string, string];
  // The weekday of the local calendar day; setUTCFullYear, unlike Date.UTC, keeps years below 100.
  const local = new Date(0);
  local.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  return `${DAYS[local.getUTCDay()]}, ${day} ${MONTHS[Number(month) - 1]} ${year} ${time} ${sign}${offH}${offM}`;
}
