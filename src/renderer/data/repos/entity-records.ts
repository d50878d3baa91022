/**
 * The record an entity from the service is stored as: the sealed entity and its index fields, per
 * kind. Used where the service's version enters the cache — a page of the change feed, or the
 * service's version a user takes over after a conflict.
 */
import type { PutChange } from '../../../shared/api/changes.ts';
import { assertNever } from '../../../shared/util/assert-never.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { SealedEntityRecord } from '../records.ts';
import { normalBgNumber } from './cases.ts';
import { documentRecord } from './documents.ts';
import { binding, sealEntity } from './sealed-entities.ts';

/** The record a put change is stored as (also the benchmark's raw-IndexedDB baseline). */
export async function recordOf(cipher: CacheCipher, change: PutChange): Promise<SealedEntityRecord> {
  switch (change.entity) {
    case 'case': {
      // A case is its own case: caseId = id, so purging by caseId takes the case row too.
      const [sealed, bgNumberMac] = await Promise.all([
        cipher.sealJson(change.data, binding('cases', change.data.id)),
        cipher.indexHash('bgNumber', normalBgNumber(change.data.bgNumber)),
      ]);
      return {
        id: change.data.id,
        caseId: change.data.id,
        version: change.data.version,
        updatedAt: change.data.updatedAt,
        sealed,
        bgNumberMac,
        status: change.data.status,
        ...(change.data.headPersonId ? { headPersonId: change.data.headPersonId } : {}),
      } as SealedEntityRecord;
    }
    case 'document':
      return documentRecord(cipher, change.data);
    case 'annotation':
      return {
        ...(await sealEntity(cipher, 'annotations', change.data)),
        documentId: change.data.documentId,
        page: change.data.page,
      } as SealedEntityRecord;
    case 'followUp':
      return {
        ...(await sealEntity(cipher, 'followUps', change.data)),
        dueOn: change.data.dueOn,
        done: change.data.done ? 1 : 0,
      } as SealedEntityRecord;
    case 'letter':
      return {
        ...(await sealEntity(cipher, 'letters', change.data)),
        status: change.data.status,
      } as SealedEntityRecord;
    case 'person':
      return sealEntity(cipher, 'persons', change.data);
    case 'note':
      return sealEntity(cipher, 'notes', change.data);
    default:
      return assertNever(change, 'change entity');
  }
}
