/** Document metadata of the cached cases. */
import { documentSchema, type CaseDocument } from '../../../shared/domain/document.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import type { DocumentRecord } from '../records.ts';
import { openEntity, sealEntity } from './sealed-entities.ts';

const TABLE = 'documents';

export async function documentRecord(cipher: CacheCipher, doc: CaseDocument): Promise<DocumentRecord> {
  return {
    ...(await sealEntity(cipher, TABLE, doc)),
    type: doc.type,
    register: doc.register,
    direction: doc.direction,
    status: doc.status,
    receivedOn: doc.receivedOn,
    pageCount: doc.pageCount,
    byteSize: doc.byteSize,
    sha256: doc.sha256,
  };
}

export function createDocumentsRepo(db: CacheDb, cipher: CacheCipher) {
  const open = (record: DocumentRecord) => openEntity(cipher, TABLE, record, documentSchema);
  return {
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
