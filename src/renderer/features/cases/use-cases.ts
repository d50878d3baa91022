/**
 * The cached cases as the workspace shows them, live (through liveQuery), with the in-memory
 * search kept in step. A plain function does the work (`searchCases`); the hooks only bind it to
 * React.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef } from 'react';
import type { CaseRow } from '../../data/repos/cases.ts';
import type { Session } from '../../session/session.ts';
import { CaseSearch } from './case-search.ts';

/** Today as an ISO date in the local time zone (follow-ups are due by the local day). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function useCaseRows(session: Session): CaseRow[] | undefined {
  const today = localToday();
  return useLiveQuery(() => session.cases.rows(today), [session, today]);
}

/** The rows matching `query` (all when it is empty), in the order given. */
export function searchCases(search: CaseSearch, rows: readonly CaseRow[], query: string): readonly CaseRow[] {
  if (!query.trim()) return rows;
  const hits = new Set(search.search(query));
  return rows.filter((r) => hits.has(r.case.id));
}

/** The search over `rows`, brought in step whenever they change. */
export function useCaseSearch(rows: readonly CaseRow[] | undefined): CaseSearch {
  const search = useRef<CaseSearch | null>(null);
  search.current ??= new CaseSearch();
  const index = search.current;
  useMemo(() => {
    if (rows)
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
  }, [rows, index]);
  return index;
}
