/**
 * Dates in Stadtbote are shown in the site's time zone, never the building machine's. A plain date
 * (`2025-02-13`) is that calendar day; a date-time with an offset is an instant; a date-time without
 * an offset is wall-clock time in the site's time zone.
 */
export interface SiteDate {
  /** The calendar day in the site's time zone, `YYYY-MM-DD`. */
  readonly day: string;
  /** Milliseconds since the epoch; for a plain date, midnight in the site's time zone. */
  readonly epochMs: number;
  /** Whether the source gave a time of day. */
  readonly hasTime: boolean;
  /** Machine-readable value for `<time datetime>`: the day, or the instant with the site's offset. */
  readonly iso: string;
}

/** Why a text is no date: the messages of each language say it in their words (rule `invalid-date`). */
export type DateFault = 'notADate' | 'notRealDay' | 'badTime' | 'badOffset';
/** `reason` is the English text of `fault`, kept for the library's users. */
export type DateParseResult = { ok: true; date: SiteDate } | { ok: false; reason: string; fault: DateFault };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      // The era tells 1 BC from AD 1: the day before 1 January of year 1 is in year 0 (astronomically).
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatterCache.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * `Date.UTC` without its two-digit rule: `Date.UTC(99, …)` is 1999, so a date in the years
 * 0001–0099 would silently move by 1900 years.
 */
function utcMs(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

function wallClock(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  let beforeChrist = false;
  for (const p of partsFormatter(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type === 'era') beforeChrist = p.value === 'BC';
    else if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = parts.year ?? 0;
  return {
    year: beforeChrist ? 1 - year : year,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of the time zone from UTC at an instant, in minutes. */
function offsetMinutes(epochMs: number, timeZone: string): number {
  return offsetOf(wallClock(epochMs, timeZone), epochMs);
}

/** The offset from the wall clock the zone shows at the instant (`wallClock`), which a caller may have already. */
function offsetOf(w: WallClock, epochMs: number): number {
  const asUtc = utcMs(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

const DAY_MS = 86_400_000;

function sameWallClock(a: WallClock, b: WallClock): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;
}

/**
 * The instant at which the wall clock in `timeZone` shows the given time. Around a clock change the
 * rule is the one of RFC 5545 and Temporal's "compatible": a time that happens twice (the autumn
 * overlap) is the earlier instant, in summer time; a time that does not exist (the spring gap) moves
 * forward by the length of the gap (02:30 on the Berlin spring day is 03:30 CEST), in every zone.
 */
function zonedToEpoch(w: WallClock, timeZone: string): number {
  const asUtc = utcMs(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // The offsets in force a day before and a day after: equal unless the clocks change in between.
  const before = offsetMinutes(asUtc - DAY_MS, timeZone);
  const after = offsetMinutes(asUtc + DAY_MS, timeZone);
  const withBefore = asUtc - before * 60000;
  if (before === after) return withBefore;
  const withAfter = asUtc - after * 60000;
  const matches = [withBefore, withAfter].filter((epoch) => sameWallClock(wallClock(epoch, timeZone), w));
  // No match: the time lies in the gap; read with the offset before the change, it lands after the gap.
  return matches.length === 0 ? withBefore : Math.min(...matches);
}

function isRealDay(year: number, month: number, day: number): boolean {
  // Year 0000 does not exist in the calendar the site shows (1 BC is followed by AD 1).
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const last = new Date(utcMs(year, month, 0)).getUTCDate();
  return day <= last;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function dayOf(epochMs: number, timeZone: string): string {
  const w = wallClock(epochMs, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

const isoByInstant = new Map<string, string>();

/**
 * Full instant in the site's time zone, e.g. `2025-01-01T00:30:00+01:00`. Memoised like
 * `parseSiteDate`: every article page asks for its dates again (JSON-LD, feeds), and
 * `Intl.DateTimeFormat#formatToParts` costs more than all the rest of a date.
 */
export function isoInZone(epochMs: number, timeZone: string): string {
  const key = `${timeZone}\u0000${epochMs}`;
  let iso = isoByInstant.get(key);
  if (iso === undefined) {
    iso = isoUncached(epochMs, timeZone);
    if (isoByInstant.size > 100_000) isoByInstant.clear();
    isoByInstant.set(key, iso);
  }
  return iso;
}

function isoUncached(epochMs: number, timeZone: string): string {
  const w = wallClock(epochMs, timeZone);
  // From the same wall clock: asking the zone again cost a second `formatToParts` per date (10,000 articles: some 70 ms).
  const off = offsetOf(w, epochMs);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${formatOffset(off)}`;
}

const parsedDates = new Map<string, DateParseResult>();

/** Parses a frontmatter date; results are memoised because archives repeat days thousands of times. */
export function parseSiteDate(value: string, timeZone: string): DateParseResult {
  const key = `${timeZone}\u0000${value}`;
  let result = parsedDates.get(key);
  if (!result) {
    result = parseUncached(value, timeZone);
    if (parsedDates.size > 100_000) parsedDates.clear();
    parsedDates.set(key, result);
  }
  return result;
}

function parseUncached(value: string, timeZone: string): DateParseResult {
  const text = value.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    if (!isRealDay(year, month, day)) return { ok: false, reason: 'is not a real calendar date', fault: 'notRealDay' };
    const epochMs = zonedToEpoch({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
    return { ok: true, date: { day: text, epochMs, hasTime: false, iso: text } };
  }
  const dt = DATE_TIME.exec(text);
  if (!dt) return { ok: false, reason: 'is not a date; expected YYYY-MM-DD or an ISO date-time such as 2025-02-13T09:30:00+01:00', fault: 'notADate' };
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(dt[i] ?? 0)) as [number, number, number, number, number, number];
  if (!isRealDay(year, month, day)) return { ok: false, reason: 'is not a real calendar date', fault: 'notRealDay' };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: 'has an impossible time of day', fault: 'badTime' };
  const zone = dt[8];
  let epochMs: number;
  if (zone === undefined) {
    epochMs = zonedToEpoch({ year, month, day, hour, minute, second }, timeZone);
  } else {
    let offset = 0;
    if (zone !== 'Z') {
      const digits = zone.replace(':', '');
      const sign = digits.startsWith('-') ? -1 : 1;
      const hh = Number(digits.slice(1, 3));
      const mm = Number(digits.slice(3, 5));
      if (hh > 14 || mm > 59) return { ok: false, reason: 'has an impossible time-zone offset', fault: 'badOffset' };
      offset = sign * (hh * 60 + mm);
    }
    epochMs = utcMs(year, month - 1, day, hour, minute, second) - offset * 60000;
  }
  return { ok: true, date: { day: dayOf(epochMs, timeZone), epochMs, hasTime: true, iso: isoInZone(epochMs, timeZone) } };
}

/** `13.02.2025` (German) or `13 February 2025`-style per language. */
export function formatDay(day: string, language: string): string {
  const [y, m, d] = day.split('-');
  if (language === 'en') return `${y}-${m}-${d}`;
  return `${d}.${m}.${y}`;
}

/** RFC 3339 instant for Atom, JSON Feed and sitemaps, expressed in the site's time zone. */
export function rfc3339(epochMs: number, timeZone: string): string {
  return isoInZone(epochMs, timeZone);
}
