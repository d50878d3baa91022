/**
 * Document metadata of the cached cases, and what the user does to a document: its inbox status,
 * asking for its paper original, reporting it as misfiled. Each change writes the document and its
 * outbox entry in one read-write transaction (see local-change.ts).
 *
 * A misfiling report is carried by the document itself: `misfiledReport` (reason and time) is
 * sealed with the rest of it, so every list and both windows show the document as reported at
 * once, also after the report was delivered and until the service's deletion arrives with the
 * next pull and removes the document and its bytes. The field exists only on this device; the
 * service's version of the document never has it (a discarded report is undone by the fresh
 * snapshot that the discard asks for).
 */
import { z } from 'zod';
import { MAX_MISFILED_REASON_LENGTH } from '../../../shared/api/mutations.ts';
import { documentSchema, type DocumentStatus } from '../../../shared/domain/document.ts';
import { isoDateTime, type DocumentId } from '../../../shared/domain/ids.ts';
import { originalStillExists } from '../../../shared/domain/original-retention.ts';
import { isoNow } from '../../../shared/util/clock.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { DocumentRecord } from '../records.ts';
import {
  DocumentReportedMisfiledError,
  MisfiledReasonError,
  NoPaperOriginalError,
  NotAScanError,
  OriginalDestroyedError,
} from './document-errors.ts';
import { commitLocalChange, EntityChangedError, newMutationId, type LocalChangeContext } from './local-change.ts';
import { openEntity, sealEntity } from './sealed-entities.ts';

const TABLE = 'documents';

/** A document as this device holds it: the service's, plus what the user reported of it here. */
export const cachedDocumentSchema = documentSchema.extend({
  /** Reported as misfiled on this device; the document leaves the cache when the service's deletion arrives. */
  misfiledReport: z.strictObject({ reason: z.string().min(1), reportedAt: isoDateTime }).optional(),
});
export type CachedDocument = z.infer<typeof cachedDocumentSchema>;

/** Type, register and sha256 stay in the sealed document: a medical certificate is health data. */
export async function documentRecord(cipher: CacheCipher, doc: CachedDocument): Promise<DocumentRecord> {
  return {
    ...(await sealEntity(cipher, TABLE, doc)),
    direction: doc.direction,
    status: doc.status,
    receivedOn: doc.receivedOn,
    pageCount: doc.pageCount,
    byteSize: doc.byteSize,
  };
}

