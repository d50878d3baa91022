/**
 * Undelivered entries that no key can open any more — the previous password is unknown, or the
 * operating system's key store lost the key that protected them — are set aside, never lost:
 * copied as they are (still sealed under the old cache key) with the wrap of that key into the
 * keyring's `setAside` table, counted, logged for IT, and no longer delivered or counted as
 * pending. The journal keeps its copies too (a restore under the new key cannot open them and
 * leaves them there). Then the cache starts afresh, so the user can work.
 */
import { Dexie } from 'dexie';
import { cacheDbName, CacheDb } from '../data/db.ts';
import type { JournalPort } from '../data/journal.ts';
import type { KeyringDb, KeyringEntry, SetAsideReason } from '../data/keyring.ts';
import type { OutboxRecord } from '../data/records.ts';
import { createLogger } from '../platform/logger.ts';

const log = createLogger('session/set-aside');

/** Ids of the user's entries already set aside. */
export async function setAsideIds(keyring: KeyringDb, userId: string): Promise<Set<string>> {
  const records = await keyring.setAside.where('userId').equals(userId).toArray();
  return new Set(records.flatMap((r) => r.entryIds));
}

async function outboxOf(userId: string): Promise<OutboxRecord[]> {
  if (!(await Dexie.exists(cacheDbName(userId)))) return [];
  const db = new CacheDb(cacheDbName(userId));
  try {
    return await db.outbox.orderBy('seq').toArray();
  } finally {
    db.close();
  }
}

/**
 * Entries on this device not yet delivered — in the outbox, or only in its journal when the
 * database was lost — less those set aside. Readable without the cache key (ids are in the clear).
 */
export async function countUndelivered(keyring: KeyringDb, journal: JournalPort, userId: string): Promise<number> {
  const [outbox, journaled, aside] = await Promise.all([
    outboxOf(userId),
    journal.read().catch(() => []),
    setAsideIds(keyring, userId),
  ]);
  const ids = new Set([...outbox.map((e) => e.id), ...journaled.map((e) => e.id)]);
  for (const id of aside) ids.delete(id);
  return ids.size;
}

export type SetAsideDeps = {
  keyring: KeyringDb;
  journal: JournalPort;
  deleteCache(userId: string): Promise<void>;
  now?: () => Date;
};

/** Sets the user's undelivered entries aside and deletes the cache; returns how many were set aside. */
export async function setAsidePending(
  deps: SetAsideDeps,
  userId: string,
  reason: SetAsideReason,
  wrap: Pick<KeyringEntry, 'keyWrap' | 'deviceSealed'>,
): Promise<number> {
  const [outbox, journaled, aside] = await Promise.all([
    outboxOf(userId),
    deps.journal.read().catch(() => []),
    setAsideIds(deps.keyring, userId),
  ]);
  const inOutbox = new Set(outbox.map((e) => e.id));
  const kept = outbox.filter((e) => !aside.has(e.id));
  const journalOnly = journaled.filter((e) => !inOutbox.has(e.id) && !aside.has(e.id));
  const entryIds = [...kept.map((e) => e.id), ...journalOnly.map((e) => e.id)];
  if (entryIds.length) {
    await deps.keyring.setAside.add({
      id: crypto.randomUUID(),
      userId,
      reason,
      setAsideAt: (deps.now?.() ?? new Date()).toISOString(),
      keyWrap: wrap.keyWrap,
      deviceSealed: wrap.deviceSealed,
      entryIds,
      outbox: kept,
      journal: journalOnly,
    });
    log.warn('undelivered entries set aside: no key opens them', { count: entryIds.length, reason });
  }
  // Only once they are safe in the keyring does the cache go.
  await deps.deleteCache(userId);
  return entryIds.length;
}
