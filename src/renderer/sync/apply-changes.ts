/**
 * Applies one page of the change feed to the cache: everything is sealed first, then the page and
 * its cursor are written in one read-write transaction (no other awaits inside it). Entities with
 * undelivered local changes are not overwritten by server state; an older server version never
 * replaces a newer cached one; a revoked case is purged with everything under it, except its
 * undelivered outbox entries, which stay (marked undeliverable) so the user is told.
 */
import type { Change, PutChange } from '../../shared/api/changes.ts';
import { assertNever } from '../../shared/util/assert-never.ts';
import type { CacheCipher } from '../data/crypto/cipher.ts';
import { CASE_TABLES, type CacheDb, type CaseTable } from '../data/db.ts';
import type { ContentRecord, SealedEntityRecord } from '../data/records.ts';
import { documentRecord } from '../data/repos/documents.ts';
import { binding, sealEntity } from '../data/repos/sealed-entities.ts';

export const CONTENT_CHUNK_BYTES = 1024 * 1024;

const TABLE_OF: Record<Change['entity'], CaseTable> = {
  case: 'cases',
  person: 'persons',
  document: 'documents',
  annotation: 'annotations',
  note: 'notes',
  followUp: 'followUps',
  letter: 'letters',
};

export type ApplyResult = { written: number; skipped: number; deleted: number; revokedCases: string[] };

async function recordOf(cipher: CacheCipher, change: PutChange): Promise<SealedEntityRecord> {
  switch (change.entity) {
    case 'case':
      // A case is its own case: caseId = id, so purging by caseId takes the case row too.
      return {
        id: change.data.id,
        caseId: change.data.id,
        version: change.data.version,
        updatedAt: change.data.updatedAt,
        sealed: await cipher.sealJson(change.data, binding('cases', change.data.id)),
        bgNumber: change.data.bgNumber,
        status: change.data.status,
      } as SealedEntityRecord;
    case 'document':
      return documentRecord(cipher, change.data);
    case 'annotation':
      return {
        ...(await sealEntity(cipher, 'annotations', change.data)),
        documentId: change.data.documentId,
        page: change.data.page,
      } as SealedEntityRecord;
    case 'followUp':
      return {
        ...(await sealEntity(cipher, 'followUps', change.data)),
        dueOn: change.data.dueOn,
        done: change.data.done ? 1 : 0,
      } as SealedEntityRecord;
    case 'letter':
      return {
        ...(await sealEntity(cipher, 'letters', change.data)),
        status: change.data.status,
      } as SealedEntityRecord;
    case 'person':
      return sealEntity(cipher, 'persons', change.data);
    case 'note':
      return sealEntity(cipher, 'notes', change.data);
    default:
      return assertNever(change, 'change entity');
  }
}

function freshContent(change: Extract<PutChange, { entity: 'document' }>): ContentRecord {
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

/** Deletes a case and everything under it; undelivered outbox entries are kept, marked undeliverable. */
export async function purgeCase(db: CacheDb, caseId: string): Promise<void> {
  for (const table of CASE_TABLES) await db.table(table).where('caseId').equals(caseId).delete();
  const documentIds = await db.contents.where('caseId').equals(caseId).primaryKeys();
  if (documentIds.length) await db.contentChunks.where('documentId').anyOf(documentIds).delete();
  await db.contents.where('caseId').equals(caseId).delete();
  await db.outbox
    .where('caseId')
    .equals(caseId)
    .modify((entry) => {
      if (entry.status !== 'undeliverable') {
        entry.status = 'undeliverable';
        entry.lastError =
          'Die Akte ist Ihnen nicht mehr zugewiesen; diese Änderung kann nicht mehr übermittelt werden.';
      }
    });
}

async function dropContent(db: CacheDb, documentId: string): Promise<void> {
  await db.contentChunks.where('documentId').equals(documentId).delete();
  await db.contents.delete(documentId);
}

export async function applyChangesPage(
  db: CacheDb,
  cipher: CacheCipher,
  changes: readonly Change[],
  cursor: string,
  epoch: number,
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
    const undelivered = new Set(
      (await db.outbox.where('status').anyOf('pending', 'failed').toArray()).map((entry) => entry.entityId),
    );
    for (const [index, change] of changes.entries()) {
      if (change.op === 'revoke') {
        await purgeCase(db, change.id);
        result.revokedCases.push(change.id);
        continue;
      }
      if (undelivered.has(change.id)) {
        // Keep the local version, but it is still on the server: confirm it for this snapshot.
        if (change.op === 'put') await db.table(TABLE_OF[change.entity]).update(change.id, { epoch });
        result.skipped++;
        continue;
      }
      const table = db.table<SealedEntityRecord, string>(TABLE_OF[change.entity]);
      if (change.op === 'delete') {
        if (change.entity === 'case') await purgeCase(db, change.id);
        else await table.delete(change.id);
        if (change.entity === 'document') await dropContent(db, change.id);
        result.deleted++;
        continue;
      }
      const existing = await table.get(change.id);
      if (existing && existing.version > change.version) {
        await table.update(change.id, { epoch });
        result.skipped++;
        continue;
      }
      await table.put({ ...sealed.get(index)!, epoch });
      result.written++;
      if (change.entity === 'document') {
        const content = await db.contents.get(change.id);
        if (!content) await db.contents.add(freshContent(change));
        else if (content.sha256 !== change.data.sha256) {
          await dropContent(db, change.id);
          await db.contents.add({
            ...freshContent(change),
            pinned: content.pinned,
            lastAccessAt: content.lastAccessAt,
          });
        }
      }
    }
    await db.syncState.put({ key: 'cursor', value: cursor });
  });
  return result;
}
