/**
 * The cached cases as the workspace shows them, live (through liveQuery), with the in-memory
 * search kept in step. A plain function does the work (`searchCases`); the hooks only bind it to
 * React.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef } from 'react';
import { withFigures, type CaseRow } from '../../data/repos/cases.ts';
import type { Session } from '../../session/session.ts';
import { CaseSearch } from './case-search.ts';

/** Today as an ISO date in the local time zone (follow-ups are due by the local day). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The rows, from three live queries: the cases with their households and documents (read again
 * when a sync writes those), and apart from them what is on the device and which follow-ups are
 * due, which downloads and edits change much more often. The rows keep their identity while only
 * the figures change, so the search index is not walked again for a download.
 */
export function useCaseRows(session: Session): CaseRow[] | undefined {
  const today = localToday();
  const base = useLiveQuery(() => session.cases.baseRows(), [session]);
  const device = useLiveQuery(() => session.cases.onDevice(), [session]);
  const due = useLiveQuery(() => session.cases.dueCounts(today), [session, today]);
  return useMemo(() => (base && device && due ? withFigures(base, device, due) : undefined), [base, device, due]);
}

/** The rows matching `query` (all when it is empty), in the order given. */
export function searchCases(search: CaseSearch, rows: readonly CaseRow[], query: string): readonly CaseRow[] {
  if (!query.trim()) return rows;
  return search.filter(rows, (r) => r.case.id, query);
}

/**
 * The search over `rows`, brought in step when the cases or their households change — not when
 * only a row's figures do (the households are then the same arrays, and nothing is walked).
 */
export function useCaseSearch(rows: readonly CaseRow[] | undefined): CaseSearch {
  const search = useRef<CaseSearch | null>(null);
  const synced = useRef(new Map<string, readonly unknown[]>());
  search.current ??= new CaseSearch();
  const index = search.current;
  useMemo(() => {
    if (!rows) return;
    const last = synced.current;
    if (rows.length === last.size && rows.every((r) => last.get(r.case.id) === r.members)) return;
    index.sync(
      rows.map((r) => ({
        id: r.case.id,
        bgNumber: r.case.bgNumber,
        members: r.members.map((m) => ({
          firstName: m.firstName,
          lastName: m.lastName,
          birthDate: m.birthDate,
          address: m.address,
        })),
      })),
    );
    synced.current = new Map(rows.map((r) => [r.case.id as string, r.members]));
  }, [rows, index]);
  return index;
}
