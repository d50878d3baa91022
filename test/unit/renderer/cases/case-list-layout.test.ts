/** The case list's items and keyboard positions, with and without the substitute group. */
import { describe, expect, it } from 'vitest';
import type { CaseRow } from '../../../../src/renderer/data/repos/cases.ts';
import { caseListLayout } from '../../../../src/renderer/features/cases/case-list-layout.ts';

const row = (id: string, role: 'owner' | 'substitute') => ({ case: { id }, role }) as unknown as CaseRow;
const labels = (own: number, substitute: number) => [`own ${own}`, `sub ${substitute}`] as const;

/** Every item, as the grid renders them, and the round trip position → index → position. */
function walk(shown: CaseRow[]) {
  const layout = caseListLayout(shown, labels);
  const items = Array.from({ length: layout.count }, (_, k) => layout.item(k));
  const positions = Array.from({ length: layout.rows }, (_, p) => layout.indexOf(p)!);
  return { layout, items, positions };
}

describe('case list layout', () => {
  it('lists own cases alone without headings', () => {
    const { layout, items, positions } = walk([row('a', 'owner'), row('b', 'owner')]);
    expect(items.map((i) => (i?.kind === 'row' ? i.row.case.id : i?.label))).toEqual(['a', 'b']);
    expect(positions).toEqual([0, 1]);
    expect(layout.item(2)).toBeUndefined();
    expect(layout.indexOf(2)).toBeUndefined();
  });

  it('puts own cases and substitute cases under their headings, and the keyboard skips the headings', () => {
    const shown = [row('s1', 'substitute'), row('a', 'owner'), row('b', 'owner'), row('s2', 'substitute')];
    const { layout, items, positions } = walk(shown);
    expect(items.map((i) => (i?.kind === 'group' ? i.label : i?.row.case.id))).toEqual([
      'own 2',
      'a',
      'b',
      'sub 2',
      's1',
      's2',
    ]);
    expect(layout.rows).toBe(4);
    expect(positions).toEqual([1, 2, 4, 5]);
    expect(items.map((_, k) => layout.positionOf(k))).toEqual([-1, 0, 1, -1, 2, 3]);
    for (const [p, index] of positions.entries()) expect(layout.positionOf(index)).toBe(p);
  });

  it('has only the substitute group when every case is held in substitution', () => {
    const { items, positions } = walk([row('s1', 'substitute')]);
    expect(items.map((i) => (i?.kind === 'group' ? i.label : i?.row.case.id))).toEqual(['own 0', 'sub 1', 's1']);
    expect(positions).toEqual([2]);
  });
});
