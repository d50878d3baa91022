/**
 * Applies one page of the change feed to the cache in two steps: `preparePage` seals everything
 * and computes the keyed hashes (WebCrypto, outside any transaction), `writePage` writes the page
 * and its cursor in one read-write transaction (no other awaits inside it). Pull prepares the
 * next page while the current one is written. Entities with undelivered local changes are not
 * overwritten by server state, except by a document's deletion (see applySegment); an older
 * server version never replaces a newer cached one; a revoked case is purged with everything
 * under it, except its undelivered outbox entries, which stay (marked undeliverable) so the user
 * is told.
 */
import type { Change, PutChange } from '../../shared/api/changes.ts';
import type { CacheCipher } from '../data/crypto/cipher.ts';
import { CASE_TABLES, type CacheDb, type CaseTable } from '../data/db.ts';
import type { ContentRecord, SealedEntityRecord } from '../data/records.ts';
import { markCaseUndeliverable, undeliveredEntityIds } from '../data/repos/outbox.ts';
import { contentIdsInStates } from '../data/repos/contents.ts';
import { recordOf } from '../data/repos/entity-records.ts';
import { stateRecord } from '../data/repos/sync-state.ts';
import { sweepOrphanedContent } from '../data/repos/orphaned-content.ts';
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

type DocumentPut = Extract<PutChange, { entity: 'document' }>;

/** The bookkeeping of a document's bytes before any is fetched (the fetch records their keyed hash). */
export function freshContent(change: DocumentPut): ContentRecord {
  return {
    documentId: change.data.id,
    caseId: change.data.caseId,
    bytesVersion: change.data.version,
    byteSize: change.data.byteSize,
    storedBytes: 0,
    chunkSize: CONTENT_CHUNK_BYTES,
    state: 'missing',
    lastAccessAt: 0,
    pinned: 0,
    failures: 0,
  };
}

/** The keyed hash a document's bytes are known by in the cache. */
export function contentMac(cipher: CacheCipher, sha256: string): Promise<string> {
  return cipher.indexHash('sha256', sha256);
}

/**
 * Deletes a case and everything under it — its documents' bookkeeping and bytes found both by
 * the case and by the documents' ids; its undelivered changes are kept, marked undeliverable (the
 * user is told, and they are purged after the retention period); its audit events still go.
 */
export async function purgeCase(db: CacheDb, caseId: string, at: string): Promise<void> {
  const [documentIds, contentIds] = await Promise.all([
    db.documents.where('caseId').equals(caseId).primaryKeys(),
    db.contents.where('caseId').equals(caseId).primaryKeys(),
  ]);
  for (const table of CASE_TABLES) await db.table(table).where('caseId').equals(caseId).delete();
  const gone = [...new Set([...documentIds, ...contentIds])];
  if (gone.length) {
    await db.contentChunks.where('documentId').anyOf(gone).delete();
    await db.contents.bulkDelete(gone);
  }
  await markCaseUndeliverable(db, caseId, at);
}

/** A page ready to be written: every put sealed, and the bytes' keyed hash of documents whose bytes are stored. */
export type PreparedPage = {
  readonly changes: readonly Change[];
  /** By position in `changes`. */
  readonly records: ReadonlyMap<number, SealedEntityRecord>;
  readonly contentMacs: ReadonlyMap<number, string>;
};

/** Documents some of whose bytes are stored: only for them a new version must be compared by its sha256. */
export async function documentsWithBytes(db: CacheDb): Promise<ReadonlySet<string>> {
  return new Set(await contentIdsInStates(db, ['partial', 'complete']));
}

/** Changes sealed between two yields to whatever else the thread has to do. */
const SEAL_SLICE = 100;

type Scheduler = { postTask(task: () => void, options: { priority: 'background' }): Promise<void> };

/**
 * Waits until the thread has nothing more urgent to do (`scheduler.postTask` at background
 * priority where there is one): the sealing of the next page then fills the time in which the
 * current page's transaction waits for IndexedDB, instead of competing with its requests.
 */
