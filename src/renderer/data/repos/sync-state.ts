/**
 * The sync state of the cache: a few named values (where the change feed stands, which snapshot
 * confirmed what, the sealed access token, the cases opened lately, the user's assignments). One
 * schema per key: a value that does not fit reads as absent, never as something else.
 */
import { z } from 'zod';
import { currentAssignmentSchema } from '../../../shared/api/auth.ts';
import type { CacheDb } from '../db.ts';
import type { SyncStateRecord } from '../records.ts';

const sealed = z.custom<Uint8Array<ArrayBuffer>>((value) => value instanceof Uint8Array);

export const syncStateSchemas = {
  /** Where the change feed stands; null while a snapshot runs. */
  cursor: z.string().nullable(),
  /** The snapshot generation the cache was last confirmed by (see sync/pull.ts). */
  epoch: z.number().int().min(0),
  /** The generation of a snapshot under way, null when none. */
  snapshotEpoch: z.number().int().min(0).nullable(),
  /** The next pull takes a full snapshot (after a discarded change the service's state is needed). */
  resnapshot: z.boolean(),
  /** This database is the one the outbox journal knows (see data/journal.ts). */
  journalMark: z.literal(true),
  /** Cases the user opened, most recent first: their documents are fetched first. */
  recentCases: z.array(z.string().max(64)).max(50),
  /** The user's assignments as the service said at the last sync (own cases, substitutions and their end). */
  assignments: z.array(currentAssignmentSchema),
  /** The access token, sealed under the cache key (see repos/token.ts). */
  auth: sealed,
} as const;
export type SyncStateKey = keyof typeof syncStateSchemas;
export type SyncStateValue<K extends SyncStateKey> = z.output<(typeof syncStateSchemas)[K]>;

export async function readState<K extends SyncStateKey>(db: CacheDb, key: K): Promise<SyncStateValue<K> | undefined> {
  const parsed = syncStateSchemas[key].safeParse((await db.syncState.get(key))?.value);
  return parsed.success ? (parsed.data as SyncStateValue<K>) : undefined;
}

/** A record to put, e.g. inside a transaction of the caller's. */
export function stateRecord<K extends SyncStateKey>(key: K, value: SyncStateValue<K>): SyncStateRecord {
  return { key, value };
}

export async function writeState<K extends SyncStateKey>(db: CacheDb, key: K, value: SyncStateValue<K>): Promise<void> {
  await db.syncState.put(stateRecord(key, value));
}

/** How many cases "recently opened" remembers. */
const RECENT_CASES = 20;

/** The user opened a case: it goes first in the list of recent cases. */
export async function touchRecentCase(db: CacheDb, caseId: string): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const recent = (await readState(db, 'recentCases')) ?? [];
    await writeState(db, 'recentCases', [caseId, ...recent.filter((id) => id !== caseId)].slice(0, RECENT_CASES));
  });
}
