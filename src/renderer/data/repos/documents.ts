/** Document metadata of the cached cases. */
import { documentSchema, type CaseDocument, type DocumentStatus } from '../../../shared/domain/document.ts';
import type { DocumentId } from '../../../shared/domain/ids.ts';
import { isoNow } from '../../../shared/util/clock.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { DocumentRecord } from '../records.ts';
import { commitLocalChange, EntityChangedError, newMutationId, type LocalChangeContext } from './local-change.ts';
import { openEntity, sealEntity } from './sealed-entities.ts';

const TABLE = 'documents';

/** Type, register and sha256 stay in the sealed document: a medical certificate is health data. */
export async function documentRecord(cipher: CacheCipher, doc: CaseDocument): Promise<DocumentRecord> {
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
  const open = (record: DocumentRecord) => openEntity(cipher, TABLE, record, documentSchema);
  return {
    /** Inbox status (new → read → processed), through the outbox; the service keeps the last one set. */
    async setStatus(id: DocumentId, status: DocumentStatus): Promise<CaseDocument> {
      const current = await db.documents.get(id);
      if (!current) throw new EntityChangedError();
      const before = await open(current);
      if (before.status === status) return before;
      const updated = documentSchema.parse({ ...before, status, updatedAt: isoNow(ctx.clock) });
      await commitLocalChange(
        ctx,
        TABLE,
        { id: newMutationId(), caseId: updated.caseId, entity: 'document', op: 'put', data: { id, status } },
        await documentRecord(cipher, updated),
      );
      return updated;
    },
    async get(id: string): Promise<CaseDocument | undefined> {
      const record = await db.documents.get(id);
      return record ? open(record) : undefined;
    },
    async listForCase(caseId: string): Promise<CaseDocument[]> {
      const records = await db.documents
        .where('[caseId+receivedOn]')
        .between([caseId, ''], [caseId, '\uffff'])
        .reverse()
        .toArray();
      return Promise.all(records.map(open));
    },
    async inbox(): Promise<CaseDocument[]> {
      const records = await db.documents.where('status').equals('new').toArray();
      return Promise.all(records.map(open));
    },
  };
}
export type DocumentsRepo = ReturnType<typeof createDocumentsRepo>;
