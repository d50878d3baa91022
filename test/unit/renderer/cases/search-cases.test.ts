/** The case list's filter: the rows matching the query, in the list's own order, with few hits and with many. */
import { expect, it } from 'vitest';
import type { CaseRow } from '../../../../src/renderer/data/repos/cases.ts';
import { CaseSearch, type SearchCase } from '../../../../src/renderer/features/cases/case-search.ts';
import { searchCases } from '../../../../src/renderer/features/cases/use-cases.ts';

const NAMES = ['Müller', 'Meier', 'Schröder', 'Koch', 'Yılmaz', 'Wagner', 'Becker', 'Schulz'];

const cases: SearchCase[] = Array.from({ length: 400 }, (_, k) => ({
  id: `c${k}`,
  bgNumber: `12345BG${String(k).padStart(7, '0')}`,
  members: [
    {
      firstName: k % 3 ? 'Anna' : 'Jürgen',
      lastName: NAMES[k % NAMES.length]!,
      birthDate: '1980-05-01',
      address: { street: `Hauptstraße ${k}`, postalCode: '37073', city: 'Göttingen' },
    },
  ],
}));
const index = new CaseSearch();
index.sync(cases);
// The list's order (here: by name descending, then by id), not the index's.
const rows = cases
  .map((c) => ({ case: { id: c.id }, name: c.members[0]!.lastName }) as unknown as CaseRow & { name: string })
  .sort((a, b) => b.name.localeCompare(a.name) || a.case.id.localeCompare(b.case.id));

const expected = (query: string): string[] => {
  const hits = new Set(index.search(query));
  return rows.filter((r) => hits.has(r.case.id)).map((r) => r.case.id);
};

it('answers the matching rows in the order of the list, for many hits and for few', () => {
  const many = 'g'; // every case: Göttingen
  const few = 'hauptstrasse 17'; // 17 and 170–179
  for (const query of [many, 'mul', 'schroder', few, 'jurgen koch', 'nobody']) {
    expect(
      searchCases(index, rows, query).map((r) => r.case.id),
      query,
    ).toEqual(expected(query));
  }
  expect(searchCases(index, rows, few)).toHaveLength(11);
  expect(searchCases(index, rows, many)).toHaveLength(400);
  expect(searchCases(index, rows, '  ')).toBe(rows);
});
