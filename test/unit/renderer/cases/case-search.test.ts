/** Finding a case as a case worker types: BG number, names without umlauts, addresses, dates of birth. */
import { describe, expect, it } from 'vitest';
import {
  bgNumberTerms,
  CaseSearch,
  termsOf,
  type SearchCase,
} from '../../../../src/renderer/features/cases/case-search.ts';
import { foldTerm, searchTerms } from '../../../../src/renderer/features/cases/fold.ts';

const member = (firstName: string, lastName: string, birthDate: string, street: string, city = 'Göttingen') => ({
  firstName,
  lastName,
  birthDate,
  address: { street, postalCode: '37073', city },
});

const cases: SearchCase[] = [
  { id: 'c1', bgNumber: '12345BG0012345', members: [member('Jürgen', 'Müller', '1980-05-01', 'Lindenstraße 4')] },
  { id: 'c2', bgNumber: '12345BG0000077', members: [member('Anna', 'Mueller', '1992-11-30', 'Weender Str. 10')] },
  {
    id: 'c3',
    bgNumber: '12345BG1234567',
    members: [
      member('Zoë', 'Groß', '2001-02-03', 'Bahnhofsallee 1', 'Hann. Münden'),
      member('Élodie', 'Groß', '2019-07-08', 'Bahnhofsallee 1', 'Hann. Münden'),
    ],
  },
];

describe('German folding', () => {
  it('gives the plain and the two-letter form of umlauts, ß as ss, accents stripped', () => {
    expect(foldTerm('Müller')).toEqual(['muller', 'mueller']);
    expect(foldTerm('Straße')).toEqual(['strasse']);
    expect(foldTerm('Élodie')).toEqual(['elodie']);
    expect(foldTerm('MUELLER')).toEqual(['mueller']);
  });

  it('keeps dates whole and splits names at punctuation', () => {
    expect(searchTerms('01.05.1980, Müller-Lüdenscheidt')).toEqual(['01.05.1980', 'Müller', 'Lüdenscheidt']);
    expect(searchTerms('1980-05-01')).toEqual(['1980-05-01']);
  });
});

describe('case search', () => {
  const search = new CaseSearch();
  search.sync(cases);

  it('finds by BG number with or without "BG" and the leading zeros of the serial, the exact one first', () => {
    expect(search.search('12345BG0012345')).toEqual(['c1']);
    // Typed so far, it is also the start of 12345BG1234567 written without its zeros.
    expect(search.search('12345bg12345')[0]).toBe('c1');
    expect(search.search('123450012345')).toEqual(['c1']);
    expect(search.search('0000077')).toEqual(['c2']);
    expect(search.search('77')).toContain('c2');
    expect(bgNumberTerms('12345BG0000077')).toContain('12345bg77');
  });

  it('finds Müller by "muller", "mueller" and "müller", and Mueller by "mueller" and "müller"', () => {
    expect(search.search('muller')).toEqual(['c1']);
    for (const q of ['mueller', 'müller', 'MÜLLER']) expect(search.search(q).sort(), q).toEqual(['c1', 'c2']);
  });

  it('finds by street with "strasse", by city, by a member who is not the applicant, and by date of birth', () => {
    expect(search.search('lindenstrasse')).toEqual(['c1']);
    expect(search.search('hann munden')).toEqual(['c3']);
    expect(search.search('elodie')).toEqual(['c3']);
    expect(search.search('gross')).toEqual(['c3']);
    expect(search.search('01.05.1980')).toEqual(['c1']);
    expect(search.search('1992-11-30')).toEqual(['c2']);
  });

  it('narrows with every word and finds the start of a word while typing', () => {
    expect(search.search('mü')).toEqual(expect.arrayContaining(['c1', 'c2']));
    expect(search.search('jürgen müller')).toEqual(['c1']);
    expect(search.search('anna müller')).toEqual(['c2']);
    expect(search.search('anna lindenstrasse')).toEqual([]);
  });

  it('follows changes: a renamed member, a new case, a case gone', () => {
    const s = new CaseSearch();
    s.sync(cases);
    s.sync([
      { ...cases[0]!, members: [member('Jürgen', 'Schmidt', '1980-05-01', 'Lindenstraße 4')] },
      cases[2]!,
      { id: 'c4', bgNumber: '54321BG0000001', members: [member('Ömer', 'Yılmaz', '1975-01-01', 'Am Markt 2')] },
    ]);
    expect(s.search('müller')).toEqual([]);
    expect(s.search('schmidt')).toEqual(['c1']);
    expect(s.search('omer')).toEqual(['c4']);
    expect(s.search('oemer')).toEqual(['c4']);
    expect(s.size).toBe(3);
  });

  it('finds for a query typed key by key the same cases as for the query asked at once, also after backspace and a change', () => {
    const typed = new CaseSearch();
    typed.sync(cases);
    const queries = [
      'müller jürgen 1980',
      'mueller 30.11.1992',
      '12345 bg 77',
      'gross 2019-07',
      'hann münden zoe',
      'linden 37073',
    ];
    for (const query of queries) {
      for (let n = 1; n <= query.length; n++) {
        const fresh = new CaseSearch();
        fresh.sync(cases);
        expect(typed.search(query.slice(0, n)).sort(), query.slice(0, n)).toEqual(
          fresh.search(query.slice(0, n)).sort(),
        );
      }
      // Backspace: the shorter query is asked afresh, not narrowed from the longer one.
      const shorter = query.slice(0, 3);
      const fresh = new CaseSearch();
      fresh.sync(cases);
      expect(typed.search(shorter).sort()).toEqual(fresh.search(shorter).sort());
    }
    typed.search('mül');
    typed.sync([{ ...cases[1]!, members: [member('Anna', 'Mülheim', '1992-11-30', 'Weender Str. 10')] }]);
    expect(typed.search('mülh')).toEqual(['c2']);
  });
});

