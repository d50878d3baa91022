/**
 * The outbox: local changes waiting for delivery, in order per case. An entry is always written
 * in the same IndexedDB transaction as the local change it carries (see the repositories that
 * call `outboxRecord`), so nothing typed is lost between the two.
 */
import { mutationSchema, type Mutation } from '../../../shared/api/mutations.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import type { OutboxRecord } from '../records.ts';

export function newMutationId(): string {
  return crypto.randomUUID();
}

/** Seals a mutation into an outbox record; to be added inside the caller's transaction. */
export async function outboxRecord(cipher: CacheCipher, mutation: Mutation, now: Date): Promise<OutboxRecord> {
  return {
    mutationId: mutation.id,
    caseId: mutation.caseId,
    entity: mutation.entity,
    entityId: mutation.data.id,
    op: mutation.op,
    ...(mutation.baseVersion !== undefined ? { baseVersion: mutation.baseVersion } : {}),
    createdAt: now.toISOString(),
    attempts: 0,
    status: 'pending',
    sealed: await cipher.sealJson(mutation, `outbox/${mutation.id}`),
  };
}

export function openOutboxMutation(cipher: CacheCipher, record: OutboxRecord): Promise<Mutation> {
  return cipher.openJson(record.sealed, `outbox/${record.mutationId}`, mutationSchema);
}

export function createOutboxRepo(db: CacheDb) {
  return {
    /** Entries not yet delivered, in the order they were made. */
    pending: () => db.outbox.where('status').equals('pending').sortBy('seq'),
    all: () => db.outbox.orderBy('seq').toArray(),
    countPending: () => db.outbox.where('status').equals('pending').count(),
    /** Entity ids with changes not yet delivered: the pull must not overwrite them. */
    async pendingEntityIds(): Promise<Set<string>> {
      const keys = await db.outbox.where('status').anyOf('pending', 'failed').toArray();
      return new Set(keys.map((k) => k.entityId));
    },
  };
}
