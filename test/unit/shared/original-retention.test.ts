/** The eight-week rule's dates: 56 days after scanning, the last day counted in German time. */
import { describe, expect, it } from 'vitest';
import {
  daysUntilDestroyed,
  germanDate,
  originalRetainedUntil,
  originalStillExists,
} from '../../../src/shared/domain/original-retention.ts';

describe('original retention', () => {
  it('keeps the original 56 days after the scan, across month, year and leap-day ends', () => {
    expect(originalRetainedUntil('2026-01-05')).toBe('2026-03-02');
    expect(originalRetainedUntil('2026-11-20')).toBe('2027-01-15');
    expect(originalRetainedUntil('2028-01-10')).toBe('2028-03-06');
    expect(() => originalRetainedUntil('5.1.2026')).toThrow(RangeError);
  });

  it('counts the day in Germany, in winter and in summer time', () => {
    expect(germanDate(Date.parse('2026-01-14T23:30:00Z'))).toBe('2026-01-15');
    expect(germanDate(Date.parse('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(germanDate(Date.parse('2026-07-14T21:30:00Z'))).toBe('2026-07-14');
  });

  it('still exists all through the last day and not a minute after it', () => {
    expect(originalStillExists('2026-07-14', Date.parse('2026-07-14T23:59:00+02:00'))).toBe(true);
    expect(originalStillExists('2026-07-14', Date.parse('2026-07-15T00:01:00+02:00'))).toBe(false);
    expect(daysUntilDestroyed('2026-07-14', Date.parse('2026-07-14T08:00:00+02:00'))).toBe(0);
    expect(daysUntilDestroyed('2026-07-14', Date.parse('2026-07-08T08:00:00+02:00'))).toBe(6);
    expect(daysUntilDestroyed('2026-03-30', Date.parse('2026-03-28T08:00:00+01:00'))).toBe(2);
    expect(daysUntilDestroyed('2026-07-14', Date.parse('2026-07-20T08:00:00+02:00'))).toBe(-6);
  });
});
