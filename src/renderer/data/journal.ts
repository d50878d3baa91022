/**
 * The journal beside the outbox (see DESIGN.md, "Journal"): every outbox entry is also kept,
 * sealed under the cache key, outside IndexedDB — in main's file (Electron) or the Origin Private
 * File System (browser mode), both behind DesktopApi — because Chromium resets an origin's
 * database after disk-full or corruption. At start, entries the journal holds and IndexedDB lost
 * are restored before delivery resumes; replays are safe because each entry keeps its
 * idempotency id. While the session runs, the journal follows the outbox: new entries are
 * appended, delivered or discarded ones acknowledged.
 */
import { liveQuery } from 'dexie';
import { z } from 'zod';
import type { JournalEntry } from '../../shared/journal/journal-log.ts';
import { base64ToBytes, bytesToBase64 } from '../../shared/util/base64.ts';
import type { DesktopApi } from '../platform/desktop-api.ts';
import type { CacheCipher } from './crypto/cipher.ts';
import type { CacheDb } from './db.ts';
import type { OutboxRecord } from './records.ts';
import { readState, writeState } from './repos/sync-state.ts';

/** The journal of one user, as the renderer uses it. */
export type JournalPort = {
  append(entries: readonly JournalEntry[]): Promise<void>;
  acknowledge(ids: readonly string[]): Promise<void>;
  read(): Promise<JournalEntry[]>;
};

export function desktopJournal(api: DesktopApi, userId: string): JournalPort {
  return {
    append: (entries) => api.journal.append({ userId, entries: [...entries] }),
    acknowledge: (ids) => api.journal.acknowledge({ userId, ids: [...ids] }),
    read: async () => (await api.journal.read({ userId })).entries,
  };
}

const journaledSchema = z.looseObject({
  id: z.string(),
  kind: z.enum(['mutation', 'audit', 'letter']),
  caseId: z.string(),
  createdAt: z.string(),
  status: z.enum(['pending', 'conflict', 'rejected', 'undeliverable']),
  attempts: z.number(),
  sealed: z.string(),
});

const binding = (id: string) => `journal/${id}`;

/**
 * An entry as the journal keeps it: the whole record (its payload still sealed) sealed again,
 * with its place in the outbox (`seq`), so that a restored entry goes back exactly where it was
 * and order per case holds.
 */
export async function journalEntryOf(cipher: CacheCipher, record: OutboxRecord): Promise<JournalEntry> {
  const { sealedServer: _server, sealed, ...rest } = record;
  const value = { ...rest, sealed: bytesToBase64(sealed) };
  return {
    id: record.id,
    sealed: bytesToBase64(await cipher.sealJson(value, binding(record.id))),
    rank: record.chained === 1 ? 0 : 1,
  };
}

async function recordOf(cipher: CacheCipher, entry: JournalEntry): Promise<OutboxRecord> {
  const value = await cipher.openJson(base64ToBytes(entry.sealed), binding(entry.id), journaledSchema);
  if (value.id !== entry.id) throw new Error('journal entry under another id');
  return { ...(value as unknown as OutboxRecord), sealed: base64ToBytes(value.sealed) };
}

export type RestoreResult = {
  /** Entries of the journal this cache key reads (present or restored): the follower keeps them in step. */
  readonly journaled: readonly string[];
  /** Entries IndexedDB had lost, added back in their order. */
  readonly restored: number;
  /**
   * Entries this cache key cannot open (sealed under an earlier key, see session/set-aside.ts):
   * left in the journal, never acknowledged, nothing is destroyed.
   */
  readonly unreadable: number;
};

/**
 * A row that exists for as long as this database does: where it is found, IndexedDB was not lost,
 * and every journal entry it lacks was delivered or discarded (only the acknowledgement was lost,
 * e.g. in a crash); where it is missing, the database is new and the journal is restored into it.
 */

