/**
 * Who may see which case, and until when. Owner assignments are open-ended; substitutions carry
 * a validity period. Everything the API reads or writes goes through `visibleCases`.
 */
import type { AssignmentRole } from '../../src/shared/domain/assignment.ts';
import type { Database } from './database.ts';

export type AssignmentRow = {
  readonly userId: string;
  readonly caseId: string;
  readonly role: AssignmentRole;
  readonly from: number | undefined;
  readonly until: number | undefined;
};

type Raw = { user_id: string; case_id: string; role: string; valid_from: number | null; valid_until: number | null };

const toRow = (raw: Raw): AssignmentRow => ({
  userId: raw.user_id,
  caseId: raw.case_id,
  role: raw.role as AssignmentRole,
  from: raw.valid_from ?? undefined,
  until: raw.valid_until ?? undefined,
});

export class AssignmentStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  upsert(row: AssignmentRow): void {
    this.#db
      .prepare(
        `INSERT INTO assignments (user_id, case_id, role, valid_from, valid_until) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id, case_id) DO UPDATE SET role = excluded.role, valid_from = excluded.valid_from,
           valid_until = excluded.valid_until`,
      )
      .run(row.userId, row.caseId, row.role, row.from ?? null, row.until ?? null);
  }

  remove(userId: string, caseId: string): boolean {
    const result = this.#db.prepare('DELETE FROM assignments WHERE user_id = ? AND case_id = ?').run(userId, caseId);
    return Number(result.changes) > 0;
  }

  /** Assignments in force at `now`, keyed by case id. */
  visibleCases(userId: string, now: number): Map<string, AssignmentRow> {
    const rows = this.#db
      .prepare(
        `SELECT user_id, case_id, role, valid_from, valid_until FROM assignments
         WHERE user_id = ? AND (valid_from IS NULL OR valid_from <= ?) AND (valid_until IS NULL OR valid_until > ?)
         ORDER BY case_id`,
      )
      .all(userId, now, now) as Raw[];
    return new Map(rows.map((raw) => [raw.case_id, toRow(raw)]));
  }

  isVisible(userId: string, caseId: string, now: number): boolean {
    const row = this.#db
      .prepare(
        `SELECT 1 AS ok FROM assignments WHERE user_id = ? AND case_id = ?
         AND (valid_from IS NULL OR valid_from <= ?) AND (valid_until IS NULL OR valid_until > ?)`,
      )
      .get(userId, caseId, now, now);
    return row !== undefined;
  }
}
