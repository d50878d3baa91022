/**
 * When a letter counts as notified (Bekanntgabe) under § 37 (2) SGB X: a written administrative
 * act posted within Germany is deemed notified on the fourth day after it was posted (Aufgabe zur
 * Post) — the rule as amended with effect from 1 January 2025; before then it was the third day.
 * The day is counted in calendar days and not moved off a weekend or public holiday, as issue 13
 * specifies. Whether it should move to the next working day is disputed (case law has applied
 * § 26 (3) SGB X to the former three-day rule), so the job centre's legal department should
 * confirm this before the date is relied on. The presumption yields where the citizen shows the
 * letter arrived later or not at all; the case view shows the date the law presumes.
 *
 * The posting day is the German calendar day of the moment the print-and-mail provider reported
 * the letter dispatched (the letter's `updatedAt` when its status became `dispatched`).
 */

/** Posted on or after this day: the fourth day; before it: the third. */
export const FOURTH_DAY_RULE_FROM = '2025-01-01';

const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (`YYYY-MM-DD`) of an instant in Germany, whatever the machine's time zone. */
export function germanDay(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a point in time: ${String(instant)}`);
  const parts = Object.fromEntries(BERLIN_DAY.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The day on which a letter posted at `dispatchedAt` is deemed notified (`YYYY-MM-DD`). */
export function deemedNotifiedOn(dispatchedAt: string): string {
  const posted = germanDay(dispatchedAt);
  return addDays(posted, posted >= FOURTH_DAY_RULE_FROM ? 4 : 3);
}
