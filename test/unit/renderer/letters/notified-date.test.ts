/**
 * The day a dispatched letter is deemed notified (§ 37 (2) SGB X): the fourth calendar day after
 * posting from 2025 on, the third before; the posting day is the German calendar day of the
 * dispatch report, and weekends or holidays do not move it (as issue 13 specifies).
 */
import { describe, expect, it } from 'vitest';
import { addDays, deemedNotifiedOn, germanDay } from '../../../../src/renderer/features/letters/notified-date.ts';

describe('deemedNotifiedOn', () => {
  it('is the fourth day after posting', () => {
    // Monday 2 June 2025 → Friday 6 June.
    expect(deemedNotifiedOn('2025-06-02T09:15:00.000Z')).toBe('2025-06-06');
  });

  it('counts calendar days: a weekend or a public holiday does not move it', () => {
    // Wednesday 4 June → Sunday 8 June (Whit Sunday), not the Tuesday after Whit Monday.
    expect(deemedNotifiedOn('2025-06-04T10:00:00.000Z')).toBe('2025-06-08');
    // Friday 19 December → Tuesday 23 December; Saturday 20 December → Wednesday 24 December.
    expect(deemedNotifiedOn('2025-12-19T10:00:00.000Z')).toBe('2025-12-23');
    expect(deemedNotifiedOn('2025-12-21T10:00:00.000Z')).toBe('2025-12-25');
  });

  it('takes the German calendar day of the dispatch, also across midnight and daylight saving', () => {
    // 23:30 UTC on 2 June is 01:30 on 3 June in Berlin (summer time).
    expect(germanDay('2025-06-02T23:30:00.000Z')).toBe('2025-06-03');
    expect(deemedNotifiedOn('2025-06-02T23:30:00.000Z')).toBe('2025-06-07');
    // 23:30 UTC on 2 January is 00:30 on 3 January (winter time); 22:59 UTC is still the 2nd.
    expect(germanDay('2025-01-02T23:30:00.000Z')).toBe('2025-01-03');
    expect(germanDay('2025-01-02T22:59:00.000Z')).toBe('2025-01-02');
    expect(germanDay('2025-03-30T00:30:00+00:00')).toBe('2025-03-30');
  });

  it('runs over month and year ends', () => {
    expect(deemedNotifiedOn('2025-12-29T08:00:00.000Z')).toBe('2026-01-02');
    expect(deemedNotifiedOn('2028-02-26T08:00:00.000Z')).toBe('2028-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('keeps the three-day rule for letters posted before 2025', () => {
    expect(deemedNotifiedOn('2024-12-30T08:00:00.000Z')).toBe('2025-01-02');
    // 23:30 in Berlin on New Year's Eve is still 2024; an hour later it is 2025 and the fourth day.
    expect(deemedNotifiedOn('2024-12-31T22:30:00.000Z')).toBe('2025-01-03');
    expect(deemedNotifiedOn('2024-12-31T23:30:00.000Z')).toBe('2025-01-05');
  });

  it('refuses a time that is none', () => {
    expect(() => deemedNotifiedOn('gestern')).toThrow(RangeError);
  });
});
