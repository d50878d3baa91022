/**
 * Pull: the user's change feed, page by page, each page with its cursor in one transaction. Without
 * a cursor (first sync, or after 410) the feed is a full snapshot; when it completes, whatever the
 * snapshot did not confirm is swept from the cache — except entities with undelivered changes.
 */
import { MAX_CHANGES_LIMIT } from '../../shared/api/limits.ts';
import type { CacheCipher } from '../data/crypto/cipher.ts';
import { CASE_TABLES, type CacheDb } from '../data/db.ts';
import type { ApiClient } from '../api/api-client.ts';
import { CursorGoneError } from '../api/api-errors.ts';
import { documentsWithBytes, writePage } from './apply-changes.ts';
import { readFeedPages, type FeedPages, type FetchedPage } from './feed-pages.ts';
import { undeliveredEntityIds } from '../data/repos/outbox.ts';
import { sweepOrphanedContent } from '../data/repos/orphaned-content.ts';
import { readState, stateRecord } from '../data/repos/sync-state.ts';

export type PullProgress = { pages: number; changes: number; snapshot: boolean };
export type PullResult = PullProgress & { requests: number; revokedCases: string[] };

/** Removes records a completed snapshot did not confirm, and bytes whose document is gone. */
async function sweep(db: CacheDb, epoch: number): Promise<void> {
  const tables = [...CASE_TABLES.map((t) => db.table(t)), db.contents, db.contentChunks, db.outbox, db.syncState];
  await db.transaction('rw', tables, async () => {
    const undelivered = await undeliveredEntityIds(db);
    for (const name of CASE_TABLES) {
      const table = db.table<{ id: string; epoch?: number }, string>(name);
      // Keys from the epoch index only: local records without an epoch are not in it.
      const older = await table.where('epoch').below(epoch).primaryKeys();
      const stale = older.filter((id) => !undelivered.has(id));
      if (stale.length) await table.bulkDelete(stale);
    }
    await sweepOrphanedContent(db);
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
  // The whole state at once, before the first request can go out.
  const [storedCursor, snapshotEpoch, epochState, resnapshotState] = await Promise.all([
    readState(db, 'cursor'),
    readState(db, 'snapshotEpoch'),
    readState(db, 'epoch'),
    readState(db, 'resnapshot'),
  ]);
  let cursor = storedCursor;
  // The stored epoch changes only when a snapshot completes (in `sweep`, below).
  const storedEpoch = epochState ?? 0;
  let epoch = snapshotEpoch ?? storedEpoch;
  let snapshot = snapshotEpoch != null;
  const result: PullResult = { pages: 0, changes: 0, snapshot, requests: 0, revokedCases: [] };

  const startSnapshot = async (): Promise<void> => {
    epoch = storedEpoch + 1;
    snapshot = true;
    result.snapshot = true;
    cursor = undefined;
    await db.syncState.bulkPut([
      stateRecord('snapshotEpoch', epoch),
      stateRecord('cursor', null),
      stateRecord('resnapshot', false),
    ]);
  };

  const pagesFrom = (from: string | undefined): FeedPages =>
    readFeedPages({
      api,
      cipher,
      pageSize,
      from,
      withBytes: () => documentsWithBytes(db),
      onRequest: () => void result.requests++,
    });
  // After the user discarded a change the service refused, the service's state is fetched afresh.
  const resnapshot = resnapshotState === true;
  let pages: FeedPages;
  if ((!cursor && !snapshot) || (resnapshot && !snapshot)) {
    // The snapshot's first page needs no cursor: it is asked for while the start is recorded.
    const started = startSnapshot();
    pages = pagesFrom(undefined);
    await started.catch((error: unknown) => {
      pages.stop();
      throw error;
    });
  } else {
    pages = pagesFrom(cursor ?? undefined);
  }
  let resets = 0;
  try {
    for (;;) {
      let fetched: FetchedPage;
      try {
        fetched = await pages.next();
      } catch (error) {
        if (error instanceof CursorGoneError && resets++ === 0) {
          pages.stop();
          await startSnapshot();
          pages = pagesFrom(undefined);
          continue;
        }
        throw error;
      }
      const { page } = fetched;
      const applied = await writePage(db, await fetched.prepared, page.cursor, epoch);
      result.revokedCases.push(...applied.revokedCases);
      result.pages++;
      result.changes += page.changes.length;
      onProgress({ pages: result.pages, changes: result.changes, snapshot });
      if (!page.hasMore) break;
    }
  } finally {
    // A page asked for ahead is dropped when writing fails.
    pages.stop();
  }
  if (snapshot) await sweep(db, epoch);
  return result;
}
