/**
 * Letters (Schreiben im Postausgang) of a case. Queuing writes the local letter record (status
 * `queued`), its outbox entry with the PDF exactly as previewed, and the `letter.send` audit event
 * in one read-write transaction (see local-change.ts); delivery (outbox-store.ts) and the change
 * feed move the record on: accepted → printed → dispatched, or failed.
 */
import type { LetterMeta } from '../../../shared/api/letters.ts';
import { caseSchema, type Case } from '../../../shared/domain/case.ts';
import { letterSchema, type Letter } from '../../../shared/domain/letter.ts';
import { isoNow } from '../../../shared/util/clock.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { LetterRecord } from '../records.ts';
import type { AuditRepo } from './audit.ts';
import { caseLabel, type LocalChangeContext } from './local-change.ts';
import type { Delivered } from './notes.ts';
import { letterEntry, MAX_QUEUED_LETTER_BYTES, UNDELIVERED } from './outbox.ts';
import { createPersonsRepo, type HouseholdMember } from './persons.ts';
import { binding, openEntity, sealEntity } from './sealed-entities.ts';

const TABLE = 'letters';

/** What the composer hands over once the checks pass: the meta part, the previewed bytes, the recipient's name. */
export type LetterToQueue = {
  readonly meta: LetterMeta;
  readonly pdf: Uint8Array<ArrayBuffer>;
  readonly recipient: string;
};

/** The case and its members, for the composer: the BG number goes on the letter, a member is its recipient. */
export type Addressees = {
  readonly case: Pick<Case, 'id' | 'bgNumber'> | undefined;
  readonly members: readonly HouseholdMember[];
};

export class LetterTooLargeError extends Error {
  readonly code = 'letter-too-large';
  readonly bytes: number;
  constructor(bytes: number) {
    super(`letter PDF of ${bytes} bytes exceeds the outbox limit`);
    this.name = 'LetterTooLargeError';
    this.bytes = bytes;
  }
}

/** The letter's id is already in the outbox or the cache: a draft is queued once. */
export class LetterAlreadyQueuedError extends Error {
  readonly code = 'letter-already-queued';
  constructor() {
    super('letter already queued');
    this.name = 'LetterAlreadyQueuedError';
  }
}

/** The record a letter is stored as: sealed, with its status in the clear. */
export async function letterRecord(cipher: CacheCipher, letter: Letter): Promise<LetterRecord> {
  return { ...(await sealEntity(cipher, TABLE, letter)), status: letter.status };
}

export const openLetter = (cipher: CacheCipher, record: LetterRecord): Promise<Letter> =>
  openEntity(cipher, TABLE, record, letterSchema);

export function createLettersRepo(ctx: LocalChangeContext, audit: AuditRepo) {
  const { db, cipher } = ctx;
  const persons = createPersonsRepo(db, cipher);
  const open = (record: LetterRecord) => openLetter(cipher, record);

  return {
    /** The case's letters, newest first, each with the state of its delivery to the service. */
    async listForCase(caseId: string): Promise<Delivered<Letter>[]> {
      const [records, entries] = await Promise.all([
        db.letters.where('caseId').equals(caseId).toArray(),
        db.outbox.where('caseId').equals(caseId).toArray(),
      ]);
      const state = new Map(
        entries
          .filter((e) => e.kind === 'letter' && UNDELIVERED.concat('undeliverable').includes(e.status))
          .map((e) => [e.entityId, e.status] as const),
      );
      const letters = await Promise.all(records.map(open));
      return letters
        .map((l) => ({ ...l, delivery: state.get(l.id) ?? ('sent' as const) }))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    /** The case's BG number and its members (the applicant first), as the composer addresses a letter. */
    async addressees(caseId: string): Promise<Addressees> {
      const [record, members] = await Promise.all([db.cases.get(caseId), persons.membersOf(caseId)]);
      const theCase = record
        ? await cipher.openJson(record.sealed, binding('cases', record.id), caseSchema)
        : undefined;
      return { case: theCase ? { id: theCase.id, bgNumber: theCase.bgNumber } : undefined, members };
    },

    /**
     * Puts a letter that passed the checks into the outbox. The bytes are stored as given — the
     * caller passes exactly what the case worker previewed. Everything is sealed before the
     * transaction; inside it the letter, its entry and the audit event are written together.
     */
    async queue(letter: LetterToQueue): Promise<Letter> {
      if (letter.pdf.byteLength > MAX_QUEUED_LETTER_BYTES) throw new LetterTooLargeError(letter.pdf.byteLength);
      const now = isoNow(ctx.clock);
      const { meta } = letter;
      const entity = letterSchema.parse({ ...meta, status: 'queued', createdAt: now, updatedAt: now, version: 1 });
      const label = await caseLabel(ctx, meta.caseId);
      const [record, entry, event] = await Promise.all([
        letterRecord(cipher, entity),
        letterEntry(cipher, letter, { clock: ctx.clock, label }),
        audit.entry({ action: 'letter.send', caseId: meta.caseId }),
      ]);
      await db.transaction('rw', db.letters, db.outbox, async () => {
        if ((await db.letters.get(meta.id)) || (await db.outbox.where('id').equals(meta.id).count()))
          throw new LetterAlreadyQueuedError();
        // Epoch 0: once delivered, a snapshot that does not confirm it may sweep it like any record.
        await db.letters.add({ ...record, epoch: 0 });
        await db.outbox.add(entry);
        await db.outbox.add(event);
      });
      return entity;
    },
  };
}
export type LettersRepo = ReturnType<typeof createLettersRepo>;
