/**
 * Applies one page of the change feed to the cache: everything is sealed first, then the page and
 * its cursor are written in one read-write transaction (no other awaits inside it). Entities with
 * undelivered local changes are not overwritten by server state, except by a document's deletion
 * (see applySegment); an older server version never replaces a newer cached one; a revoked case is
 * purged with everything under it, except its undelivered outbox entries, which stay (marked
 * undeliverable) so the user is told.
 */
import type { Change, PutChange } from '../../shared/api/changes.ts';
import type { CacheCipher } from '../data/crypto/cipher.ts';
import { CASE_TABLES, type CacheDb, type CaseTable } from '../data/db.ts';
import type { ContentRecord, SealedEntityRecord } from '../data/records.ts';
import { markCaseUndeliverable, undeliveredEntityIds } from '../data/repos/outbox.ts';
import { recordOf } from '../data/repos/entity-records.ts';
import { stateRecord } from '../data/repos/sync-state.ts';
import { isoNow, systemClock, type Clock } from '../../shared/util/clock.ts';

export const CONTENT_CHUNK_BYTES = 1024 * 1024;

export const TABLE_OF: Record<Change['entity'], CaseTable> = {
  case: 'cases',
  person: 'persons',
  document: 'documents',
  annotation: 'annotations',
  note: 'notes',
  followUp: 'followUps',
  letter: 'letters',
};

export type ApplyResult = { written: number; skipped: number; deleted: number; revokedCases: string[] };

export function freshContent(change: Extract<PutChange, { entity: 'document' }>): ContentRecord {
  return {
    documentId: change.data.id,
    caseId: change.data.caseId,
    sha256: change.data.sha256,
    byteSize: change.data.byteSize,
    storedBytes: 0,
    chunkSize: CONTENT_CHUNK_BYTES,
    state: 'missing',
    lastAccessAt: 0,
    pinned: 0,
    failures: 0,
  };
}

/**
 * Deletes a case and everything under it; its undelivered changes are kept, marked undeliverable
 * (the user is told, and they are purged after the retention period); its audit events still go.
 */
export async function purgeCase(db: CacheDb, caseId: string, at: string): Promise<void> {
  for (const table of CASE_TABLES) await db.table(table).where('caseId').equals(caseId).delete();
  const documentIds = await db.contents.where('caseId').equals(caseId).primaryKeys();
  if (documentIds.length) await db.contentChunks.where('documentId').anyOf(documentIds).delete();
  await db.contents.where('caseId').equals(caseId).delete();
  await markCaseUndeliverable(db, caseId, at);
}

type Item = { index: number; change: Exclude<Change, { op: 'revoke' }> };
type DocumentPut = Extract<PutChange, { entity: 'document' }>;

/**
 * Bookkeeping of document bytes follows the documents written or deleted in a segment; `current`
 * holds the content records of the written ones, read beforehand.
 */
function reconcileContents(
  db: CacheDb,
  written: readonly DocumentPut[],
  current: ReadonlyMap<string, ContentRecord>,
  deleted: readonly string[],
): Promise<unknown>[] {
  const replaced: string[] = [];
  const rows: ContentRecord[] = [];
  for (const change of written) {
    const content = current.get(change.id);
    if (!content) rows.push(freshContent(change));
    else if (content.sha256 !== change.data.sha256) {
      replaced.push(change.id);
      rows.push({ ...freshContent(change), pinned: content.pinned, lastAccessAt: content.lastAccessAt });
    }
  }
  const gone = [...replaced, ...deleted];
  return [
    ...(gone.length ? [db.contentChunks.where('documentId').anyOf(gone).delete()] : []),
    ...(rows.length ? [db.contents.bulkPut(rows)] : []),
    ...(deleted.length ? [db.contents.bulkDelete([...deleted])] : []),
  ];
}

/**
 * Applies a run of puts and deletes (no revocations): all reads of the run at once, the decisions
 * in memory, then all writes at once. On a snapshot of thousands of changes, requests awaited one
 * after another would leave IndexedDB idle between them.
 */
