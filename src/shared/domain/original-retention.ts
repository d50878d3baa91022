/**
 * The scan service's eight-week rule: the paper original of scanned incoming mail is kept for
 * 56 days after scanning and then destroyed. Dates are calendar days in Germany, where the
 * service and its users are: an original "kept until 14 July" can be requested all that day.
 * Pure helpers shared by the reference service (which decides) and the client (which shows).
 */
export const ORIGINAL_RETENTION_DAYS = 56;

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const germanDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) in Germany at `ms`. */
export function germanDate(ms: number): string {
  return germanDay.format(new Date(ms));
}

/** The last day the original of mail scanned on `scannedOn` (YYYY-MM-DD) is kept. */
export function originalRetainedUntil(scannedOn: string): string {
  if (!ISO_DATE.test(scannedOn)) throw new RangeError(`not an ISO date: ${scannedOn}`);
  return new Date(Date.parse(`${scannedOn}T00:00:00Z`) + ORIGINAL_RETENTION_DAYS * DAY_MS).toISOString().slice(0, 10);
}

/** Whether the original kept until `retainedUntil` still exists at `ms`: that day included. */
export function originalStillExists(retainedUntil: string, ms: number): boolean {
  return retainedUntil >= germanDate(ms);
}

/** Whole days from the German calendar day at `ms` to `retainedUntil` (0 on the last day, negative after). */
export function daysUntilDestroyed(retainedUntil: string, ms: number): number {
  return Math.round((Date.parse(`${retainedUntil}T00:00:00Z`) - Date.parse(`${germanDate(ms)}T00:00:00Z`)) / DAY_MS);
}
