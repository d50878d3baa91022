/**
 * Version 2 of the cache schema: the outbox carries every kind of delivery (changes, audit events,
 * letters) under one idempotency id, with the states the user acts on (conflict, rejected); audit
 * events are outbox entries, so the separate audit table goes. Existing entries keep their order
 * (`seq`) and their idempotency key.
 */
import type { Transaction } from 'dexie';
import { SCHEMA_V1 } from './v1.ts';

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  outbox: '++seq, &id, kind, caseId, entityId, status',
  audit: null,
} as const;

type V1Entry = { mutationId?: string; status?: string; lastError?: unknown; [field: string]: unknown };

export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('outbox')
    .toCollection()
    .modify((entry: V1Entry) => {
      entry['id'] = entry.mutationId;
      delete entry.mutationId;
      entry['kind'] = 'mutation';
      // v1 knew "failed" for entries that a transient error held back: they are simply pending.
      if (entry.status === 'failed') entry.status = 'pending';
      if (typeof entry.lastError === 'string') entry.lastError = { code: 'legacy' };
    });
}
