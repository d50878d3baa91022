/**
 * The outbox as push (sync/push.ts) sees it, on IndexedDB: which entries may go now, and what
 * each answer of the service does to the entry and to its entity — each in one transaction.
 */
import type { Mutation } from '../../../shared/api/mutations.ts';
import { base64ToBytes } from '../../../shared/util/base64.ts';
import type { OutboxStore, Deliverable } from '../../sync/push.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import type { OutboxRecord, SealedEntityRecord } from '../records.ts';
import { letterRecord, openLetter } from './letters.ts';
import { createOutboxRepo, ENTITY_TABLE, openPayload, sealServerVersion } from './outbox.ts';

type Row = Pick<OutboxRecord, 'seq' | 'kind' | 'caseId' | 'status' | 'chained'>;

/**
 * The entries that may go now, in order. Per case: pending entries up to the first one that holds
 * the rest back — a conflict or rejection (the user decides first), a change that builds on an
 * earlier change of its entity (it waits until that one is applied), a letter (it goes alone, once
 * nothing before it in its case is unsent) — and at most `perCase` of them. Audit events are not
 * ordered with anything. Undeliverable entries never go.
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
    if (row.kind === 'letter') {
      held.add(row.caseId);
      if (row.status === 'pending' && count === 0) chosen.push(row);
      continue;
    }
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
        else if (payload.kind === 'letter')
          items.push({
            kind: 'letter',
            seq: row.seq!,
            caseId: row.caseId,
            meta: payload.meta,
            pdf: base64ToBytes(payload.pdf),
          });
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
            if (next) await db.outbox.update(next.seq, { chained: 0, baseVersion: s.version });
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

    async letterAccepted(seq, accepted) {
      const local = await db.letters.get(accepted.id);
      const updated =
        local?.status === 'queued'
          ? await letterRecord(cipher, {
              ...(await openLetter(cipher, local)),
              status: 'accepted',
              documentId: accepted.documentId,
              updatedAt: new Date(clock()).toISOString(),
            })
          : null;
      let behind = false;
      await db.transaction('rw', db.outbox, db.letters, async () => {
        const entry = await db.outbox.get(seq);
        if (entry?.id === accepted.id) await db.outbox.delete(seq);
        const current = await db.letters.get(accepted.id);
        // Queued with epoch 0; a pull that met the letter while it was unsent confirmed it instead.
        behind = (current?.epoch ?? 0) !== 0;
        if (updated && current?.status === 'queued' && current.updatedAt === local?.updatedAt)
          await db.letters.put({ ...updated, ...(current.epoch !== undefined ? { epoch: current.epoch } : {}) });
      });
      return { behind };
    },

    async letterStatus(status) {
      const local = await db.letters.get(status.id);
      if (!local || local.version >= status.version) return;
      const { failureReason: _before, ...letter } = await openLetter(cipher, local);
      const record = await letterRecord(cipher, {
        ...letter,
        status: status.status,
        ...(status.failureReason !== undefined ? { failureReason: status.failureReason } : {}),
        documentId: status.documentId,
        updatedAt: status.updatedAt,
        version: status.version,
      });
      await db.transaction('rw', db.letters, async () => {
        const current = await db.letters.get(status.id);
        if (!current || current.version >= status.version) return;
        await db.letters.put({ ...record, ...(current.epoch !== undefined ? { epoch: current.epoch } : {}) });
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
