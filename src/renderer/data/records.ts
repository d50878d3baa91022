/**
 * What the cache stores per table. Indexed fields are non-personal (ids, BG number, dates, status,
 * type, sizes); everything else of an entity is in `sealed` (AES-GCM under the cache key).
 */
import type { AuditAction } from '../../shared/domain/audit.ts';

type Sealed = Uint8Array<ArrayBuffer>;

export type SealedEntityRecord = {
  id: string;
  caseId: string;
  version: number;
  updatedAt: string;
  sealed: Sealed;
  /** Snapshot generation that last confirmed this record (see sync/pull.ts); absent for local edits. */
  epoch?: number;
};

/** `headPersonId` (an id, not personal) lets a list read the applicant without opening the case first. */
export type CaseRecord = SealedEntityRecord & { bgNumber: string; status: string; headPersonId?: string };
export type PersonRecord = SealedEntityRecord;
export type DocumentRecord = SealedEntityRecord & {
  type: string;
  register: string;
  direction: string;
  status: string;
  receivedOn: string;
  pageCount: number;
  byteSize: number;
  sha256: string;
};
export type AnnotationRecord = SealedEntityRecord & { documentId: string; page: number };
export type NoteRecord = SealedEntityRecord;
export type FollowUpRecord = SealedEntityRecord & { dueOn: string; done: 0 | 1 };
export type LetterRecord = SealedEntityRecord & { status: string };

export type ContentState = 'missing' | 'partial' | 'complete';

/** Bookkeeping of a document's bytes; the bytes themselves are in `contentChunks`. */
export type ContentRecord = {
  documentId: string;
  caseId: string;
  sha256: string;
  byteSize: number;
  /** Bytes stored so far, always a whole number of chunks (the last may be short). */
  storedBytes: number;
  chunkSize: number;
  state: ContentState;
  /** Epoch ms of the last time the document was opened; drives LRU eviction. */
  lastAccessAt: number;
  pinned: 0 | 1;
  /** Failed fetches in a row (bad checksum, broken answers); backs off after a few. */
  failures: number;
};

export type ContentChunkRecord = { documentId: string; index: number; sealed: Sealed };

export type OutboxStatus = 'pending' | 'failed' | 'undeliverable';

/**
 * A local change waiting to be delivered. `mutationId` is the idempotency key; the payload
 * (which may contain personal text) is sealed.
 */
export type OutboxRecord = {
  seq?: number;
  mutationId: string;
  caseId: string;
  entity: string;
  entityId: string;
  op: 'put' | 'delete';
  baseVersion?: number;
  createdAt: string;
  attempts: number;
  status: OutboxStatus;
  lastError?: string;
  sealed: Sealed;
};

export type SyncStateRecord = { key: string; value: unknown };

export type AuditRecord = {
  id: string;
  at: string;
  userId: string;
  caseId: string;
  documentId?: string;
  action: AuditAction;
  sent: 0 | 1;
};
