/** German office prose for the demo pages: sentence pools per kind of document. */
import type { Rng } from './rng.ts';

const LETTER = [
  'auf Ihren Antrag vom 14.02. wird Ihnen Arbeitslosengeld II in folgender Höhe bewilligt.',
  'Die Entscheidung beruht auf den §§ 7, 9, 11 und 19 ff. Zweites Buch Sozialgesetzbuch (SGB II).',
  'Bitte reichen Sie die fehlenden Unterlagen bis zum genannten Termin ein.',
  'Sollten Sie die Unterlagen nicht fristgerecht vorlegen, können die Leistungen ganz oder teilweise versagt werden.',
  'Änderungen in Ihren Einkommens- und Vermögensverhältnissen sind unverzüglich mitzuteilen.',
  'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden.',
  'Der Widerspruch ist schriftlich oder zur Niederschrift beim Jobcenter einzulegen.',
  'Die Kosten für Unterkunft und Heizung werden in tatsächlicher Höhe übernommen.',
  'Der Regelbedarf für alleinstehende Personen beträgt derzeit 563,00 € monatlich.',
  'Bei Rückfragen erreichen Sie uns montags bis freitags von 8:00 bis 12:00 Uhr.',
  'Für Ihre Mitwirkung bedanken wir uns. Bitte geben Sie bei Antworten stets die BG-Nummer an.',
  'Das Einkommen aus Ihrer Beschäftigung wird nach Abzug der Freibeträge angerechnet.',
  'Die Nebenkostenabrechnung wurde geprüft; das Guthaben mindert den Bedarf im Folgemonat.',
  'Bitte bringen Sie zum Termin Ihren Personalausweis und aktuelle Kontoauszüge mit.',
];

const CONTRACT = [
  'Der Vermieter vermietet dem Mieter zu Wohnzwecken die im Erdgeschoss gelegene Wohnung.',
  'Die Wohnung besteht aus zwei Zimmern, einer Küche, einem Bad mit WC und einem Kellerraum.',
  'Das Mietverhältnis beginnt am 01.04. und läuft auf unbestimmte Zeit.',
  'Die monatliche Grundmiete beträgt 420,00 €, die Vorauszahlung auf die Betriebskosten 130,00 €.',
  'Die Miete ist monatlich im Voraus, spätestens am dritten Werktag, auf das Konto des Vermieters zu zahlen.',
  'Der Mieter leistet eine Kaution in Höhe von drei Nettokaltmieten.',
  'Schönheitsreparaturen sind vom Mieter fachgerecht auszuführen, soweit sie durch ihn veranlasst sind.',
  'Tierhaltung ist mit Ausnahme von Kleintieren nur mit Zustimmung des Vermieters gestattet.',
  'Die Hausordnung ist Bestandteil dieses Vertrages und wird dem Mieter ausgehändigt.',
  'Änderungen und Ergänzungen dieses Vertrages bedürfen der Schriftform.',
];

export function letterSentences(rng: Rng, count: number): string[] {
  return Array.from({ length: count }, () => rng.pick(LETTER));
}

export function contractSentences(rng: Rng, count: number): string[] {
  return Array.from({ length: count }, () => rng.pick(CONTRACT));
}

/** Breaks text into lines of at most `width` characters at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

export const euro = (cents: number) =>
  `${Math.floor(cents / 100).toLocaleString('de-DE')},${String(Math.abs(cents) % 100).padStart(2, '0')} €`;

export const germanDate = (day: number, month: number, year: number) =>
  `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
