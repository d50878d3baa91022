/** Persons, notes, follow-ups and annotations of a demo case: the small entities around the scans. */
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, STREETS, TOWNS } from './names.ts';
import type { Rng } from './rng.ts';

export type PersonSeed = {
  readonly role: 'applicant' | 'partner' | 'child' | 'other';
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
};

export function planHousehold(
  rng: Rng,
  referenceYear: number,
): { persons: PersonSeed[]; address: { street: string; postalCode: string; city: string } } {
  const lastName = rng.pick(LAST_NAMES);
  const first = (female: boolean) => rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const date = (minAge: number, maxAge: number) =>
    `${referenceYear - rng.int(minAge, maxAge)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const applicantFemale = rng.chance(0.55);
  const persons: PersonSeed[] = [
    { role: 'applicant', firstName: first(applicantFemale), lastName, birthDate: date(19, 63) },
  ];
  if (rng.chance(0.4))
    persons.push({
      role: 'partner',
      firstName: first(!applicantFemale),
      lastName: rng.chance(0.7) ? lastName : rng.pick(LAST_NAMES),
      birthDate: date(19, 63),
    });
  for (let k = rng.chance(0.5) ? rng.int(1, 4) : 0; k > 0; k--)
    persons.push({ role: 'child', firstName: first(rng.chance(0.5)), lastName, birthDate: date(0, 17) });
  if (rng.chance(0.05))
    persons.push({
      role: 'other',
      firstName: first(rng.chance(0.5)),
      lastName: rng.pick(LAST_NAMES),
      birthDate: date(18, 80),
    });
  const town = rng.pick(TOWNS);
  return {
    persons,
    address: {
      street: `${rng.pick(STREETS)} ${rng.int(1, 140)}${rng.chance(0.15) ? 'a' : ''}`,
      postalCode: town.postalCode,
      city: town.city,
    },
  };
}

const NOTES = [
  'Kundin telefonisch erreicht; Kontoauszüge werden bis Monatsende nachgereicht.',
  'Persönliche Vorsprache. Veränderung der Miete ab dem nächsten Monat angekündigt, Nachweis folgt.',
  'Weiterbewilligungsantrag vollständig. Einkommen geprüft, keine Änderung.',
  'Nebenkostenabrechnung geprüft, Guthaben im Folgemonat anrechnen.',
  'Rückruf erbeten wegen Bescheid; Berechnung erläutert, Kunde einverstanden.',
  'Mitwirkungsaufforderung versandt, Frist zwei Wochen.',
  'Umzug angezeigt. Zusicherung zu den Kosten der neuen Unterkunft wird geprüft.',
  'Arbeitsaufnahme zum Monatsersten gemeldet; Lohnbescheinigungen angefordert.',
];

const FOLLOW_UPS = [
  'Eingang der Kontoauszüge prüfen',
  'Weiterbewilligung vorbereiten',
  'Frist Mitwirkung: Unterlagen vollständig?',
  'Nebenkostenabrechnung anfordern',
  'Lohnbescheinigung des Vormonats prüfen',
];

export const pickNote = (rng: Rng) => rng.pick(NOTES);
export const pickFollowUp = (rng: Rng) => rng.pick(FOLLOW_UPS);
