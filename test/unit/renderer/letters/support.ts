/**
 * The real assets (fonts, ICC profile, templates, office file) read from disk, and a household
 * to write to, for the letter tests, the benchmark and the preview script.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BgNumber, CaseId, PersonId } from '../../../../src/shared/domain/ids.ts';
import type { FieldValues, LetterContext } from '../../../../src/renderer/letters/letter-context.ts';
import { parseOffice, type Office } from '../../../../src/renderer/letters/office.ts';
import { parseTemplate, TEMPLATE_FILE_SUFFIX } from '../../../../src/renderer/letters/parse-template.ts';
import type { LetterTemplate } from '../../../../src/renderer/letters/template.ts';
import type { LetterFonts } from '../../../../src/renderer/letters/font-metrics.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bytes = (path: string): Uint8Array => new Uint8Array(readFileSync(`${root}${path}`));

export const fonts: LetterFonts = {
  regular: bytes('assets/fonts/LiberationSans-Regular.ttf'),
  bold: bytes('assets/fonts/LiberationSans-Bold.ttf'),
};
export const iccProfile = bytes('assets/icc/sRGB-v2.icc');

export const office: Office = parseOffice('office.txt', readFileSync(`${root}assets/letters/office.txt`, 'utf8'));

export function loadTemplates(): Map<string, LetterTemplate> {
  const dir = `${root}assets/letters/`;
  const templates = new Map<string, LetterTemplate>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(TEMPLATE_FILE_SUFFIX))
    .sort()) {
    const template = parseTemplate(name, readFileSync(`${dir}${name}`, 'utf8'));
    templates.set(template.id, template);
  }
  return templates;
}

export const CREATED_AT = new Date('2025-05-12T08:30:00Z');

export function context(overrides: Partial<LetterContext> = {}): LetterContext {
  return {
    case: { id: 'case-0001' as CaseId, bgNumber: '12345BG0012345' as BgNumber },
    recipient: {
      id: 'person-0001' as PersonId,
      firstName: 'Jürgen',
      lastName: 'Weißmüller',
      address: { street: 'Große Straße 12', postalCode: '12345', city: 'Musterstadt' },
      formOfAddress: 'herr',
    },
    user: { displayName: 'Erika Beispiel', phone: '01234 5678-123', email: 'erika.beispiel@musterstadt.example' },
    office,
    date: '2025-05-12',
    ...overrides,
  };
}

const LONG_TEXT = [
  'Nach den uns vorliegenden Unterlagen haben Sie im Zeitraum vom 01.01.2025 bis 31.03.2025 Einkommen aus einer Beschäftigung erzielt, das bei der Berechnung Ihrer Leistungen bisher nicht berücksichtigt wurde. Die Lohnabrechnungen, die Ihr Arbeitgeber auf unsere Anfrage übersandt hat, weisen ein monatliches Bruttoeinkommen von 812,50 Euro aus.',
  'Das Einkommen ist nach § 11 SGB II in dem Monat zu berücksichtigen, in dem es Ihnen zufließt. Nach Abzug der Freibeträge nach § 11b SGB II ergibt sich ein anzurechnendes Einkommen, um das sich Ihr Anspruch in jedem der drei Monate gemindert hätte.',
  'Folgende Unterlagen liegen dieser Berechnung zugrunde:',
  '- Lohnabrechnungen Januar bis März 2025',
  '- Kontoauszüge Ihres Girokontos für denselben Zeitraum',
  '- Ihre Veränderungsmitteilung vom 14.04.2025, in der Sie die Aufnahme der Beschäftigung mitgeteilt haben',
  '',
  'Für die Zeit vom 01.01.2025 bis 31.03.2025 wurden Ihnen danach Leistungen in Höhe von insgesamt 1.126,44 Euro zu Unrecht erbracht. Es ist beabsichtigt, die Bewilligungsentscheidung für diesen Zeitraum nach § 48 Abs. 1 Satz 2 Nr. 3 SGB X in Verbindung mit § 40 SGB II teilweise aufzuheben und den überzahlten Betrag nach § 50 SGB X zurückzufordern.',
];

/** Field values that fill every template, the Anhörung long enough for a second page. */
export const FIELDS: Readonly<Record<string, FieldValues>> = {
  einladung: {
    termin_datum: '2025-05-26',
    termin_uhrzeit: '10:30',
    termin_ort: 'Zimmer 214, 2. Obergeschoss',
    meldezweck: 'Ihre berufliche Situation und Ihre Bewerbungsbemühungen',
    mitbringen: '- Personalausweis\n- Lebenslauf\n- Nachweise über Ihre Bewerbungen seit März',
  },
  mitwirkung: {
    antrag_vom: '2025-04-28',
    unterlagen:
      '- Kontoauszüge aller Konten der letzten drei Monate\n- Mietvertrag und aktuelle Nebenkostenabrechnung\n- Nachweis über das Kindergeld für Ihre Tochter',
    frist: '2025-06-02',
  },
  anhoerung: {
    gegenstand: 'Überzahlung Januar bis März 2025',
    sachverhalt: [LONG_TEXT[0], '', LONG_TEXT[1], '', ...LONG_TEXT.slice(2)].join('\n'),
    entscheidung: `${LONG_TEXT[7]!}\n\n${LONG_TEXT[0]!}\n\n${LONG_TEXT[1]!}`,
    frist: '2025-05-30',
  },
  'freies-schreiben': {
    betreff: 'Ihre Anfrage zur Übernahme der Heizkosten',
    inhalt:
      'vielen Dank für Ihre Nachricht vom 5. Mai 2025. Die Nachzahlung aus Ihrer Heizkostenabrechnung kann übernommen werden, soweit die Heizkosten angemessen sind (§ 22 Abs. 1 SGB II).\n\nBitte reichen Sie dazu die vollständige Abrechnung Ihres Vermieters ein.',
  },
};
