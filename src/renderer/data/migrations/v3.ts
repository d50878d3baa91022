/**
 * Version 3 of the cache schema: nothing in the clear tells whose file it is. BG numbers and
 * sha256 values are indexed only as keyed hashes (`bgNumberMac`, `sha256Mac`), document type and
 * register live only in the sealed document, and content chunks are bound to the document
 * version and bytes they belong to.
 *
 * The keyed hashes need the cache key, which an upgrade does not have, and chunks sealed under
 * the old binding no longer open. So the cached copy of the service's data is dropped and the
 * next sync fetches it again (a fresh snapshot): the cache is a cache. What is kept: every
 * outbox entry, the local records those entries carry (stripped of the fields that are now
 * sealed only), and the session's sync state (the sealed token, recently opened cases).
 */
import type { Transaction } from 'dexie';
import { SCHEMA_V2 } from './v2.ts';

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  cases: 'id, caseId, bgNumberMac, status, updatedAt, epoch',
  documents: 'id, caseId, [caseId+receivedOn], status, receivedOn, epoch',
} as const;

/** The tables of version 2 that held the service's data, and the fields v3 no longer keeps in the clear. */
const ENTITY_TABLES = ['cases', 'persons', 'documents', 'annotations', 'notes', 'followUps', 'letters'] as const;
const NOW_SEALED_ONLY: Record<string, readonly string[]> = {
  cases: ['bgNumber'],
  documents: ['type', 'register', 'sha256'],
};
const UNDELIVERED = ['pending', 'conflict', 'rejected'];

type Row = { id: string; [field: string]: unknown };
type OutboxRow = { kind?: string; entityId?: string; status?: string };

export async function upgradeToV3(tx: Transaction): Promise<void> {
  const entries = (await tx.table('outbox').toArray()) as OutboxRow[];
  const keep = new Set(
    entries.flatMap((e) =>
      e.kind === 'mutation' && e.entityId && UNDELIVERED.includes(e.status ?? '') ? [e.entityId] : [],
    ),
  );
  for (const name of ENTITY_TABLES) {
    const table = tx.table(name);
    await table.filter((row: Row) => !keep.has(row.id)).delete();
    const fields = NOW_SEALED_ONLY[name];
    if (fields)
      await table.toCollection().modify((row: Row) => {
        for (const field of fields) delete row[field];
      });
  }
  await tx.table('contentChunks').clear();
  await tx.table('contents').clear();
  // Without a cursor the next pull takes a full snapshot; what it does not confirm is swept.
  await tx.table('syncState').bulkDelete(['cursor', 'snapshotEpoch']);
}