async function applySegment(
  db: CacheDb,
  items: readonly Item[],
  sealed: ReadonlyMap<number, SealedEntityRecord>,
  undelivered: ReadonlySet<string>,
  epoch: number,
  result: ApplyResult,
): Promise<void> {
  if (!items.length) return;
  const byTable = new Map<CaseTable, Item[]>();
  for (const item of items) {
    const name = TABLE_OF[item.change.entity];
    byTable.set(name, [...(byTable.get(name) ?? []), item]);
  }
  const groups = [...byTable].map(([name, group]) => ({
    name,
    group,
    table: db.table<SealedEntityRecord, string>(name),
    ids: [...new Set(group.map((i) => i.change.id))],
  }));
  const documentIds = groups.find((g) => g.name === 'documents')?.ids ?? [];
  const [existing, contents] = await Promise.all([
    Promise.all(groups.map((g) => g.table.bulkGet(g.ids))),
    db.contents.bulkGet(documentIds),
  ]);
  const currentContents = new Map(documentIds.flatMap((id, k) => (contents[k] ? [[id, contents[k]] as const] : [])));

  const writes: Promise<unknown>[] = [];
  groups.forEach(({ name, group, table, ids }, g) => {
    const version = new Map(ids.map((id, k) => [id, existing[g]?.[k]?.version]));
    const puts = new Map<string, { record: SealedEntityRecord; change: Item['change'] }>();
    const deletes = new Set<string>();
    const confirm = new Set<string>();
    for (const { index, change } of group) {
      const id = change.id;
      // A document the service took out of the case (a misfiled scan: another household's mail)
      // leaves the device even with changes of it undelivered; the service answers those itself.
      const leaves = change.op === 'delete' && name === 'documents';
      if (undelivered.has(id) && !leaves) {
        // Keep the local version, but it is still on the server: confirm it for this snapshot.
        if (change.op === 'put') confirm.add(id);
        result.skipped++;
      } else if (change.op === 'delete') {
        puts.delete(id);
        deletes.add(id);
        version.set(id, undefined);
        result.deleted++;
      } else if ((version.get(id) ?? 0) > change.version) {
        confirm.add(id);
        result.skipped++;
      } else {
        deletes.delete(id);
        puts.set(id, { record: { ...sealed.get(index)!, epoch }, change });
        version.set(id, change.version);
        result.written++;
      }
    }
    if (deletes.size) writes.push(table.bulkDelete([...deletes]));
    if (puts.size) writes.push(table.bulkPut([...puts.values()].map((p) => p.record)));
    const confirmOnly = [...confirm].filter((id) => !puts.has(id) && !deletes.has(id));
    if (confirmOnly.length) writes.push(table.where(':id').anyOf(confirmOnly).modify({ epoch }));
    if (name === 'documents') {
      const written = [...puts.values()].map((p) => p.change as DocumentPut);
      writes.push(...reconcileContents(db, written, currentContents, [...deletes]));
    }
  });
  await Promise.all(writes);
}

export async function applyChangesPage(
  db: CacheDb,
  cipher: CacheCipher,
  changes: readonly Change[],
  cursor: string,
  epoch: number,
  clock: Clock = systemClock,
): Promise<ApplyResult> {
  const sealed = new Map<number, SealedEntityRecord>();
  await Promise.all(
    changes.map(async (change, index) => {
      if (change.op === 'put') sealed.set(index, await recordOf(cipher, change));
    }),
  );
  const result: ApplyResult = { written: 0, skipped: 0, deleted: 0, revokedCases: [] };
  const tables = [...CASE_TABLES.map((t) => db.table(t)), db.contents, db.contentChunks, db.outbox, db.syncState];
  await db.transaction('rw', tables, async () => {
    const undelivered = await undeliveredEntityIds(db);
    // Revocations (and case deletions) purge everything under a case, so they split the page
    // into runs that are applied in order.
    let run: Item[] = [];
    for (const [index, change] of changes.entries()) {
      if (change.op === 'revoke' || (change.op === 'delete' && change.entity === 'case')) {
        await applySegment(db, run, sealed, undelivered, epoch, result);
        run = [];
        await purgeCase(db, change.id, isoNow(clock));
        if (change.op === 'revoke') result.revokedCases.push(change.id);
        else result.deleted++;
      } else {
        run.push({ index, change });
      }
    }
    await applySegment(db, run, sealed, undelivered, epoch, result);
    await db.syncState.put(stateRecord('cursor', cursor));
  });
  return result;
}
