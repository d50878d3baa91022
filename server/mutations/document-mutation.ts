/**
 * The three things a client may do to a document (see the version rules in
 * `src/shared/api/mutations.ts`): set its inbox status; request its paper original from the scan
 * service while the eight-week rule still keeps it; report it as misfiled, which takes it out of
 * its case into the scan service's clarification queue. The caller has checked that the case is
 * visible to the user and that the document, if it exists, belongs to that case.
 */
import type { Mutation } from '../../src/shared/api/mutations.ts';
import { problemTypes } from '../../src/shared/api/problem.ts';
import { originalStillExists } from '../../src/shared/domain/original-retention.ts';
import { problem } from '../http/problem.ts';
import type { EntityRow } from '../store/entities.ts';
import {
  applied,
  rejected,
  rejectedWith,
  versionMismatch,
  type AppliedChange,
  type MutationContext,
  type MutationOutcome,
} from './outcome.ts';

type DocumentMutation = Extract<Mutation, { entity: 'document' }>;

const NOT_FOUND = 'Das Dokument wurde in dieser Akte nicht gefunden.';

const germanDay = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** `existing` is the document's row (live or a tombstone) when it belongs to the mutation's case. */
export function applyDocumentMutation(
  ctx: MutationContext,
  m: DocumentMutation,
  existing: EntityRow | undefined,
): MutationOutcome {
  if (m.op === 'reportMisfiled' && existing?.deleted) return reportedBefore(ctx, m, existing);
  const live = existing && !existing.deleted ? existing : undefined;
  if (!live) return rejected(m, 404, NOT_FOUND, problemTypes.notFound);
  if (m.baseVersion !== undefined && m.baseVersion !== live.version) return versionMismatch(m, live);
  switch (m.op) {
    case 'put': {
      const row = ctx.entities.put('document', live.id, m.caseId, (version) => ({
        ...live.data,
        status: m.data.status,
        version,
        updatedAt: ctx.nowIso,
      }));
      return applied(m, row, live);
    }
    case 'requestOriginal':
      return requestOriginal(ctx, m, live);
    case 'reportMisfiled':
      return reportMisfiled(ctx, m, live);
  }
}

function requestOriginal(ctx: MutationContext, m: DocumentMutation, live: EntityRow): MutationOutcome {
  const until = live.data['originalRetainedUntil'];
  if (live.data['direction'] !== 'incoming' || typeof until !== 'string') {
    return rejected(m, 422, 'Zu diesem Dokument gibt es beim Scandienst kein Papieroriginal.');
  }
  // Requested before (by anyone): the scan service already has it on its list, and the first time stays.
  if (live.data['originalRequestedAt'] !== undefined) return applied(m, live, live, { effect: false });
  if (!originalStillExists(until, ctx.now)) {
    return rejectedWith(m, {
      ...problem(
        410,
        problemTypes.originalDestroyed,
        'Gone',
        `Das Papieroriginal wurde nach der Acht-Wochen-Regel vernichtet; der Scandienst hat es bis zum ${germanDay(until)} aufbewahrt. Es gilt der Scan.`,
      ),
      originalRetainedUntil: until,
    });
  }
  const row = ctx.entities.put('document', live.id, m.caseId, (version) => ({
    ...live.data,
    originalRequestedAt: ctx.nowIso,
    version,
    updatedAt: ctx.nowIso,
  }));
  ctx.originals.record({
    documentId: live.id,
    caseId: m.caseId,
    userId: ctx.user.id,
    requestedAt: ctx.nowIso,
    mutationId: m.id,
  });
  return applied(m, row, live, { action: 'document.request-original' });
}

/**
 * The document leaves the case as a tombstone, so the change feed hands every client that holds
 * the case a `delete`; the annotations on it go with it. What the case had is kept in the
 * clarification queue, where the scan service sorts it out.
 */
function reportMisfiled(
  ctx: MutationContext,
  m: Extract<DocumentMutation, { op: 'reportMisfiled' }>,
  live: EntityRow,
): MutationOutcome {
  if (live.data['direction'] !== 'incoming') {
    return rejected(m, 422, 'Nur eingegangene Scans können als falsch zugeordnet gemeldet werden.');
  }
  const tombstone = ctx.entities.remove('document', live.id);
  if (!tombstone) return rejected(m, 404, NOT_FOUND, problemTypes.notFound);
  ctx.clarifications.add({
    documentId: live.id,
    caseId: m.caseId,
    reason: m.data.reason,
    userId: ctx.user.id,
    reportedAt: ctx.nowIso,
    mutationId: m.id,
    document: live.data,
  });
  const also: AppliedChange[] = [];
  for (const annotation of ctx.entities.listInCase('annotation', m.caseId)) {
    if (annotation.data['documentId'] !== live.id) continue;
    const gone = ctx.entities.remove('annotation', annotation.id);
    if (gone) {
      also.push({
        action: 'entity.delete',
        entity: 'annotation',
        entityId: gone.id,
        documentId: live.id,
        version: gone.version,
      });
    }
  }
  return applied(m, tombstone, live, { action: 'document.report-misfiled', also });
}

/** Reported before, by anyone, from this case: the document is out of the case already, as asked. */
function reportedBefore(ctx: MutationContext, m: DocumentMutation, tombstone: EntityRow): MutationOutcome {
  const queued = ctx.clarifications.get(tombstone.id);
  if (queued?.caseId !== m.caseId) return rejected(m, 404, NOT_FOUND, problemTypes.notFound);
  return applied(m, tombstone, undefined, { effect: false });
}