describe('case search against a plain scan of every case', () => {
  const words = (query: string) =>
    searchTerms(query)
      .map(foldTerm)
      .filter((forms) => forms.length > 0);
  /** What the index must answer: each word's forms, one of them the start of some folded term of the case. */
  const scan = (all: readonly SearchCase[], query: string): string[] => {
    const asked = words(query);
    if (!asked.length) return [];
    return all
      .filter((c) => {
        // The terms of one case, as the index makes them: every folded form of every text.
        const terms = [...termsOf(c)];
        return asked.every((forms) => forms.some((form) => terms.some((term) => term.startsWith(form))));
      })
      .map((c) => c.id);
  };

  const LAST = ['Müller', 'Mueller', 'Schröder', 'Groß', 'Yılmaz', 'Öztürk', 'Weiß'];
  const FIRST = ['Jürgen', 'Anna', 'Zoë', 'Björn', 'Élodie'];
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const makeCase = (k: number, version: number): SearchCase => ({
    id: `c${k}`,
    bgNumber: `${12340 + (k % 3)}BG${String(k * 13 + version).padStart(7, '0')}`,
    members: Array.from({ length: 1 + (k % 3) }, (_, m) =>
      member(
        FIRST[(k + m + version) % FIRST.length]!,
        LAST[(k * 3 + version) % LAST.length]!,
        `19${60 + ((k + m) % 40)}-0${1 + (k % 9)}-2${m}`,
        `Hauptstraße ${k % 20}`,
        version % 2 ? 'Hann. Münden' : 'Göttingen',
      ),
    ),
  });
  const queries = [
    'neu',
    'neu5',
    'm',
    'mü',
    'mue',
    'müller anna',
    '1234',
    '12341bg',
    '12342 0000',
    'haupt 1',
    'zoe',
    'hann m',
    '20',
    'x',
    '-',
  ];

  it('answers what a scan answers, through additions, changes, removals and reused slots', () => {
    const index = new CaseSearch();
    let all: SearchCase[] = [];
    // The first syncs sort all terms again; the later ones, a few cases each, put terms in their
    // places. A renamed case keeps its BG number, whose terms are then emptied and held again.
    for (let round = 0; round < 12; round++) {
      const ids = new Set(all.map((c) => c.id));
      const few = round > 3;
      if (round === 0) all = Array.from({ length: 150 }, (_, k) => makeCase(k, 0));
      else {
        // Some gone, some changed, some new (a gone case's slot is given to a new one).
        all = all
          .filter(() => next(few ? 60 : 10) > 0)
          .map((c) => {
            const pick = next(few ? 50 : 6);
            if (pick === 0) return makeCase(Number(c.id.slice(1)), round);
            if (pick === 1) return { ...c, members: c.members.map((m) => ({ ...m, lastName: `Neu${round}` })) };
            return c;
          });
        for (let n = 0; n < (few ? 1 : 4); n++) {
          const k = 150 + round * 10 + n;
          if (!ids.has(`c${k}`)) all.push(makeCase(k, round));
        }
      }
      index.sync(all);
      expect(index.size).toBe(all.length);
      const list = [...all].reverse();
      for (const query of queries) {
        const expected = scan(all, query);
        expect(index.search(query).sort(), `${query} (round ${round})`).toEqual([...expected].sort());
        expect(
          index.filter(list, (c) => c.id, query).map((c) => c.id),
          `${query} in the list's order (round ${round})`,
        ).toEqual(list.filter((c) => expected.includes(c.id)).map((c) => c.id));
      }
    }
  });

  it('looks the list up again once a case has gone and its slot went to another', () => {
    const index = new CaseSearch();
    const a = { id: 'a', bgNumber: '11111BG0000001', members: [member('Anna', 'Alt', '1980-01-01', 'Am Markt 1')] };
    const b = { id: 'b', bgNumber: '22222BG0000002', members: [member('Bert', 'Neu', '1981-01-01', 'Am Markt 2')] };
    index.sync([a]);
    const list = [a, b];
    expect(index.filter(list, (c) => c.id, 'anna').map((c) => c.id)).toEqual(['a']);
    // a is gone, b takes its slot: the same list must not show a for b's name, nor b for a's.
    index.sync([b]);
    expect(index.filter(list, (c) => c.id, 'neu').map((c) => c.id)).toEqual(['b']);
    expect(index.filter(list, (c) => c.id, 'anna')).toEqual([]);
  });

  it('readied for a list, filters it without looking its items up again, and after a change does look them up', () => {
    const index = new CaseSearch();
    const a = { id: 'a', bgNumber: '11111BG0000001', members: [member('Anna', 'Alt', '1980-01-01', 'Am Markt 1')] };
    const b = { id: 'b', bgNumber: '22222BG0000002', members: [member('Bert', 'Neu', '1981-01-01', 'Am Markt 2')] };
    index.sync([a, b]);
    const list = [b, a];
    let lookups = 0;
    const idOf = (c: SearchCase) => (lookups++, c.id);
    index.prepare(list, idOf);
    expect(lookups).toBe(2);
    expect(index.filter(list, idOf, 'anna').map((c) => c.id)).toEqual(['a']);
    expect(index.filter(list, idOf, 'neu').map((c) => c.id)).toEqual(['b']);
    expect(lookups).toBe(2);
    index.sync([a]);
    expect(index.filter(list, idOf, 'neu')).toEqual([]);
    expect(lookups).toBe(4);
  });
});
