/**
 * Audit events in batches (`POST /audit`), and the audit trail of a case for the data protection
 * officer (`GET /audit?caseId=`). Batch events are idempotent by event id and accepted for the
 * signed-in user only, also for cases no longer assigned: a view recorded offline must not be
 * lost because the case was revoked before the client came back online.
 */
import { z } from 'zod';
import { auditActionSchema, auditEventSchema } from '../domain/audit.ts';
import {
  auditEventIdSchema,
  caseIdSchema,
  documentIdSchema,
  idString,
  isoDateTime,
  userIdSchema,
  versionSchema,
} from '../domain/ids.ts';
import { MAX_AUDIT_EVENTS_PER_BATCH } from './limits.ts';
import { mutationEntitySchema } from './mutations.ts';
import { problemSchema } from './problem.ts';

export const auditBatchRequestSchema = z.strictObject({
  events: z.array(auditEventSchema).min(1).max(MAX_AUDIT_EVENTS_PER_BATCH),
});
export type AuditBatchRequest = z.infer<typeof auditBatchRequestSchema>;

export const auditResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ id: auditEventIdSchema, status: z.literal('recorded') }),
  z.strictObject({ id: auditEventIdSchema, status: z.literal('duplicate') }),
  z.strictObject({ id: auditEventIdSchema, status: z.literal('rejected'), problem: problemSchema }),
]);
export type AuditResult = z.infer<typeof auditResultSchema>;

export const auditBatchResponseSchema = z.strictObject({
  results: z.array(auditResultSchema).max(MAX_AUDIT_EVENTS_PER_BATCH),
});
export type AuditBatchResponse = z.infer<typeof auditBatchResponseSchema>;

/**
 * The audit trail of one case for the data protection officer (`GET /audit?caseId=`, role `dpo`
 * only), to answer a citizen's request under Art. 15 GDPR: who viewed or changed the case, and
 * when. It joins what the clients reported (views, prints, exports; `recordedBy: client`, with
 * the time of the user's device, so offline views keep their real time) and what the service
 * itself applied (`recordedBy: service`, service time): each applied mutation (`entity.create`,
 * `entity.update`, `entity.delete` with `entity`, `entityId`, the new `version`; a request for a
 * document's paper original is `document.request-original`, a report of a misfiled scan, which
 * takes the document out of the case, `document.report-misfiled`), each accepted
 * letter (`letter.accept`), and each reading of this trail (`case.audit-read`, the query itself
 * included).
 */
export const caseAuditQuerySchema = z.strictObject({ caseId: caseIdSchema });
export type CaseAuditQuery = z.infer<typeof caseAuditQuerySchema>;

export const serviceAuditActionSchema = z.enum([
  'entity.create',
  'entity.update',
  'entity.delete',
  'document.request-original',
  'document.report-misfiled',
  'letter.accept',
  'case.audit-read',
]);
export type ServiceAuditAction = z.infer<typeof serviceAuditActionSchema>;

export const caseAuditActionSchema = z.enum([...auditActionSchema.options, ...serviceAuditActionSchema.options]);
export type CaseAuditAction = z.infer<typeof caseAuditActionSchema>;

export const auditedEntitySchema = z.enum([...mutationEntitySchema.options, 'letter']);
export type AuditedEntity = z.infer<typeof auditedEntitySchema>;

export const caseAuditEntrySchema = z.strictObject({
  at: isoDateTime,
  userId: userIdSchema,
  /** The staff member's name as the service knows it now. */
  displayName: z.string().min(1).max(200),
  recordedBy: z.enum(['client', 'service']),
  action: caseAuditActionSchema,
  documentId: documentIdSchema.optional(),
  entity: auditedEntitySchema.optional(),
  entityId: idString.optional(),
  version: versionSchema.optional(),
});
export type CaseAuditEntry = z.infer<typeof caseAuditEntrySchema>;

export const caseAuditResponseSchema = z.strictObject({
  caseId: caseIdSchema,
  /** Oldest first. */
  events: z.array(caseAuditEntrySchema),
});
export type CaseAuditResponse = z.infer<typeof caseAuditResponseSchema>;
