/**
 * The sender block of every letter: the job centre's name, address and contact details, read from
 * `assets/letters/office.txt` (the same `key: value` lines as a template's front matter), so a
 * job centre sets its own without a release.
 */
import { parseHeaderLines, requireValue, optionalValue, splitLines, type HeaderSpec } from './header-lines.ts';
import { LetterTemplateError } from './template-error.ts';

export type Office = {
  readonly name: string;
  /** Second letterhead line, e.g. "Grundsicherung für Arbeitsuchende". */
  readonly subtitle: string | undefined;
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly phone: string;
  readonly email: string;
  readonly web: string | undefined;
  readonly openingHours: string | undefined;
  /** The small line at the top of the window; by default name · street · postal code and city. */
  readonly returnAddress: string;
  readonly footerLines: readonly string[];
};

const SPEC: HeaderSpec = {
  name: 'single',
  zusatz: 'single',
  strasse: 'single',
  plz: 'single',
  ort: 'single',
  telefon: 'single',
  email: 'single',
  internet: 'single',
  oeffnungszeiten: 'single',
  ruecksendeangabe: 'single',
  fusszeile: 'repeatable',
};
const MAX_FOOTER_LINES = 3;

export function parseOffice(file: string, text: string): Office {
  const lines = splitLines(text);
  const values = parseHeaderLines(file, lines, 1, SPEC);
  const last = Math.max(1, lines.length);
  const name = requireValue(values, 'name', file, last).value;
  const street = requireValue(values, 'strasse', file, last).value;
  const postalCode = requireValue(values, 'plz', file, last);
  if (!/^\d{5}$/.test(postalCode.value)) {
    throw new LetterTemplateError('header-line-malformed', file, postalCode.line, { key: 'plz' });
  }
  const city = requireValue(values, 'ort', file, last).value;
  const footer = values.get('fusszeile') ?? [];
  if (footer.length > MAX_FOOTER_LINES) {
    throw new LetterTemplateError('header-key-duplicate', file, footer[MAX_FOOTER_LINES]!.line, { key: 'fusszeile' });
  }
  return {
    name,
    subtitle: optionalValue(values, 'zusatz'),
    street,
    postalCode: postalCode.value,
    city,
    phone: requireValue(values, 'telefon', file, last).value,
    email: requireValue(values, 'email', file, last).value,
    web: optionalValue(values, 'internet'),
    openingHours: optionalValue(values, 'oeffnungszeiten'),
    returnAddress: optionalValue(values, 'ruecksendeangabe') ?? `${name} · ${street} · ${postalCode.value} ${city}`,
    footerLines: footer.map((f) => f.value),
  };
}
