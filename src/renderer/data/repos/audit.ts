/**
 * Audit events: every document shown to the user, and every print or export, recorded on this
 * device — offline too — and delivered to the service like changes. They survive the case's
 * revocation and the eviction of its documents until the service has them.
 */
import type { AuditAction, AuditEvent } from '../../../shared/domain/audit.ts';
import type { AuditEventId, CaseId, DocumentId, UserId } from '../../../shared/domain/ids.ts';
import { isoNow } from '../../../shared/util/clock.ts';
import type { OutboxRecord } from '../records.ts';
import { whenIdle } from '../../platform/when-idle.ts';
import { caseLabel, type LocalChangeContext } from './local-change.ts';
import { auditEntry, newEntryId } from './outbox.ts';

/** What happened; `at` when it happened, if not now. */
export type AuditInput = { action: AuditAction; caseId: CaseId; documentId?: DocumentId; at?: string };

/** At most this long after `recordSoon`, the event is written even if the window never idles. */
const SOON_MS = 500;

export function createAuditRepo(ctx: LocalChangeContext, userId: UserId) {
  /** The event as an outbox entry, for callers that add it inside a transaction of their own. */
  async function entry(input: AuditInput): Promise<OutboxRecord> {
    const event: AuditEvent = {
      id: newEntryId() as AuditEventId,
      at: input.at ?? isoNow(ctx.clock),
      userId,
      caseId: input.caseId,
      ...(input.documentId ? { documentId: input.documentId } : {}),
      action: input.action,
    };
    return auditEntry(ctx.cipher, event, await caseLabel(ctx, input.caseId));
  }

  async function record(input: AuditInput): Promise<void> {
    const made = await entry(input);
    await ctx.db.transaction('rw', ctx.db.outbox, () => ctx.db.outbox.add(made));
  }

  // Events taken with `recordSoon` and not yet written.
  let soon: AuditInput[] = [];
  let cancelSoon: (() => void) | undefined;
  function writeSoon(): Promise<void> {
    cancelSoon?.();
    cancelSoon = undefined;
    const due = soon;
    soon = [];
    return Promise.all(due.map(record)).then(() => undefined);
  }

  return {
    entry,
    record,
    /**
     * Takes the event now, with this moment's time, and writes it once the window is idle — at
     * most half a second later — so that the write does not compete with what the user is
     * waiting for (the view being built). `flush` writes what is waiting at once; the session
     * runs it before it closes its database, the window when it is hidden or closed.
     */
    recordSoon(input: AuditInput): void {
      soon.push({ ...input, at: input.at ?? isoNow(ctx.clock) });
      cancelSoon ??= whenIdle(() => void writeSoon().catch(() => undefined), SOON_MS);
    },
    flush: writeSoon,
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
