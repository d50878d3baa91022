/**
 * Page designs of the scanned mail a job centre receives: letters and notices, application
 * forms, bank statements and payslips as tables, tenancy contracts as dense text, certificates.
 * Everything is drawn relative to the page width so that small test rasters look the same.
 */
import type { GreyCanvas } from './grey-canvas.ts';
import {
  BANKS,
  EMPLOYERS,
  LANDLORDS,
  LAST_NAMES,
  STREETS,
  TOWNS,
  FEMALE_FIRST_NAMES,
  MALE_FIRST_NAMES,
} from './names.ts';
import { contractSentences, euro, germanDate, letterSentences, wrap } from './page-text.ts';
import type { Rng } from './rng.ts';

export const LAYOUTS = ['letter', 'form', 'table', 'contract', 'certificate'] as const;
export type Layout = (typeof LAYOUTS)[number];

const INK = 35;

function someone(rng: Rng): string {
  return `${rng.pick(rng.chance(0.5) ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

function address(rng: Rng): [string, string] {
  const town = rng.pick(TOWNS);
  return [`${rng.pick(STREETS)} ${rng.int(1, 120)}`, `${town.postalCode} ${town.city}`];
}

/** Body text lines from the left margin down to `bottom`; returns the y below the last line. */
function paragraph(c: GreyCanvas, lines: readonly string[], x: number, y: number, s: number, bottom: number): number {
  let top = y;
  for (const line of lines) {
    if (top > bottom) break;
    c.text(x, top, s, line, INK);
    top += 11 * s;
  }
  return top;
}

function formAnswer(label: string, rng: Rng): string {
  if (label.startsWith('Name')) return someone(rng);
  if (label.includes('IBAN'))
    return `DE${rng.int(10, 99)} 2605 0001 ${rng.int(1000, 9999)} ${rng.int(1000, 9999)} ${rng.int(10, 99)}`;
  if (label.includes('kosten') || label.includes('Miete')) return euro(rng.int(5_000, 60_000));
  if (label === 'Geburtsdatum') return germanDate(rng.int(1, 28), rng.int(1, 12), rng.int(1950, 2005));
  if (label === 'Telefon') return `0551 ${rng.int(100000, 999999)}`;
  if (label === 'Familienstand') return rng.pick(['ledig', 'verheiratet', 'geschieden', 'verwitwet']);
  if (label === 'Staatsangehörigkeit') return rng.pick(['deutsch', 'türkisch', 'ukrainisch', 'polnisch', 'syrisch']);
  if (label === 'Krankenkasse')
    return rng.pick(['AOK Niedersachsen', 'Techniker Krankenkasse', 'BARMER', 'DAK-Gesundheit']);
  if (label === 'Arbeitgeber') return rng.pick(EMPLOYERS);
  return address(rng).join(', ');
}

export function drawPage(c: GreyCanvas, layout: Layout, rng: Rng): void {
  const u = c.width / 850;
  const s = Math.max(1, Math.round(2 * u));
  const margin = Math.round(80 * u);
  const chars = Math.floor((c.width - 2 * margin) / (6 * s));
  const bottom = c.height - Math.round(110 * u);
  const year = rng.int(2022, 2025);
  switch (layout) {
    case 'letter': {
      c.text(margin, 60 * u, s + 1, rng.chance(0.6) ? 'Jobcenter Landkreis Göttingen' : rng.pick(LANDLORDS), INK, true);
      c.text(
        margin,
        60 * u + 30 * s,
        s,
        `${rng.pick(STREETS)} ${rng.int(1, 40)} · ${rng.pick(TOWNS).postalCode} ${rng.pick(TOWNS).city}`,
        90,
      );
      const [street, town] = address(rng);
      paragraph(c, [someone(rng), street, town], margin, 190 * u, s, bottom);
      c.text(
        c.width - margin - c.textWidth('Datum: 00.00.0000', s),
        190 * u,
        s,
        `Datum: ${germanDate(rng.int(1, 28), rng.int(1, 12), year)}`,
        INK,
      );
      c.text(
        c.width - margin - c.textWidth('BG-Nr.: 00000BG0000000', s),
        190 * u + 13 * s,
        s,
        `BG-Nr.: ${rng.int(10000, 99999)}BG${String(rng.int(1, 9_999_999)).padStart(7, '0')}`,
        INK,
      );
      let y = 330 * u;
      c.text(
        margin,
        y,
        s,
        rng.pick([
          'Bescheid über Leistungen nach dem SGB II',
          'Aufforderung zur Mitwirkung',
          'Anhörung nach § 24 SGB X',
          'Ihr Schreiben vom letzten Monat',
        ]),
        INK,
        true,
      );
      y += 30 * s;
      y = paragraph(c, ['Sehr geehrte Damen und Herren,', ''], margin, y, s, bottom);
      while (y < bottom - 80 * u) {
        y =
          paragraph(c, wrap(letterSentences(rng, rng.int(2, 4)).join(' '), chars), margin, y, s, bottom - 80 * u) +
          8 * s;
      }
      paragraph(c, ['Mit freundlichen Grüßen', 'Im Auftrag', someone(rng)], margin, bottom - 60 * u, s, c.height);
      break;
    }
    case 'form': {
      c.text(
        margin,
        50 * u,
        s + 1,
        rng.pick(['Antrag auf Bürgergeld', 'Weiterbewilligungsantrag', 'Anlage KdU', 'Anlage EK']),
        INK,
        true,
      );
      c.text(margin, 50 * u + 22 * s, s, 'Bitte in Druckbuchstaben ausfüllen und unterschreiben.', 90);
      const labels = [
        'Name, Vorname',
        'Geburtsdatum',
        'Anschrift',
        'Telefon',
        'Familienstand',
        'Staatsangehörigkeit',
        'Bankverbindung (IBAN)',
        'Krankenkasse',
        'Arbeitgeber',
        'Miete (Grundmiete)',
        'Heizkosten',
        'Nebenkosten',
      ];
      let y = 130 * u;
      const boxH = 34 * s;
      while (y + boxH < bottom) {
        const label = rng.pick(labels);
        c.strokeRect(margin, y, c.width - 2 * margin, boxH, 70, Math.max(1, Math.round(u)));
        c.text(margin + 6 * u, y + 4 * u, Math.max(1, s - 1), label, 70);
        const answer = formAnswer(label, rng);
        c.text(margin + 20 * u, y + 16 * s, s, answer, 55);
        if (rng.chance(0.3)) {
          c.strokeRect(c.width - margin - 120 * u, y + 12 * s, 10 * s, 10 * s, 60);
          c.text(c.width - margin - 120 * u + 14 * s, y + 13 * s, s, 'ja', INK);
        }
        y += boxH + 10 * u;
      }
      break;
    }
    case 'table': {
      const bank = rng.chance(0.6);
      c.text(margin, 50 * u, s + 1, bank ? rng.pick(BANKS) : rng.pick(EMPLOYERS), INK, true);
      c.text(
        margin,
        50 * u + 22 * s,
        s,
        bank
          ? `Kontoauszug Nr. ${rng.int(1, 12)}/${year}`
          : `Entgeltabrechnung ${germanDate(1, rng.int(1, 12), year).slice(3)}`,
        INK,
      );
      let y = 150 * u;
      c.fillRect(margin, y - 6 * u, c.width - 2 * margin, Math.max(1, Math.round(2 * u)), 60);
      c.text(margin, y, s, bank ? 'Datum     Buchungstext' : 'Lohnart   Bezeichnung', INK, true);
      c.text(c.width - margin - c.textWidth('Betrag', s), y, s, 'Betrag', INK, true);
      y += 18 * s;
      const texts = bank
        ? [
            'Lastschrift Stadtwerke',
            'Miete Wohnung',
            'Gutschrift Jobcenter',
            'Kartenzahlung Supermarkt',
            'Überweisung Kindergeld',
            'Dauerauftrag Strom',
            'Bargeldauszahlung',
          ]
        : [
            'Grundvergütung',
            'Überstunden',
            'Nachtzuschlag',
            'Lohnsteuer',
            'Krankenversicherung',
            'Rentenversicherung',
            'Arbeitslosenversicherung',
          ];
      while (y < bottom) {
        const amount = rng.int(-90_000, 120_000);
        c.text(
          margin,
          y,
          s,
          `${germanDate(rng.int(1, 28), rng.int(1, 12), year).slice(0, 6)}    ${rng.pick(texts)}`,
          INK,
        );
        const value = euro(Math.abs(amount));
        c.text(c.width - margin - c.textWidth(`- ${value}`, s), y, s, `${amount < 0 ? '-' : '+'} ${value}`, INK);
        y += 13 * s;
        if (rng.chance(0.15)) c.fillRect(margin, y - 3 * s, c.width - 2 * margin, 1, 150);
      }
      break;
    }
    case 'contract': {
      c.text(margin, 50 * u, s + 1, 'Mietvertrag für Wohnraum', INK, true);
      let y = 100 * u;
      let section = rng.int(1, 12);
      while (y < bottom) {
        y = paragraph(c, [`§ ${section++}`], margin, y, s, bottom);
        y = paragraph(c, wrap(contractSentences(rng, rng.int(2, 5)).join(' '), chars), margin, y, s, bottom) + 6 * s;
      }
      break;
    }
    case 'certificate': {
      const x = margin;
      c.strokeRect(x, 60 * u, c.width - 2 * margin, 420 * u, 50, Math.max(1, Math.round(2 * u)));
      c.text(
        x + 20 * u,
        80 * u,
        s + 1,
        rng.pick([
          'Arbeitsunfähigkeitsbescheinigung',
          'Meldebescheinigung',
          'Schulbescheinigung',
          'Bescheinigung der Krankenkasse',
        ]),
        INK,
        true,
      );
      paragraph(
        c,
        [
          `Name: ${someone(rng)}`,
          `geb. am ${germanDate(rng.int(1, 28), rng.int(1, 12), rng.int(1950, 2010))}`,
          `Anschrift: ${address(rng).join(', ')}`,
          '',
          `gültig vom ${germanDate(rng.int(1, 28), rng.int(1, 12), year)} bis ${germanDate(rng.int(1, 28), rng.int(1, 12), year)}`,
          '',
          'Stempel und Unterschrift',
        ],
        x + 20 * u,
        130 * u,
        s,
        bottom,
      );
      c.strokeRect(c.width - margin - 200 * u, 360 * u, 170 * u, 90 * u, 110, Math.max(1, Math.round(3 * u)));
      paragraph(c, wrap(letterSentences(rng, 3).join(' '), chars), margin, 540 * u, s, bottom);
      break;
    }
  }
  if (rng.chance(0.5)) c.text(c.width / 2 - 30 * u, c.height - 60 * u, s, `Seite ${rng.int(1, 4)}`, 90);
}
