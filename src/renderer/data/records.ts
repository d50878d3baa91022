/**
 * What the cache stores per table. Fields in the clear tell nothing about whose file it is: ids,
 * dates, states and sizes; BG numbers and sha256 values only as keyed hashes (HMAC under a key
 * derived from the cache key, see crypto/cache-keys.ts). Everything of an entity — document type
 * and register too — is in `sealed` (AES-GCM under the cache key).
 */
import type { MutationOp } from '../../shared/api/mutations.ts';

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

/**
 * `bgNumberMac` finds a case by its BG number without holding it; `headPersonId` (an id, not
 * personal) lets a list read the applicant without opening the case first.
 */
export type CaseRecord = SealedEntityRecord & { bgNumberMac: string; status: string; headPersonId?: string };
export type PersonRecord = SealedEntityRecord;
export type DocumentRecord = SealedEntityRecord & {
  direction: string;
  status: string;
  receivedOn: string;
  pageCount: number;
  byteSize: number;
};
export type AnnotationRecord = SealedEntityRecord & { documentId: string; page: number };
export type NoteRecord = SealedEntityRecord;
export type FollowUpRecord = SealedEntityRecord & { dueOn: string; done: 0 | 1 };
export type LetterRecord = SealedEntityRecord & { status: string };

export type ContentState = 'missing' | 'partial' | 'complete';

/** Bookkeeping of a document's bytes; the bytes themselves are in `contentChunks`. */
export type ContentRecord = {
  documentId: string;
  /** The document's case now (a document moved to another case goes with that case). */
  caseId: string;
  /**
   * The keyed hash of the bytes' sha256, set when the first chunk is stored: tells whether a new
   * version brings other bytes. Absent while nothing is stored (then there is nothing to keep).
   */
  sha256Mac?: string;
  /** The document version that brought these bytes; chunks are sealed for it (see contents.ts). */
  bytesVersion: number;
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
  /**
   * Sealed bytes the viewer keeps beside the chunks (view index, first-view picture); they count
   * in the cache budget. Absent: none.
   */
  viewBytes?: number;
};

export type ContentChunkRecord = { documentId: string; index: number; sealed: Sealed };

/** What an outbox entry delivers: a change (`POST /mutations`), an audit event (`POST /audit`), a letter (`POST /letters`). */
export type OutboxKind = 'mutation' | 'audit' | 'letter';

/**
 * `pending`: waiting to be delivered (also while it is retried after a network error);
 * `conflict`: the service holds a newer version, the user chooses; `rejected`: the service refused
 * it, the user edits and resends or discards it; `undeliverable`: its case was revoked, kept for
 * the retention period and then purged.
 */
export type OutboxStatus = 'pending' | 'conflict' | 'rejected' | 'undeliverable';

/** Why an entry is not delivered yet: a code with parameters; the UI says it in the user's language. */
export type OutboxError = { code: string; params?: Record<string, string | number> };

/**
 * A local change waiting for delivery. `id` is its idempotency key, fixed when it is made. What it
 * carries (which may contain personal text) is sealed; the fields in the clear are ids, states and
 * times. `baseVersion` is kept in the clear because delivery sets it when the entry before it for
 * the same entity is applied (`chained`).
 */
export type OutboxRecord = {
  seq?: number;
  id: string;
  kind: OutboxKind;
  caseId: string;
  entity?: string;
  entityId?: string;
  op?: MutationOp;
  baseVersion?: number;
  /** 1 while the version to build on is the one an earlier, undelivered entry of this entity will get. */
  chained?: 0 | 1;
  createdAt: string;
  attempts: number;
  status: OutboxStatus;
  lastError?: OutboxError;
  lastAttemptAt?: string;
  undeliverableSince?: string;
  sealed: Sealed;
  /** With a conflict: the service's current entity (null when it no longer exists), sealed. */
  sealedServer?: Sealed;
};

export type SyncStateRecord = { key: string; value: unknown };
