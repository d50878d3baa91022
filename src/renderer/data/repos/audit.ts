/**
 * Audit events: every document shown to the user, and every print or export, recorded on this
 * device — offline too — and delivered to the service like changes. They survive the case's
 * revocation and the eviction of its documents until the service has them.
 */
import type { AuditAction, AuditEvent } from '../../../shared/domain/audit.ts';
import type { AuditEventId, CaseId, DocumentId, UserId } from '../../../shared/domain/ids.ts';
import { isoNow } from '../../../shared/util/clock.ts';
import type { OutboxRecord } from '../records.ts';
import { caseLabel, type LocalChangeContext } from './local-change.ts';
import { auditEntry, newEntryId } from './outbox.ts';

export type AuditInput = { action: AuditAction; caseId: CaseId; documentId?: DocumentId };

export function createAuditRepo(ctx: LocalChangeContext, userId: UserId) {
  /** The event as an outbox entry, for callers that add it inside a transaction of their own. */
  async function entry(input: AuditInput): Promise<OutboxRecord> {
    const event: AuditEvent = {
      id: newEntryId() as AuditEventId,
      at: isoNow(ctx.clock),
      userId,
      caseId: input.caseId,
      ...(input.documentId ? { documentId: input.documentId } : {}),
      action: input.action,
    };
    return auditEntry(ctx.cipher, event, await caseLabel(ctx, input.caseId));
  }

  return {
    entry,
    async record(input: AuditInput): Promise<void> {
      const made = await entry(input);
      await ctx.db.transaction('rw', ctx.db.outbox, () => ctx.db.outbox.add(made));
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
