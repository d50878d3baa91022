/**
 * What every repository that writes a local change shares: the case's label for the outbox panel,
 * and the one way to commit a change — the entity and its outbox entry in one read-write
 * transaction on the strict-durability connection, everything sealed before it starts.
 */
import type { Mutation } from '../../../shared/api/mutations.ts';
import { caseSchema } from '../../../shared/domain/case.ts';
import type { Clock } from '../../../shared/util/clock.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import type { OutboxRecord, SealedEntityRecord } from '../records.ts';
import { enqueue, mutationEntry, newEntryId, type OutboxLabel } from './outbox.ts';
import { binding } from './sealed-entities.ts';

export type LocalChangeContext = { readonly db: CacheDb; readonly cipher: CacheCipher; readonly clock: Clock };

/** The label an entry keeps of its case (the BG number), readable after the case has left the device. */
export async function caseLabel(ctx: LocalChangeContext, caseId: string): Promise<OutboxLabel> {
  const record = await ctx.db.cases.get(caseId);
  if (!record) return {};
  try {
    const theCase = await ctx.cipher.openJson(record.sealed, binding('cases', record.id), caseSchema);
    return { bgNumber: theCase.bgNumber };
  } catch {
    // A label is a convenience: a change is never refused for want of one.
    return {};
  }
}

export const newMutationId = (): Mutation['id'] => newEntryId() as Mutation['id'];

/** The local entity changed by someone else in between: the user tries again on what is there now. */
export class EntityChangedError extends Error {
  readonly code = 'entity-changed';
  constructor() {
    super('entity changed or gone meanwhile');
    this.name = 'EntityChangedError';
  }
}

/**
 * Commits a local change: `record` is the entity as it is now (null: deleted). The version the
 * change builds on is read inside the transaction, so that a delivery applied a moment earlier is
 * taken into account (and its version kept); a change to an entity this device created has none
 * (`create`). `expected` is the record the change was made from: if another window changed it in
 * between, nothing is written.
 */
export async function commitLocalChange(
  ctx: LocalChangeContext,
  table: 'annotations' | 'notes' | 'followUps' | 'documents',
  mutation: Mutation,
  record: SealedEntityRecord | null,
  { create = false, expected }: { create?: boolean; expected?: SealedEntityRecord } = {},
): Promise<OutboxRecord> {
  const entry = await mutationEntry(ctx.cipher, mutation, {
    clock: ctx.clock,
    label: await caseLabel(ctx, mutation.caseId),
  });
  const { db } = ctx;
  await db.transaction('rw', db.table(table), db.outbox, async () => {
    const current = await db.table<SealedEntityRecord, string>(table).get(mutation.data.id);
    if (expected && current?.updatedAt !== expected.updatedAt) throw new EntityChangedError();
    // Inbox status is last-writer-wins at the service: it never names a version.
    const baseVersion = create || table === 'documents' ? undefined : current?.version;
    const entities = db.table<SealedEntityRecord, string>(table);
    // The snapshot generation that confirmed the entity stays, so a later sweep still knows it.
    const epoch = record?.epoch ?? current?.epoch;
    if (record)
      await entities.put({
        ...record,
        version: Math.max(record.version, current?.version ?? 0),
        ...(epoch !== undefined ? { epoch } : {}),
      });
    else await entities.delete(mutation.data.id);
    await enqueue(db, baseVersion === undefined ? entry : { ...entry, baseVersion });
  });
  return entry;
}