function whenIdle(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => undefined, { priority: 'background' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Seals a page's puts, a slice at a time in the thread's idle time. The keyed hash of a
 * document's sha256 is needed only where bytes of it are stored (`withBytes`; all documents when
 * not given): a first sync computes none.
 */
export async function preparePage(
  cipher: CacheCipher,
  changes: readonly Change[],
  withBytes?: ReadonlySet<string>,
): Promise<PreparedPage> {
  const records = new Map<number, SealedEntityRecord>();
  const contentMacs = new Map<number, string>();
  const work: Promise<void>[] = [];
  for (let from = 0; from < changes.length; from += SEAL_SLICE) {
    await whenIdle();
    for (let index = from; index < Math.min(changes.length, from + SEAL_SLICE); index++) {
      const change = changes[index]!;
      if (change.op !== 'put') continue;
      work.push(
        recordOf(cipher, change).then((record) => {
          records.set(index, record);
        }),
      );
      if (change.entity === 'document' && (!withBytes || withBytes.has(change.id)))
        work.push(
          contentMac(cipher, change.data.sha256).then((mac) => {
            contentMacs.set(index, mac);
          }),
        );
    }
  }
  await Promise.all(work);
  return { changes, records, contentMacs };
}

type Item = { index: number; change: Exclude<Change, { op: 'revoke' }> };

/** The reads `storedRecords` needs of a table. */
type KeyedReads<R> = {
  bulkGet(keys: string[]): PromiseLike<(R | undefined)[]>;
  toCollection(): { primaryKeys(): PromiseLike<unknown[]> };
};

/** From this many ids on, the table's keys are read first (one request) instead of a get per id. */
const MANY_IDS = 64;

/**
 * The stored records of `ids` (undefined where there is none). A snapshot page brings about a
 * thousand entities most of which the cache does not hold yet: one read of the table's keys
 * tells which are there, and only those are read.
 */
async function storedRecords<R>(table: KeyedReads<R>, ids: readonly string[]): Promise<(R | undefined)[]> {
  if (ids.length < MANY_IDS) return table.bulkGet([...ids]);
  const keys = new Set<unknown>(await table.toCollection().primaryKeys());
  const present = ids.filter((id) => keys.has(id));
  if (!present.length) return ids.map(() => undefined);
  const found = await table.bulkGet(present);
  const byId = new Map(present.map((id, k) => [id, found[k]]));
  return ids.map((id) => byId.get(id));
}
type WrittenDocument = { change: DocumentPut; mac: string | undefined };

/**
 * Bookkeeping of document bytes follows the documents written or deleted in a segment; `current`
 * holds the content records of the written ones, read beforehand. Other bytes (another sha256,
 * or one not hashed because nothing was stored when the page was sealed) start afresh; the same
 * bytes stay, but follow the document to another case. Nothing stored yet: the bookkeeping simply
 * follows the new version.
 */
function reconcileContents(
  db: CacheDb,
  written: readonly WrittenDocument[],
  current: ReadonlyMap<string, ContentRecord>,
  deleted: readonly string[],
): Promise<unknown>[] {
  const replaced: string[] = [];
  const rows: ContentRecord[] = [];
  for (const { change, mac } of written) {
    const content = current.get(change.id);
    const kept = content && { pinned: content.pinned, lastAccessAt: content.lastAccessAt };
    if (!content) rows.push(freshContent(change));
    else if (content.sha256Mac === undefined) {
      if (content.bytesVersion !== change.version) rows.push({ ...freshContent(change), ...kept });
      else if (content.caseId !== change.data.caseId) rows.push({ ...content, caseId: change.data.caseId });
    } else if (content.sha256Mac !== mac) {
      replaced.push(change.id);
      rows.push({ ...freshContent(change), ...kept });
    } else if (content.caseId !== change.data.caseId) {
      rows.push({ ...content, caseId: change.data.caseId });
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
  page: PreparedPage,
  undelivered: ReadonlySet<string>,
  epoch: number,
  result: ApplyResult,
): Promise<void> {
  if (!items.length) return;
  const byTable = new Map<CaseTable, Item[]>();
  for (const item of items) {
    const name = TABLE_OF[item.change.entity];
    const group = byTable.get(name);
    if (group) group.push(item);
    else byTable.set(name, [item]);
  }
  const groups = [...byTable].map(([name, group]) => ({
    name,
    group,
    table: db.table<SealedEntityRecord, string>(name),
    ids: [...new Set(group.map((i) => i.change.id))],
  }));
  const documentIds = groups.find((g) => g.name === 'documents')?.ids ?? [];
  const [existing, contents] = await Promise.all([
    Promise.all(groups.map((g) => storedRecords(g.table, g.ids))),
    storedRecords(db.contents, documentIds),
  ]);
  const currentContents = new Map(documentIds.flatMap((id, k) => (contents[k] ? [[id, contents[k]] as const] : [])));

  const writes: Promise<unknown>[] = [];
  groups.forEach(({ name, group, table, ids }, g) => {
    const version = new Map(ids.map((id, k) => [id, existing[g]?.[k]?.version]));
    const puts = new Map<string, { record: SealedEntityRecord; index: number; change: Item['change'] }>();
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
        // The prepared record is this page's own: it takes the epoch in place.
        const record = page.records.get(index)!;
        record.epoch = epoch;
        puts.set(id, { record, index, change });
        version.set(id, change.version);
        result.written++;
      }
    }
    if (deletes.size) writes.push(table.bulkDelete([...deletes]));
    if (puts.size) writes.push(table.bulkPut([...puts.values()].map((p) => p.record)));
    const confirmOnly = [...confirm].filter((id) => !puts.has(id) && !deletes.has(id));
    if (confirmOnly.length) writes.push(table.where(':id').anyOf(confirmOnly).modify({ epoch }));
    if (name === 'documents') {
      const written = [...puts.values()].map((p) => ({
        change: p.change as DocumentPut,
        mac: page.contentMacs.get(p.index),
      }));
      writes.push(...reconcileContents(db, written, currentContents, [...deletes]));
    }
  });
  await Promise.all(writes);
}

/** Writes a prepared page and its cursor in one transaction. */
export async function writePage(
  db: CacheDb,
  page: PreparedPage,
  cursor: string,
  epoch: number,
  clock: Clock = systemClock,
): Promise<ApplyResult> {
  const result: ApplyResult = { written: 0, skipped: 0, deleted: 0, revokedCases: [] };
  const tables = [...CASE_TABLES.map((t) => db.table(t)), db.contents, db.contentChunks, db.outbox, db.syncState];
  await db.transaction('rw', tables, async () => {
    const undelivered = await undeliveredEntityIds(db);
    // Revocations (and case deletions) purge everything under a case, so they split the page
    // into runs that are applied in order.
    let run: Item[] = [];
    let purged = false;
    for (const [index, change] of page.changes.entries()) {
      if (change.op === 'revoke' || (change.op === 'delete' && change.entity === 'case')) {
        await applySegment(db, run, page, undelivered, epoch, result);
        run = [];
        await purgeCase(db, change.id, isoNow(clock));
        purged = true;
        if (change.op === 'revoke') result.revokedCases.push(change.id);
        else result.deleted++;
      } else {
        run.push({ index, change });
      }
    }
    await applySegment(db, run, page, undelivered, epoch, result);
    if (purged) await sweepOrphanedContent(db);
    await db.syncState.put(stateRecord('cursor', cursor));
  });
  return result;
}

export async function applyChangesPage(
  db: CacheDb,
  cipher: CacheCipher,
  changes: readonly Change[],
  cursor: string,
  epoch: number,
  clock: Clock = systemClock,
): Promise<ApplyResult> {
  return writePage(db, await preparePage(cipher, changes), cursor, epoch, clock);
}
