/**
 * Notes (Vermerke) of a case: created and edited on this device, visible at once and marked as not
 * yet sent until the service has them. Each change writes the note and its outbox entry in one
 * read-write transaction (see local-change.ts).
 */
import type { CaseId, NoteId } from '../../../shared/domain/ids.ts';
import { noteSchema, type Note } from '../../../shared/domain/note.ts';
import { isoNow } from '../../../shared/util/clock.ts';
import type { NoteRecord, OutboxStatus } from '../records.ts';
import { commitLocalChange, EntityChangedError, newMutationId, type LocalChangeContext } from './local-change.ts';
import { newEntryId, UNDELIVERED } from './outbox.ts';
import { openEntity, sealEntity } from './sealed-entities.ts';
import type { Author } from './annotations.ts';

const TABLE = 'notes';

/** An entity as lists show it: with whether the service has the latest local change yet. */
export type Delivered<E> = E & { readonly delivery: OutboxStatus | 'sent' };

export function createNotesRepo(ctx: LocalChangeContext, author: Author) {
  const { db, cipher } = ctx;
  const open = (record: NoteRecord) => openEntity(cipher, TABLE, record, noteSchema);

  async function save(note: Note, create: boolean, expected?: NoteRecord): Promise<Note> {
    const record: NoteRecord = { ...(await sealEntity(cipher, TABLE, note)), ...(create ? { epoch: 0 } : {}) };
    await commitLocalChange(
      ctx,
      TABLE,
      { id: newMutationId(), caseId: note.caseId, entity: 'note', op: 'put', data: { id: note.id, text: note.text } },
      record,
      { create, ...(expected ? { expected } : {}) },
    );
    return note;
  }

  return {
    /** The case's notes, newest first, each with its delivery state. */
    async listForCase(caseId: string): Promise<Delivered<Note>[]> {
      const [records, entries] = await Promise.all([
        db.notes.where('caseId').equals(caseId).toArray(),
        db.outbox.where('caseId').equals(caseId).toArray(),
      ]);
      const state = new Map(
        entries
          .filter((e) => e.entity === 'note' && UNDELIVERED.concat('undeliverable').includes(e.status))
          .map((e) => [e.entityId, e.status] as const),
      );
      const notes = await Promise.all(records.map(open));
      return notes
        .map((n) => ({ ...n, delivery: state.get(n.id) ?? ('sent' as const) }))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    async create(caseId: CaseId, text: string): Promise<Note> {
      const now = isoNow(ctx.clock);
      const note = noteSchema.parse({
        id: newEntryId() as NoteId,
        caseId,
        text,
        authorId: author.id,
        authorName: author.displayName,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      return save(note, true);
    },

    async edit(id: string, text: string): Promise<Note> {
      const current = await db.notes.get(id);
      if (!current) throw new EntityChangedError();
      const before = await open(current);
      const note = noteSchema.parse({ ...before, text, updatedAt: isoNow(ctx.clock) });
      return save(note, false, current);
    },
  };
}
export type NotesRepo = ReturnType<typeof createNotesRepo>;
