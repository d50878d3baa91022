/**
 * Dates and times as a German letter writes them. Pure arithmetic on the ISO text, no Intl and no
 * time zone: a letter dated 12.05.2025 says so on every machine, and the same input always gives
 * the same bytes.
 */
const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

type Ymd = { readonly year: number; readonly month: number; readonly day: number };

function parseIsoDate(iso: string): Ymd | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

export const isIsoDate = (iso: string): boolean => parseIsoDate(iso) !== undefined;

/** `HH:MM`, 24 hours. */
export const isTime = (value: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(value.trim());

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2025-05-12` → `12.05.2025`; text that is not a date is returned unchanged. */
export function formatDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${pad(d.day)}.${pad(d.month)}.${d.year}` : iso;
}

/** `2025-05-12` → `Montag, 12. Mai 2025`. */
export function formatDateLong(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  const weekday = WEEKDAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()]!;
  return `${weekday}, ${d.day}. ${MONTHS[d.month - 1]!} ${d.year}`;
}
