import { describe, expect, it } from 'vitest';
import { dayOf, isoInZone, parseSiteDate, rfc3339 } from '../../src/util/dates.js';

const TZ = 'Europe/Berlin';

function instant(value: string): { iso: string; utc: string; day: string } {
  const r = parseSiteDate(value, TZ);
  if (!r.ok) throw new Error(r.reason);
  return { iso: r.date.iso, utc: new Date(r.date.epochMs).toISOString(), day: r.date.day };
}

// 2025-03-30: at 02:00 CET the clocks go to 03:00 CEST; 2025-10-26: at 03:00 CEST back to 02:00 CET.
describe('wall-clock times around DST in Europe/Berlin', () => {
  it('before and after the spring-forward gap', () => {
    expect(instant('2025-03-30T01:59:00')).toEqual({ iso: '2025-03-30T01:59:00+01:00', utc: '2025-03-30T00:59:00.000Z', day: '2025-03-30' });
    expect(instant('2025-03-30T03:00:00')).toEqual({ iso: '2025-03-30T03:00:00+02:00', utc: '2025-03-30T01:00:00.000Z', day: '2025-03-30' });
  });

  it('a time inside the gap (02:30 does not exist) moves forward by the gap: 03:30 CEST', () => {
    expect(instant('2025-03-30T02:30:00')).toEqual({ iso: '2025-03-30T03:30:00+02:00', utc: '2025-03-30T01:30:00.000Z', day: '2025-03-30' });
    expect(instant('2025-03-30T02:00')).toMatchObject({ iso: '2025-03-30T03:00:00+02:00' });
  });

  it('a time inside the fall-back overlap (02:30 happens twice) is the earlier one, in summer time (CEST)', () => {
    expect(instant('2025-10-26T02:30:00')).toEqual({ iso: '2025-10-26T02:30:00+02:00', utc: '2025-10-26T00:30:00.000Z', day: '2025-10-26' });
    expect(instant('2025-10-26T02:00:00').iso).toBe('2025-10-26T02:00:00+02:00');
    expect(instant('2025-10-26T02:59:59').iso).toBe('2025-10-26T02:59:59+02:00');
    // The later 02:30 (CET) is reachable with an explicit offset.
    expect(instant('2025-10-26T02:30:00+01:00')).toEqual({ iso: '2025-10-26T02:30:00+01:00', utc: '2025-10-26T01:30:00.000Z', day: '2025-10-26' });
  });

  it('the same rule west of UTC (New York): overlap → earlier, gap → forward', () => {
    const ny = (v: string): string => {
      const r = parseSiteDate(v, 'America/New_York');
      return r.ok ? r.date.iso : r.reason;
    };
    expect(ny('2025-11-02T01:30:00')).toBe('2025-11-02T01:30:00-04:00');
    expect(ny('2025-03-09T02:30:00')).toBe('2025-03-09T03:30:00-04:00');
  });

  it('around the overlap the offsets are the ones in force', () => {
    expect(instant('2025-10-26T01:59:59').iso).toBe('2025-10-26T01:59:59+02:00');
    expect(instant('2025-10-26T03:00:00').iso).toBe('2025-10-26T03:00:00+01:00');
  });

  it('instants on both sides of each change are shown with their own offset', () => {
    expect(isoInZone(Date.UTC(2025, 2, 30, 0, 59, 59), TZ)).toBe('2025-03-30T01:59:59+01:00');
    expect(isoInZone(Date.UTC(2025, 2, 30, 1, 0, 0), TZ)).toBe('2025-03-30T03:00:00+02:00');
    expect(rfc3339(Date.UTC(2025, 9, 26, 0, 59, 59), TZ)).toBe('2025-10-26T02:59:59+02:00');
    expect(rfc3339(Date.UTC(2025, 9, 26, 1, 0, 0), TZ)).toBe('2025-10-26T02:00:00+01:00');
  });

  it('a plain date on a change day is midnight of that day (the change is at night, not at midnight)', () => {
    const spring = parseSiteDate('2025-03-30', TZ);
    const autumn = parseSiteDate('2025-10-26', TZ);
    expect(spring.ok && new Date(spring.date.epochMs).toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(autumn.ok && new Date(autumn.date.epochMs).toISOString()).toBe('2025-10-25T22:00:00.000Z');
    expect(dayOf(Date.UTC(2025, 9, 25, 22, 0, 0), TZ)).toBe('2025-10-26');
  });

  it('a zone whose midnight falls into the gap: the day still starts on that day', () => {
    // America/Santiago skipped 2024-09-08 00:00–01:00: the day began at 01:00.
    const r = parseSiteDate('2024-09-08', 'America/Santiago');
    expect(r.ok && { day: r.date.day, at: isoInZone(r.date.epochMs, 'America/Santiago') }).toEqual({ day: '2024-09-08', at: '2024-09-08T01:00:00-03:00' });
  });
});
