/** The counts the status line shows: cases, documents, bytes on the device, the outbox, storage. */
import type { CacheDb } from '../data/db.ts';
import { outboxCounts } from '../data/repos/outbox.ts';
import type { SyncStatus } from './status.ts';
import type { StorageEstimate, StorageRoom } from './storage-room.ts';

export type CountSources = {
  db: CacheDb;
  room: StorageRoom;
  estimate: () => Promise<StorageEstimate>;
  persisted: () => Promise<boolean | null>;
};

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
    db.contents.where('state').anyOf('missing', 'partial').count(),
    outboxCounts(db),
    estimate(),
    persisted(),
    room.budget(),
  ]);
  return {
    counts: {
      cases,
      documents,
      contentsComplete,
      contentsMissing,
      cachedBytes: budget.used,
      outboxPending: outbox.pending,
      outboxRejected: outbox.rejected,
      outboxConflict: outbox.conflict,
      outboxUndeliverable: outbox.undeliverable,
      auditPending: outbox.auditPending,
    },
    storage: est?.quota
      ? { usage: est.usage ?? 0, quota: est.quota, budget: budget.budget, persisted: isPersisted }
      : null,
  };
}
