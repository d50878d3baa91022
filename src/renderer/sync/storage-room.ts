/**
 * Keeps the cached document bytes within the byte budget (policy, and never more than the
 * browser's free quota): evicts least-recently-used unpinned documents, never outbox entries.
 * What the viewer keeps beside a document's chunks (view index, first-view picture) counts with it.
 */
import type { CacheDb } from '../data/db.ts';
import type { ContentRecord } from '../data/records.ts';
import { dropContentBytes } from '../data/repos/contents.ts';
import { isQuotaExceeded, StorageFullError } from '../api/api-errors.ts';
import { chooseEvictions, effectiveBudget } from './content-plan.ts';

export type StorageEstimate = { usage?: number; quota?: number } | null;

export type StorageRoomDeps = {
  db: CacheDb;
  policyBudget: number;
  estimate: () => Promise<StorageEstimate>;
};

/** What a document takes of the budget: its bytes, and what the viewer keeps beside them. */
const takes = (c: ContentRecord): number => c.storedBytes + (c.viewBytes ?? 0);

export async function cachedContentBytes(db: CacheDb): Promise<number> {
  // One read of all records, not a cursor: stepping a cursor over thousands of documents keeps
  // the database busy for the whole walk, and the window's reads (a case just clicked) wait behind it.
  const records = await db.contents.toArray();
  return records.reduce((total, c) => total + takes(c), 0);
}

export function createStorageRoom({ db, policyBudget, estimate }: StorageRoomDeps) {
  async function budget(): Promise<{ budget: number; used: number; estimate: StorageEstimate }> {
    const [used, est] = await Promise.all([cachedContentBytes(db), estimate()]);
    return { budget: effectiveBudget(policyBudget, est, used), used, estimate: est };
  }

  return {
    budget,

    /**
     * Makes room for `needed` more bytes. False when that is impossible without touching pinned
     * or kept documents (the caller then skips prefetching it).
     */
    async makeRoom(needed: number, keep: ReadonlySet<string>): Promise<boolean> {
      const [records, estimated] = await Promise.all([db.contents.toArray(), estimate()]);
      const all = records.map((c) => ({ ...c, storedBytes: takes(c) }));
      const used = all.reduce((n, c) => n + c.storedBytes, 0);
      const limit = effectiveBudget(policyBudget, estimated, used);
      const victims = chooseEvictions(all, used, needed, limit, keep);
      if (victims === null) return false;
      await dropContentBytes(db, victims);
      return true;
    },

    /** Runs a write; when the browser's quota is exhausted, evicts the oldest quarter and tries once more. */
    async withQuota(write: () => Promise<void>, keep: ReadonlySet<string>): Promise<void> {
      try {
        await write();
        return;
      } catch (error) {
        if (!isQuotaExceeded(error)) throw error;
      }
      const cached = (await db.contents.toArray()).filter(
        (c) => c.storedBytes > 0 && !c.pinned && !keep.has(c.documentId),
      );
      cached.sort((a, b) => a.lastAccessAt - b.lastAccessAt);
      const victims = cached.slice(0, Math.max(1, Math.ceil(cached.length / 4))).map((c) => c.documentId);
      if (!victims.length) throw new StorageFullError();
      await dropContentBytes(db, victims);
      try {
        await write();
      } catch (error) {
        if (isQuotaExceeded(error)) throw new StorageFullError();
        throw error;
      }
    },
  };
}
export type StorageRoom = ReturnType<typeof createStorageRoom>;
