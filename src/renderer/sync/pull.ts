/**
 * Pull: the user's change feed, page by page, each page with its cursor in one transaction. Without
 * a cursor (first sync, or after 410) the feed is a full snapshot; when it completes, whatever the
 * snapshot did not confirm is swept from the cache — except entities with undelivered changes.
 */
import { MAX_CHANGES_LIMIT } from '../../shared/api/limits.ts';
import type { ChangesResponse } from '../../shared/api/changes.ts';
import type { CacheCipher } from '../data/crypto/cipher.ts';
import { CASE_TABLES, type CacheDb } from '../data/db.ts';
import type { ApiClient } from '../api/api-client.ts';
import { CursorGoneError } from '../api/api-errors.ts';
import { applyChangesPage } from './apply-changes.ts';
import { undeliveredEntityIds } from '../data/repos/outbox.ts';
import { readState, stateRecord } from '../data/repos/sync-state.ts';

export type PullProgress = { pages: number; changes: number; snapshot: boolean };
export type PullResult = PullProgress & { requests: number; revokedCases: string[] };

/** Removes records a completed snapshot did not confirm, and contents whose document is gone. */
async function sweep(db: CacheDb, epoch: number): Promise<void> {
  const tables = [...CASE_TABLES.map((t) => db.table(t)), db.contents, db.contentChunks, db.outbox, db.syncState];
  await db.transaction('rw', tables, async () => {
    const undelivered = await undeliveredEntityIds(db);
    for (const name of CASE_TABLES) {
      const table = db.table<{ id: string; epoch?: number }, string>(name);
      const stale = await table
        .filter((r) => r.epoch !== undefined && r.epoch < epoch && !undelivered.has(r.id))
        .primaryKeys();
      await table.bulkDelete(stale);
    }
    const documentIds = new Set(await db.documents.toCollection().primaryKeys());
    const orphaned = (await db.contents.toCollection().primaryKeys()).filter((id) => !documentIds.has(id));
    if (orphaned.length) {
      await db.contentChunks.where('documentId').anyOf(orphaned).delete();
      await db.contents.bulkDelete(orphaned);
    }
    await db.syncState.bulkPut([stateRecord('epoch', epoch), stateRecord('snapshotEpoch', null)]);
  });
}

export async function pull(
  api: ApiClient,
  db: CacheDb,
  cipher: CacheCipher,
  onProgress: (progress: PullProgress) => void = () => undefined,
  pageSize = MAX_CHANGES_LIMIT,
): Promise<PullResult> {
  let cursor = await readState(db, 'cursor');
  const snapshotEpoch = await readState(db, 'snapshotEpoch');
  let epoch = snapshotEpoch ?? (await readState(db, 'epoch')) ?? 0;
  let snapshot = snapshotEpoch != null;
  const result: PullResult = { pages: 0, changes: 0, snapshot, requests: 0, revokedCases: [] };

  const startSnapshot = async (): Promise<void> => {
    epoch = ((await readState(db, 'epoch')) ?? 0) + 1;
    snapshot = true;
    result.snapshot = true;
    cursor = undefined;
    await db.syncState.bulkPut([
      stateRecord('snapshotEpoch', epoch),
      stateRecord('cursor', null),
      stateRecord('resnapshot', false),
    ]);
  };
  // After the user discarded a change the service refused, the service's state is fetched afresh.
  const resnapshot = (await readState(db, 'resnapshot')) === true;
  if ((!cursor && !snapshot) || (resnapshot && !snapshot)) await startSnapshot();

  // The next page is requested while the current one is applied, so that on a far link the
  // round trip overlaps the work in IndexedDB. A page fetched ahead is dropped if applying fails.
  const request = (from: string | undefined): Promise<ChangesResponse> => {
    result.requests++;
    const pending = api.changes(from, pageSize);
    pending.catch(() => undefined);
    return pending;
  };
  let resets = 0;
  let next = request(cursor ?? undefined);
  for (;;) {
    let page: ChangesResponse;
    try {
      page = await next;
    } catch (error) {
      if (error instanceof CursorGoneError && resets++ === 0) {
        await startSnapshot();
        next = request(undefined);
        continue;
      }
      throw error;
    }
    if (page.hasMore) next = request(page.cursor);
    const applied = await applyChangesPage(db, cipher, page.changes, page.cursor, epoch);
    result.revokedCases.push(...applied.revokedCases);
    result.pages++;
    result.changes += page.changes.length;
    onProgress({ pages: result.pages, changes: result.changes, snapshot });
    if (!page.hasMore) break;
  }
  if (snapshot) await sweep(db, epoch);
  return result;
}
