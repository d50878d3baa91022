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

  /**
   * Applied entries go, inside settle's transaction: their entities take the versions the service
   * gave them, and the next change of each entity, where one waits, learns the version it builds on.
   */
  async function settleApplied(applied: readonly { entry: OutboxRecord; version: number }[]): Promise<void> {
    if (!applied.length) return;
    await deleteSeqs(applied.map((a) => a.entry.seq!));
    // The highest version per entity (an entity may have had several changes in one batch).
    const byEntity = new Map<string, { entity: Mutation['entity']; version: number }>();
    for (const { entry, version } of applied) {
      if (!entry.entityId || !entry.entity) continue;
      const before = byEntity.get(entry.entityId);
      if (!before || before.version < version)
        byEntity.set(entry.entityId, { entity: entry.entity as Mutation['entity'], version });
    }
    if (!byEntity.size) return;
    const perTable = new Map<string, string[]>();
    for (const [id, { entity }] of byEntity) {
      const ids = perTable.get(ENTITY_TABLE[entity]);
      if (ids) ids.push(id);
      else perTable.set(ENTITY_TABLE[entity], [id]);
    }
    for (const [name, ids] of perTable) {
      const table = db.table<SealedEntityRecord, string>(name);
      const locals = await table.bulkGet(ids);
      const raised = locals.flatMap((local) => {
        const version = local ? byEntity.get(local.id)!.version : 0;
        return local && local.version < version ? [{ key: local.id, changes: { version } }] : [];
      });
      if (raised.length) await table.bulkUpdate(raised);
    }
    // The next change of an entity built on the applied one: now it knows its version.
    const waiting = await db.outbox
      .where('entityId')
      .anyOf([...byEntity.keys()])
      .filter((e) => e.chained === 1)
      .toArray();
    const next = new Map<string, OutboxRecord>();
    for (const e of waiting) {
      const first = next.get(e.entityId!);
      if (!first || (e.seq ?? 0) < (first.seq ?? 0)) next.set(e.entityId!, e);
    }
    for (const [id, e] of next) await db.outbox.update(e.seq, { chained: 0, baseVersion: byEntity.get(id)!.version });
  }

  /** Deletes outbox entries by seq, one request per run of consecutive numbers. */
  async function deleteSeqs(seqs: readonly number[]): Promise<void> {
    const sorted = [...seqs].sort((a, b) => a - b);
    for (let from = 0; from < sorted.length;) {
      let to = from;
      while (to + 1 < sorted.length && sorted[to + 1] === sorted[to]! + 1) to++;
      if (to === from) await db.outbox.delete(sorted[from]);
      else await db.outbox.where(':id').between(sorted[from]!, sorted[to]!, true, true).delete();
      from = to + 1;
    }
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
        // Applied ones in bulk: a batch settles up to a hundred at once, and a request per entry
        // for each step (delete, version, next change) was most of the time a delivery took.
        const applied = settlements.flatMap((s, k) =>
          s.status === 'applied' && entries[k] ? [{ entry: entries[k], version: s.version }] : [],
        );
        await settleApplied(applied);
        for (const [k, s] of settlements.entries()) {
          const entry = entries[k];
          if (!entry || s.status === 'applied') continue;
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
