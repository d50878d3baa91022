/**
 * The scan service's clarification queue: scans a case worker reported as filed under the wrong
 * case. The document has left its case (a tombstone in the entity store, so the change feed tells
 * every client to drop it); here it is kept as it was, with the old case, the reason, who reported
 * it and when, until the clarification office files it correctly. Its bytes stay in the blob store.
 */
import type { Database } from './database.ts';

export type Clarification = {
  readonly documentId: string;
  /** The case the scan had been filed under. */
  readonly caseId: string;
  readonly reason: string;
  readonly userId: string;
  /** ISO date-time, service clock. */
  readonly reportedAt: string;
  readonly mutationId: string;
  /** The document as the case saw it before it was taken out. */
  readonly document: Record<string, unknown>;
};

type Raw = {
  document_id: string;
  case_id: string;
  reason: string;
  user_id: string;
  reported_at: string;
  mutation_id: string;
  document: string;
};

const toClarification = (raw: Raw): Clarification => ({
  documentId: raw.document_id,
  caseId: raw.case_id,
  reason: raw.reason,
  userId: raw.user_id,
  reportedAt: raw.reported_at,
  mutationId: raw.mutation_id,
  document: JSON.parse(raw.document) as Record<string, unknown>,
});

export class ClarificationQueue {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Call inside the transaction that takes the document out of its case. */
  add(item: Clarification): void {
    this.#db
      .prepare(
        `INSERT INTO clarifications (document_id, case_id, reason, user_id, reported_at, mutation_id, document)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        item.documentId,
        item.caseId,
        item.reason,
        item.userId,
        item.reportedAt,
        item.mutationId,
        JSON.stringify(item.document),
      );
  }

  get(documentId: string): Clarification | undefined {
    const raw = this.#db.prepare('SELECT * FROM clarifications WHERE document_id = ?').get(documentId) as
      Raw | undefined;
    return raw ? toClarification(raw) : undefined;
  }

  /** Oldest report first. */
  list(): Clarification[] {
    return (this.#db.prepare('SELECT * FROM clarifications ORDER BY seq').all() as Raw[]).map(toClarification);
  }
}