export async function restoreFromJournal(
  db: CacheDb,
  cipher: CacheCipher,
  journal: JournalPort,
): Promise<RestoreResult> {
  const entries = await journal.read();
  const present = new Set((await db.outbox.orderBy('id').keys()) as string[]);
  if ((await readState(db, 'journalMark')) !== undefined) {
    // Delivered or discarded here, only the acknowledgement was lost; an entry this key cannot
    // open is someone's set-aside work and stays.
    const stale: string[] = [];
    let unreadable = 0;
    for (const entry of entries) {
      if (present.has(entry.id)) continue;
      const readable = await recordOf(cipher, entry).then(
        () => true,
        () => false,
      );
      if (readable) stale.push(entry.id);
      else unreadable++;
    }
    if (stale.length) await journal.acknowledge(stale);
    return { journaled: entries.filter((e) => present.has(e.id)).map((e) => e.id), restored: 0, unreadable };
  }
  const missing: OutboxRecord[] = [];
  const unreadable = new Set<string>();
  for (const entry of entries) {
    if (present.has(entry.id)) continue;
    try {
      missing.push(await recordOf(cipher, entry));
    } catch {
      unreadable.add(entry.id);
    }
  }
  let restored = 0;
  await db.transaction('rw', db.outbox, db.syncState, async () => {
    // The other window may be restoring at the same moment: add only what is still missing.
    if ((await readState(db, 'journalMark')) !== undefined) return;
    const now = new Set((await db.outbox.orderBy('id').keys()) as string[]);
    const fresh = missing.filter((r) => !now.has(r.id)).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    restored = fresh.length;
    for (const record of fresh) {
      // Back in its old place when that is free (IndexedDB never hands a number out twice).
      const taken = record.seq !== undefined && (await db.outbox.get(record.seq)) !== undefined;
      const { seq, ...rest } = record;
      await db.outbox.add(taken || seq === undefined ? rest : { ...rest, seq });
    }
    await writeState(db, 'journalMark', true);
  });
  return {
    journaled: entries.flatMap((e) => (unreadable.has(e.id) ? [] : [e.id])),
    restored,
    unreadable: unreadable.size,
  };
}

/** At most this many entries, and this much sealed text, per append: a letter's entry carries its PDF. */
const APPEND_MAX_ENTRIES = 500;
const APPEND_MAX_CHARS = 8 * 1024 * 1024;

/** Entries in order, in batches within both limits (an entry larger than the text limit goes alone). */
export function appendBatches(entries: readonly JournalEntry[]): JournalEntry[][] {
  const batches: JournalEntry[][] = [];
  let batch: JournalEntry[] = [];
  let chars = 0;
  for (const entry of entries) {
    if (batch.length && (batch.length === APPEND_MAX_ENTRIES || chars + entry.sealed.length > APPEND_MAX_CHARS)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(entry);
    chars += entry.sealed.length;
  }
  if (batch.length) batches.push(batch);
  return batches;
}

export type OutboxFollower = {
  stop(): void;
  /** Resolves once every change seen so far is in the journal (before an update installs). */
  drained(): Promise<void>;
};

/**
 * Keeps the journal in step with the outbox for as long as the session runs. `known` are the ids
 * the journal holds already (from the restore).
 */
export function followOutbox(
  db: CacheDb,
  cipher: CacheCipher,
  journal: JournalPort,
  known: readonly string[],
  onError: (error: unknown) => void,
): OutboxFollower {
  const journaled = new Set(known);
  let queue: Promise<void> = Promise.resolve();
  const subscription = liveQuery(async () => (await db.outbox.orderBy('id').keys()) as string[]).subscribe({
    next: (ids) => {
      queue = queue.then(async () => {
        const now = new Set(ids);
        const added = ids.filter((id) => !journaled.has(id));
        const gone = [...journaled].filter((id) => !now.has(id));
        try {
          if (added.length) {
            const records = await db.outbox.where('id').anyOf(added).toArray();
            const entries = await Promise.all(records.map((r) => journalEntryOf(cipher, r)));
            for (const batch of appendBatches(entries)) await journal.append(batch);
            for (const r of records) journaled.add(r.id);
          }
          if (gone.length) {
            for (let from = 0; from < gone.length; from += 5000)
              await journal.acknowledge(gone.slice(from, from + 5000));
            for (const id of gone) journaled.delete(id);
          }
        } catch (error) {
          onError(error);
        }
      });
    },
    error: onError,
  });
  return { stop: () => subscription.unsubscribe(), drained: () => queue };
}
