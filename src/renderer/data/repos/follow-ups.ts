/**
 * Follow-ups (Wiedervorlagen): dated reminders on a case — created, edited, completed and
 * reopened on this device, each change with its outbox entry in one transaction.
 */
import { followUpSchema, type FollowUp } from '../../../shared/domain/follow-up.ts';
import type { CaseId, FollowUpId } from '../../../shared/domain/ids.ts';
import { isoNow } from '../../../shared/util/clock.ts';
import type { FollowUpRecord } from '../records.ts';
import type { Author } from './annotations.ts';
import { commitLocalChange, EntityChangedError, newMutationId, type LocalChangeContext } from './local-change.ts';
import type { Delivered } from './notes.ts';
import { newEntryId } from './outbox.ts';
import { openEntity, sealEntity } from './sealed-entities.ts';

const TABLE = 'followUps';

export type FollowUpDraft = { readonly dueOn: string; readonly text: string };

export function createFollowUpsRepo(ctx: LocalChangeContext, author: Author) {
  const { db, cipher } = ctx;
  const open = (record: FollowUpRecord) => openEntity(cipher, TABLE, record, followUpSchema);

  async function withDelivery(records: FollowUpRecord[]): Promise<Delivered<FollowUp>[]> {
    const ids = records.map((r) => r.id);
    const entries = ids.length ? await db.outbox.where('entityId').anyOf(ids).toArray() : [];
    const state = new Map(entries.filter((e) => e.entity === 'followUp').map((e) => [e.entityId, e.status] as const));
    const opened = await Promise.all(records.map(open));
    return opened.map((f) => ({ ...f, delivery: state.get(f.id) ?? ('sent' as const) }));
  }

  async function save(followUp: FollowUp, create: boolean, expected?: FollowUpRecord): Promise<FollowUp> {
    const record: FollowUpRecord = {
      ...(await sealEntity(cipher, TABLE, followUp)),
      dueOn: followUp.dueOn,
      done: followUp.done ? 1 : 0,
      ...(create ? { epoch: 0 } : {}),
    };
    await commitLocalChange(
      ctx,
      TABLE,
      {
        id: newMutationId(),
        caseId: followUp.caseId,
        entity: 'followUp',
        op: 'put',
        data: { id: followUp.id, dueOn: followUp.dueOn, text: followUp.text, done: followUp.done },
      },
      record,
      { create, ...(expected ? { expected } : {}) },
    );
    return followUp;
  }

  async function change(id: string, patch: Partial<Pick<FollowUp, 'dueOn' | 'text' | 'done'>>): Promise<FollowUp> {
    const current = await db.followUps.get(id);
    if (!current) throw new EntityChangedError();
    const before = await open(current);
    return save(followUpSchema.parse({ ...before, ...patch, updatedAt: isoNow(ctx.clock) }), false, current);
  }

  return {
    /** The case's follow-ups by due date, each with its delivery state. */
    async listForCase(caseId: string): Promise<Delivered<FollowUp>[]> {
      const records = await db.followUps.where('caseId').equals(caseId).sortBy('dueOn');
      return withDelivery(records);
    },

    /** Open follow-ups across all cases due on or before `day` (ISO date): today's and the overdue. */
    async dueBy(day: string): Promise<Delivered<FollowUp>[]> {
      const records = await db.followUps
        .where('dueOn')
        .belowOrEqual(day)
        .filter((r) => r.done === 0)
        .sortBy('dueOn');
      return withDelivery(records);
    },

    async create(caseId: CaseId, draft: FollowUpDraft): Promise<FollowUp> {
      const now = isoNow(ctx.clock);
      return save(
        followUpSchema.parse({
          id: newEntryId() as FollowUpId,
          caseId,
          dueOn: draft.dueOn,
          text: draft.text,
          done: false,
          authorId: author.id,
          createdAt: now,
          updatedAt: now,
          version: 1,
        }),
        true,
      );
    },

    edit: (id: string, draft: Partial<FollowUpDraft>) => change(id, draft),
    complete: (id: string) => change(id, { done: true }),
    reopen: (id: string) => change(id, { done: false }),
  };
}
export type FollowUpsRepo = ReturnType<typeof createFollowUpsRepo>;
