/**
 * The fixed words printed on every letter. They are the letter's content, not the user interface:
 * a notice to a citizen is written in German whatever language the case worker's screen is in, so
 * they live here and not in the i18n catalogues.
 */
import { formatDate } from './dates.ts';

export type FormOfAddress = 'frau' | 'herr';

export const INFO_LABELS = {
  yourReference: 'Ihr Zeichen',
  ourReference: 'Unser Zeichen',
  name: 'Name',
  phone: 'Telefon',
  email: 'E-Mail',
  date: 'Datum',
} as const;

export const referenceLine = (bgNumber: string, isoDate: string): string =>
  `Nummer der Bedarfsgemeinschaft: ${bgNumber} · Datum: ${formatDate(isoDate)}`;

export const pageOf = (page: number, pages: number): string => `Seite ${page} von ${pages}`;

/** First address line: DIN 5008 allows the form of address on the name's line. */
export function addressName(firstName: string, lastName: string, form: FormOfAddress | undefined): string {
  const name = `${firstName} ${lastName}`.trim();
  if (form === 'frau') return `Frau ${name}`;
  if (form === 'herr') return `Herrn ${name}`;
  return name;
}

/** Without a known form of address the neutral "Guten Tag" avoids guessing anyone's gender. */
export function salutation(firstName: string, lastName: string, form: FormOfAddress | undefined): string {
  if (form === 'frau') return `Sehr geehrte Frau ${lastName}`.trim();
  if (form === 'herr') return `Sehr geehrter Herr ${lastName}`.trim();
  return `Guten Tag ${firstName} ${lastName}`.trim();
}
