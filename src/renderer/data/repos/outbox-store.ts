/**
 * The outbox as push (sync/push.ts) sees it, on IndexedDB: which entries may go now, and what
 * each answer of the service does to the entry and to its entity — each in one transaction.
 */
import type { Mutation } from '../../../shared/api/mutations.ts';
import type { OutboxStore, Deliverable } from '../../sync/push.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import type { OutboxError, OutboxRecord, SealedEntityRecord } from '../records.ts';
import { createOutboxRepo, ENTITY_TABLE, openPayload, sealServerVersion } from './outbox.ts';

type Row = Pick<OutboxRecord, 'seq' | 'kind' | 'caseId' | 'status' | 'chained'>;

/**
 * The entries that may go now, in order. Per case: pending entries up to the first one that holds
 * the rest back — a conflict or rejection (the user decides first), a change that builds on an
 * earlier change of its entity (it waits until that one is applied) — and at most `perCase` of
 * them. Audit events are not ordered with anything. Undeliverable entries never go.
 */
export function selectDeliverable<R extends Row>(rows: readonly R[], perCase: number): R[] {
  const held = new Set<string>();
  const taken = new Map<string, number>();
  const chosen: R[] = [];
  for (const row of rows) {
    if (row.kind === 'audit') {
      if (row.status === 'pending') chosen.push(row);
      continue;
    }
    if (row.status === 'undeliverable' || held.has(row.caseId)) continue;
    const count = taken.get(row.caseId) ?? 0;
    if (row.status !== 'pending' || row.chained === 1 || count >= perCase) {
      held.add(row.caseId);
      continue;
    }
    taken.set(row.caseId, count + 1);
    chosen.push(row);
  }
  return chosen;
}

export function createOutboxStore(db: CacheDb, cipher: CacheCipher, clock: () => number): OutboxStore {
  /**
   * A change that waits for the version an earlier change of its entity will get, where that
   * earlier one is no longer in the outbox (a copy restored from the journal after its
   * predecessor was delivered): it builds on the version the device knows now. It was never sent
   * while it waited, so no earlier copy of it can reach the service with another base.
   */
  async function resolveOrphanedChains(): Promise<void> {
    const tables = Object.values(ENTITY_TABLE).map((t) => db.table(t));
    await db.transaction('rw', [db.outbox, ...tables], async () => {
      const waiting = await db.outbox.filter((e) => e.chained === 1).toArray();
      for (const entry of waiting) {
        const earlier = await db.outbox
          .where('entityId')
          .equals(entry.entityId ?? '')
          .filter((e) => (e.seq ?? 0) < (entry.seq ?? 0) && e.kind === 'mutation' && e.status !== 'undeliverable')
          .count();
        if (earlier) continue;
        const table = db.table<SealedEntityRecord, string>(ENTITY_TABLE[entry.entity as Mutation['entity']]);
        const local = await table.get(entry.entityId ?? '');
        await db.outbox.update(entry.seq, { chained: 0, ...(local ? { baseVersion: local.version } : {}) });
      }
    });
  }

  return {
    async deliverable(perCase) {
      await resolveOrphanedChains();
      const rows = selectDeliverable(await db.outbox.orderBy('seq').toArray(), perCase);
      const items: Deliverable[] = [];
      for (const row of rows) {
        const payload = await openPayload(cipher, row);
        if (payload.kind === 'audit') items.push({ kind: 'audit', seq: row.seq!, event: payload.event });
        else {
          const mutation = {
            ...payload.mutation,
            ...(row.baseVersion !== undefined ? { baseVersion: row.baseVersion } : {}),
          };
          items.push({ kind: 'mutation', seq: row.seq!, caseId: row.caseId, mutation });
        }
      }
      return items;
    },

    async settle(settlements) {
      if (!settlements.length) return;
      // Sealed before the transaction: nothing but IndexedDB work inside it.
      const sealedServer = new Map<number, Uint8Array<ArrayBuffer>>();
      for (const s of settlements) {
        if (s.status !== 'conflict') continue;
        const entry = await db.outbox.get(s.seq);
        if (entry) sealedServer.set(s.seq, await sealServerVersion(cipher, entry.id, s.current));
      }
      const at = new Date(clock()).toISOString();
      const tables = Object.values(ENTITY_TABLE).map((t) => db.table(t));
      await db.transaction('rw', [db.outbox, ...tables], async () => {
        const entries = await db.outbox.bulkGet(settlements.map((s) => s.seq));
        for (const [k, s] of settlements.entries()) {
          const entry = entries[k];
          if (!entry) continue;
          if (s.status === 'applied') {
            await db.outbox.delete(s.seq);
            if (!entry.entityId || !entry.entity) continue;
            const table = db.table<SealedEntityRecord, string>(ENTITY_TABLE[entry.entity as Mutation['entity']]);
            const local = await table.get(entry.entityId);
            if (local && local.version < s.version) await table.update(entry.entityId, { version: s.version });
            // The next change of this entity built on this one: now it knows its version.
            const [next] = await db.outbox
              .where('entityId')
              .equals(entry.entityId)
              .filter((e) => e.chained === 1)
              .sortBy('seq');
            if (next) await db.outbox.update(next.seq!, { chained: 0, baseVersion: s.version });
            continue;
          }
          const attempted = { attempts: entry.attempts + 1, lastAttemptAt: at };
          if (s.status === 'conflict')
            await db.outbox.update(s.seq, {
              ...attempted,
              status: 'conflict',
              sealedServer: sealedServer.get(s.seq),
              lastError: { code: 'conflict' },
            });
          else await db.outbox.update(s.seq, { ...attempted, status: 'rejected', lastError: s.error });
        }
      });
    },

    async recorded(seqs) {
      if (seqs.length) await db.outbox.bulkDelete([...seqs]);
    },

    async attempted(seqs, error) {
      const at = new Date(clock()).toISOString();
      await db.transaction('rw', db.outbox, async () => {
        await db.outbox
          .where(':id')
          .anyOf([...seqs])
          .modify((e) => {
            e.attempts++;
            e.lastAttemptAt = at;
            e.lastError = error;
          });
      });
    },
  };
}

/** What the sync engine needs of the outbox: the store push works on, and the purge of expired entries. */
export function engineOutbox(db: CacheDb, cipher: CacheCipher, clock: () => number) {
  return { outbox: createOutboxStore(db, cipher, clock), outboxRepo: createOutboxRepo(db, cipher, clock) };
}
