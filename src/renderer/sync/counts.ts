/** The counts the status line shows: cases, documents, bytes on the device, the outbox, storage. */
import type { CacheDb } from '../data/db.ts';
import { countContentsInStates } from '../data/repos/contents.ts';
import { outboxCounts } from '../data/repos/outbox.ts';
import type { SyncStatus } from './status.ts';
import type { StorageEstimate, StorageRoom } from './storage-room.ts';

export type CountSources = {
  db: CacheDb;
  room: StorageRoom;
  estimate: () => Promise<StorageEstimate>;
  persisted: () => Promise<boolean | null>;
};

type OutboxFields = Pick<
  SyncStatus['counts'],
  'outboxPending' | 'outboxRejected' | 'outboxConflict' | 'outboxUndeliverable' | 'auditPending'
>;

/**
 * Only the outbox's counts, after a delivery round: it changes nothing else on the device, and
 * the other counts read every document's record (the bytes on the device), which would make the
 * database busy after each round while the user clicks through cases.
 */
export async function readOutboxCounts(db: CacheDb): Promise<OutboxFields> {
  const outbox = await outboxCounts(db);
  return {
    outboxPending: outbox.pending,
    outboxRejected: outbox.rejected,
    outboxConflict: outbox.conflict,
    outboxUndeliverable: outbox.undeliverable,
    auditPending: outbox.auditPending,
  };
}

export async function readCounts({
  db,
  room,
  estimate,
  persisted,
}: CountSources): Promise<Pick<SyncStatus, 'counts' | 'storage'>> {
  const [cases, documents, contentsComplete, contentsMissing, outbox, est, isPersisted, budget] = await Promise.all([
    db.cases.count(),
    db.documents.count(),
    db.contents.where('state').equals('complete').count(),
    countContentsInStates(db, ['missing', 'partial']),
    readOutboxCounts(db),
    estimate(),
    persisted(),
    room.budget(),
  ]);
  return {
    counts: { cases, documents, contentsComplete, contentsMissing, cachedBytes: budget.used, ...outbox },
    storage: est?.quota
      ? { usage: est.usage ?? 0, quota: est.quota, budget: budget.budget, persisted: isPersisted }
      : null,
  };
}
