/**
 * The case list's items: the user's own cases, and where there are substitute cases, each group
 * under a heading. Computed by arithmetic from the two lists, not as an array of 10,000 objects
 * rebuilt at every key press; the keyboard moves through rows by position (headings skipped).
 */
import type { CaseRow } from '../../data/repos/cases.ts';

export type CaseListItem = { kind: 'group'; label: string } | { kind: 'row'; row: CaseRow };

export type CaseListLayout = {
  /** Items shown: rows, and in groups a heading before each. */
  readonly count: number;
  /** Rows shown (what the keyboard moves through). */
  readonly rows: number;
  item(index: number): CaseListItem | undefined;
  /** The item index of the row at keyboard position `position`. */
  indexOf(position: number): number | undefined;
  /** The keyboard position of the item at `index`; -1 for a group heading. */
  positionOf(index: number): number;
};

/** `labels(own, substitute)` names the two groups' headings. */
export function caseListLayout(
  shown: readonly CaseRow[],
  labels: (own: number, substitute: number) => readonly [string, string],
): CaseListLayout {
  const own = shown.filter((r) => r.role === 'owner');
  const substitute = shown.filter((r) => r.role === 'substitute');
  const grouped = substitute.length > 0;
  const rows = own.length + substitute.length;
  const [ownLabel, substituteLabel] = grouped ? labels(own.length, substitute.length) : ['', ''];
  const rowItem = (row: CaseRow | undefined): CaseListItem | undefined => row && { kind: 'row', row };
  return {
    count: grouped ? rows + 2 : rows,
    rows,
    item(index) {
      if (!grouped) return rowItem(own[index]);
      if (index === 0) return { kind: 'group', label: ownLabel };
      if (index <= own.length) return rowItem(own[index - 1]);
      if (index === own.length + 1) return { kind: 'group', label: substituteLabel };
      return rowItem(substitute[index - own.length - 2]);
    },
    indexOf(position) {
      if (position < 0 || position >= rows) return undefined;
      if (!grouped) return position;
      return position < own.length ? position + 1 : position + 2;
    },
    positionOf(index) {
      if (!grouped) return index;
      if (index === 0 || index === own.length + 1) return -1;
      return index <= own.length ? index - 1 : index - 2;
    },
  };
}
