/**
 * Paper originals asked of the scan service: one row per document, the first request. The scan
 * service works from this list; callers write it in the transaction of the mutation it records.
 */
import type { Database } from './database.ts';

export type OriginalRequest = {
  readonly documentId: string;
  readonly caseId: string;
  readonly userId: string;
  /** ISO date-time, service clock. */
  readonly requestedAt: string;
  readonly mutationId: string;
};

type Raw = { document_id: string; case_id: string; user_id: string; requested_at: string; mutation_id: string };

const toRequest = (raw: Raw): OriginalRequest => ({
  documentId: raw.document_id,
  caseId: raw.case_id,
  userId: raw.user_id,
  requestedAt: raw.requested_at,
  mutationId: raw.mutation_id,
});

export class OriginalRequestLog {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Records the first request for a document; a later one changes nothing. */
  record(request: OriginalRequest): void {
    this.#db
      .prepare(
        `INSERT INTO original_requests (document_id, case_id, user_id, requested_at, mutation_id)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (document_id) DO NOTHING`,
      )
      .run(request.documentId, request.caseId, request.userId, request.requestedAt, request.mutationId);
  }

  list(): OriginalRequest[] {
    return (this.#db.prepare('SELECT * FROM original_requests ORDER BY requested_at, document_id').all() as Raw[]).map(
      toRequest,
    );
  }
}
