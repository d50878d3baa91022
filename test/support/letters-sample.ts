/**
 * A household to write to and field values that fill every shipped template (the Anhörung long
 * enough for a second page). Plain data, so the Node tests, the benchmark, the preview script and
 * the Chromium test share it.
 */
import type { BgNumber, CaseId, PersonId } from '../../src/shared/domain/ids.ts';
import type { FieldValues, LetterContext } from '../../src/renderer/letters/letter-context.ts';
import type { Office } from '../../src/renderer/letters/office.ts';

export const CREATED_AT = new Date('2025-05-12T08:30:00Z');

export function sampleContext(office: Office, overrides: Partial<LetterContext> = {}): LetterContext {
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

/**
 * SHA-256 of the Einladung with this household, the shipped assets and `CREATED_AT`. Node and
 * Chromium must both produce exactly these bytes. After a deliberate change to the engine, the
 * fonts, the templates or the libraries, render it again and put the new value here.
 */
export const EINLADUNG_SHA256 = 'a446a53de43fb3fdb494d54ab3b090a6e3230b38b1fe62795e8aded6d76e105e';
