/**
 * What a case file contains: per case a list of documents of realistic types, registers, titles
 * and page counts. Most documents are short; a few (statement bundles, appeal files) are long,
 * which is what makes the average file a few hundred pages in real job centres.
 */
import type { DocumentType, Register } from '../../src/shared/domain/document.ts';
import type { Layout } from './page-layouts.ts';
import type { Rng } from './rng.ts';

export type PlannedDocument = {
  readonly type: DocumentType;
  readonly register: Register;
  readonly title: string;
  readonly pages: number;
  readonly layout: Layout;
  /** Days before the reference date. */
  readonly ageDays: number;
};

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

export function planDocuments(rng: Rng, caseAgeDays: number, maxPages: number): PlannedDocument[] {
  const docs: PlannedDocument[] = [];
  const add = (type: DocumentType, register: Register, title: string, pages: number, layout: Layout, ageDays: number) =>
    docs.push({
      type,
      register,
      title,
      pages: Math.max(1, Math.min(maxPages, pages)),
      layout,
      ageDays: Math.max(0, Math.round(ageDays)),
    });
  const age = () => rng.int(0, caseAgeDays);

  add('application', 'application', 'Antrag auf Bürgergeld (Hauptantrag)', rng.int(4, 8), 'form', caseAgeDays);
  add('identityDocument', 'identity', 'Kopie Personalausweis', rng.int(1, 2), 'certificate', caseAgeDays - 1);
  add('tenancyAgreement', 'housing', 'Mietvertrag', rng.int(6, 16), 'contract', caseAgeDays - 2);
  add('decision', 'decisions', 'Bewilligungsbescheid', rng.int(3, 8), 'letter', caseAgeDays - 20);

  const periods = Math.floor(caseAgeDays / 180);
  for (let p = 1; p <= periods; p++) {
    const when = caseAgeDays - p * 180;
    add(
      'continuationApplication',
      'application',
      `Weiterbewilligungsantrag ${p}. Folgezeitraum`,
      rng.int(2, 4),
      'form',
      when + 14,
    );
    add('bankStatement', 'income', 'Kontoauszüge der letzten drei Monate', rng.int(2, 9), 'table', when + 12);
    add(
      'decision',
      'decisions',
      rng.pick(['Weiterbewilligungsbescheid', 'Änderungsbescheid']),
      rng.int(3, 7),
      'letter',
      when,
    );
  }
  const employed = rng.chance(0.4);
  if (employed) {
    for (let m = 0; m < Math.min(12, Math.floor(caseAgeDays / 30)); m++) {
      add('payslip', 'income', `Lohnbescheinigung ${MONTHS[(11 - m + 12) % 12]}`, rng.int(1, 2), 'table', m * 30 + 5);
    }
  }
  for (let k = rng.int(0, 3); k > 0; k--) {
    add(
      'utilityBill',
      'housing',
      rng.pick(['Nebenkostenabrechnung', 'Heizkostenabrechnung', 'Stromabschlag', 'Wasserrechnung']),
      rng.int(1, 3),
      rng.pick(['table', 'letter'] as const),
      age(),
    );
  }
  for (let k = rng.int(1, 4); k > 0; k--) {
    add(
      'letter',
      'correspondence',
      rng.pick([
        'Schreiben der Kundin',
        'Schreiben des Kunden',
        'Widerspruch',
        'Veränderungsmitteilung',
        'Einladung zum Termin',
      ]),
      rng.int(1, 3),
      'letter',
      age(),
    );
  }
  if (rng.chance(0.3)) add('medicalCertificate', 'other', 'Arbeitsunfähigkeitsbescheinigung', 1, 'certificate', age());
  if (rng.chance(0.25))
    add('bankStatement', 'income', 'Kontoauszüge zur Vermögensprüfung (12 Monate)', rng.int(20, 60), 'table', age());
  // The rare thick file: a court or appeal record that makes a case file heavy.
  if (rng.chance(0.07))
    add(
      'other',
      'other',
      rng.pick(['Widerspruchsvorgang mit Anlagen', 'Akte Sozialgericht (Kopie)']),
      rng.int(80, 300),
      'contract',
      age(),
    );
  for (let k = rng.int(0, 2); k > 0; k--)
    add(
      'other',
      'other',
      rng.pick(['Schulbescheinigung', 'Meldebescheinigung', 'Kindergeldbescheid']),
      rng.int(1, 3),
      'certificate',
      age(),
    );
  return docs.sort((a, b) => b.ageDays - a.ageDays);
}
