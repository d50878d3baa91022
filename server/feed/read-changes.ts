/**
 * One page of a user's change feed. The cursor state records, per case the client holds, the
 * sequence up to which it has every change. A page is: revocations of cases no longer visible,
 * then entity changes in global sequence order, each case filtered by its own known sequence —
 * a newly assigned case starts at 0 and so arrives in full. Cutting the ordered list after
 * `limit` rows at sequence T means every case has everything up to T, so the next state is
 * max(known, T) per case: no gaps and no repeats, even when writes land between pages.
 */
import type { Change } from '../../src/shared/api/changes.ts';
import type { CursorState } from '../store/cursors.ts';
import type { EntityRow, EntityStore } from '../store/entities.ts';

export type FeedPage = { readonly changes: Change[]; readonly state: CursorState; readonly hasMore: boolean };

export function readChanges(
  entities: EntityStore,
  previous: CursorState,
  visible: ReadonlySet<string>,
  limit: number,
): FeedPage {
  const changes: Change[] = [];
  const next: Record<string, number> = {};

  const revoked = Object.keys(previous.cases)
    .filter((caseId) => !visible.has(caseId))
    .sort();
  const revokedNow = revoked.slice(0, limit);
  for (const caseId of revokedNow) changes.push({ entity: 'case', op: 'revoke', id: caseId } as Change);
  // Revocations that did not fit stay in the state, so the next page still carries them.
  for (const caseId of revoked.slice(limit)) next[caseId] = previous.cases[caseId] ?? 0;

  const known: Record<string, number> = {};
  for (const caseId of [...visible].sort()) known[caseId] = previous.cases[caseId] ?? 0;

  const room = limit - changes.length;
  const rows = room > 0 ? entities.changesAfter(known, room + 1) : [];
  const page = rows.slice(0, room);
  const cut = rows.length > room || room === 0;
  const reached = cut ? (page.at(-1)?.seq ?? 0) : entities.currentSeq;
  for (const row of page) changes.push(toChange(row));
  for (const [caseId, seq] of Object.entries(known)) next[caseId] = Math.max(seq, reached);

  return { changes, state: { cases: sortKeys(next) }, hasMore: cut || revoked.length > revokedNow.length };
}

function toChange(row: EntityRow): Change {
  if (row.deleted)
    return { entity: row.kind, op: 'delete', id: row.id, caseId: row.caseId, version: row.version } as Change;
  return {
    entity: row.kind,
    op: 'put',
    id: row.id,
    caseId: row.caseId,
    version: row.version,
    data: row.data,
  } as Change;
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
