/**
 * The audit trail of one case, as the data protection officer reads it: the clients' audit
 * events (views, prints, exports) and the service's own records (applied changes, accepted
 * letters, earlier audit queries), with each user's name, oldest first.
 */
import type { CaseAuditEntry } from '../../src/shared/api/audit.ts';
import { auditEventSchema } from '../../src/shared/domain/audit.ts';
import type { Database } from '../store/database.ts';
import type { CaseActivityLog } from '../store/case-activity.ts';
import type { UserStore } from '../store/users.ts';

export type TrailSources = {
  readonly db: Database;
  readonly activity: CaseActivityLog;
  readonly users: UserStore;
};

export function readCaseAuditTrail(sources: TrailSources, caseId: string): CaseAuditEntry[] {
  const names = new Map<string, string>();
  const nameOf = (userId: string) => {
    let name = names.get(userId);
    if (name === undefined) {
      name = sources.users.byId(userId)?.displayName ?? userId;
      names.set(userId, name);
    }
    return name;
  };

  const reported = sources.db
    .prepare('SELECT data FROM audit_events WHERE case_id = ? ORDER BY at, id')
    .all(caseId) as { data: string }[];
  const fromClients = reported.map(({ data }): CaseAuditEntry => {
    // Stored exactly as accepted by `POST /audit`, so it parses; a row that does not is a bug.
    const event = auditEventSchema.parse(JSON.parse(data));
    return {
      at: new Date(event.at).toISOString(),
      userId: event.userId,
      displayName: nameOf(event.userId),
      recordedBy: 'client',
      action: event.action,
      ...(event.documentId !== undefined ? { documentId: event.documentId } : {}),
    };
  });
  const fromService = sources.activity.listForCase(caseId).map(
    (row): CaseAuditEntry =>
      ({
        at: row.at,
        userId: row.userId,
        displayName: nameOf(row.userId),
        recordedBy: 'service',
        action: row.action,
        ...(row.documentId !== undefined ? { documentId: row.documentId } : {}),
        ...(row.entity !== undefined ? { entity: row.entity } : {}),
        ...(row.entityId !== undefined ? { entityId: row.entityId } : {}),
        ...(row.version !== undefined ? { version: row.version } : {}),
      }) as CaseAuditEntry,
  );
  // Stable: at equal times, client reports come before the service's records, each in its own order.
  return [...fromClients, ...fromService].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