export function createDocumentsRepo(ctx: LocalChangeContext) {
  const { db, cipher } = ctx;
  const open = (record: DocumentRecord) => openEntity(cipher, TABLE, record, cachedDocumentSchema);

  /** The document as it is now; a reported one takes no further changes. */
  async function current(id: DocumentId): Promise<{ record: DocumentRecord; doc: CachedDocument }> {
    const record = await db.documents.get(id);
    if (!record) throw new EntityChangedError();
    const doc = await open(record);
    if (doc.misfiledReport) throw new DocumentReportedMisfiledError();
    return { record, doc };
  }

  return {
    /** Inbox status (new → read → processed), through the outbox; the service keeps the last one set. */
    async setStatus(id: DocumentId, status: DocumentStatus): Promise<CachedDocument> {
      const { doc: before } = await current(id);
      if (before.status === status) return before;
      const updated = cachedDocumentSchema.parse({ ...before, status, updatedAt: isoNow(ctx.clock) });
      await commitLocalChange(
        ctx,
        TABLE,
        { id: newMutationId(), caseId: updated.caseId, entity: 'document', op: 'put', data: { id, status } },
        await documentRecord(cipher, updated),
      );
      return updated;
    },

    /**
     * Asks the scan service for the paper original ("Original anfordern"). Shown as requested at
     * once (`originalRequestedAt`, this device's time until the service's arrives). Asking again
     * changes nothing. Refused here once the device's date is past `originalRetainedUntil`; the
     * service decides by its own clock, so a request made in time but delivered too late is
     * refused there and stays in the outbox with the reason.
     */
    async requestOriginal(id: DocumentId): Promise<CachedDocument> {
      const { record, doc: before } = await current(id);
      if (before.originalRequestedAt) return before;
      const until = before.originalRetainedUntil;
      if (before.direction !== 'incoming' || !until) throw new NoPaperOriginalError();
      if (!originalStillExists(until, ctx.clock())) throw new OriginalDestroyedError(until);
      const now = isoNow(ctx.clock);
      const updated = cachedDocumentSchema.parse({ ...before, originalRequestedAt: now, updatedAt: now });
      await commitLocalChange(
        ctx,
        TABLE,
        { id: newMutationId(), caseId: updated.caseId, entity: 'document', op: 'requestOriginal', data: { id } },
        await documentRecord(cipher, updated),
        { expected: record },
      );
      return updated;
    },

    /**
     * Reports the scan as filed under the wrong case ("Falsch zugeordnet melden"). The document
     * stays visible, marked as reported (`misfiledReport`), until the service has taken it out of
     * the case and the next pull removes it from the device.
     */
    async reportMisfiled(id: DocumentId, reason: string): Promise<CachedDocument> {
      const text = reason.trim();
      if (!text) throw new MisfiledReasonError('misfiled-reason-empty', MAX_MISFILED_REASON_LENGTH);
      if (text.length > MAX_MISFILED_REASON_LENGTH)
        throw new MisfiledReasonError('misfiled-reason-too-long', MAX_MISFILED_REASON_LENGTH);
      const { record, doc: before } = await current(id);
      if (before.direction !== 'incoming') throw new NotAScanError();
      const now = isoNow(ctx.clock);
      const updated = cachedDocumentSchema.parse({
        ...before,
        misfiledReport: { reason: text, reportedAt: now },
        updatedAt: now,
      });
      await commitLocalChange(
        ctx,
        TABLE,
        {
          id: newMutationId(),
          caseId: updated.caseId,
          entity: 'document',
          op: 'reportMisfiled',
          data: { id, reason: text },
        },
        await documentRecord(cipher, updated),
        { expected: record },
      );
      return updated;
    },

    /** Opened for reading: a new document becomes read (one that is read or processed stays as it is). */
    async opened(id: DocumentId): Promise<void> {
      const record = await db.documents.get(id);
      if (record?.status === 'new') await this.setStatus(id, 'read');
    },
    async get(id: string): Promise<CachedDocument | undefined> {
      const record = await db.documents.get(id);
      return record ? open(record) : undefined;
    },
    async listForCase(caseId: string): Promise<CachedDocument[]> {
      const records = await db.documents
        .where('[caseId+receivedOn]')
        .between([caseId, ''], [caseId, '\uffff'])
        .reverse()
        .toArray();
      return Promise.all(records.map(open));
    },
    /** How far each of the case's documents is on the device: document id → bookkeeping state. */
    async storedStates(caseId: string): Promise<Map<string, 'missing' | 'partial' | 'complete'>> {
      const contents = await db.contents.where('caseId').equals(caseId).toArray();
      return new Map(contents.map((c) => [c.documentId, c.state]));
    },

    /** The inbox: incoming documents not yet processed, across the user's cases, unread first, newest first. */
    async inbox(): Promise<CachedDocument[]> {
      // One indexed read per status: `anyOf` would step a cursor over every matching record.
      const records = (
        await Promise.all(
          (['new', 'read'] as const).map((status) => db.documents.where('status').equals(status).toArray()),
        )
      ).flat();
      const documents = (await Promise.all(records.map(open))).filter((d) => d.direction === 'incoming');
      return documents.sort(
        (a, b) =>
          Number(b.status === 'new') - Number(a.status === 'new') ||
          b.receivedOn.localeCompare(a.receivedOn) ||
          a.title.localeCompare(b.title, 'de'),
      );
    },
  };
}
export type DocumentsRepo = ReturnType<typeof createDocumentsRepo>;
