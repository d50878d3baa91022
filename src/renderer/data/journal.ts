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

/** An entry as the journal keeps it: the whole record (its payload still sealed) sealed again. */
export async function journalEntryOf(cipher: CacheCipher, record: OutboxRecord): Promise<JournalEntry> {
  const { seq: _seq, sealedServer: _server, sealed, ...rest } = record;
  const value = { ...rest, sealed: bytesToBase64(sealed) };
  return { id: record.id, sealed: bytesToBase64(await cipher.sealJson(value, binding(record.id))) };
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

export async function restoreFromJournal(
  db: CacheDb,
  cipher: CacheCipher,
  journal: JournalPort,
): Promise<RestoreResult> {
  const entries = await journal.read();
  const present = new Set((await db.outbox.orderBy('id').keys()) as string[]);
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
  if (missing.length) {
    await db.transaction('rw', db.outbox, async () => {
      // The other window may be restoring at the same moment: add only what is still missing.
      const now = new Set((await db.outbox.orderBy('id').keys()) as string[]);
      const fresh = missing.filter((r) => !now.has(r.id));
      restored = fresh.length;
      if (fresh.length) await db.outbox.bulkAdd(fresh);
    });
  }
  return {
    journaled: entries.flatMap((e) => (unreadable.has(e.id) ? [] : [e.id])),
    restored,
    unreadable: unreadable.size,
  };
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
            for (let from = 0; from < entries.length; from += 500)
              await journal.append(entries.slice(from, from + 500));
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
