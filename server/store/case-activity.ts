/**
 * What the service did to a case on a user's behalf, and who read the case's audit trail: one
 * row per applied mutation, accepted letter and audit query. Callers write it inside the
 * transaction of the change it records, so a change is never applied without its row.
 */
import type { AuditedEntity, ServiceAuditAction } from '../../src/shared/api/audit.ts';
import type { Database } from './database.ts';

export type CaseActivity = {
  readonly caseId: string;
  readonly userId: string;
  /** ISO date-time, service clock. */
  readonly at: string;
  readonly action: ServiceAuditAction;
  readonly entity?: AuditedEntity | undefined;
  readonly entityId?: string | undefined;
  readonly documentId?: string | undefined;
  readonly version?: number | undefined;
};

type Raw = {
  case_id: string;
  user_id: string;
  at: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  document_id: string | null;
  version: number | null;
};

export class CaseActivityLog {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  record(row: CaseActivity): void {
    this.#db
      .prepare(
        `INSERT INTO case_activity (case_id, user_id, at, action, entity, entity_id, document_id, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.caseId,
        row.userId,
        row.at,
        row.action,
        row.entity ?? null,
        row.entityId ?? null,
        row.documentId ?? null,
        row.version ?? null,
      );
  }

  /** All rows of a case in the order they were written. */
  listForCase(caseId: string): CaseActivity[] {
    const rows = this.#db
      .prepare(
        `SELECT case_id, user_id, at, action, entity, entity_id, document_id, version
         FROM case_activity WHERE case_id = ? ORDER BY seq`,
      )
      .all(caseId) as Raw[];
    return rows.map((raw) => ({
      caseId: raw.case_id,
      userId: raw.user_id,
      at: raw.at,
      action: raw.action as ServiceAuditAction,
      entity: (raw.entity ?? undefined) as AuditedEntity | undefined,
      entityId: raw.entity_id ?? undefined,
      documentId: raw.document_id ?? undefined,
      version: raw.version === null ? undefined : Number(raw.version),
    }));
  }
}
