/**
 * Audit events in batches. Idempotent by event id. Events are accepted for the signed-in user
 * only, also for cases no longer assigned: a view recorded offline must not be lost because the
 * case was revoked before the client came back online.
 */
import { z } from 'zod';
import { auditEventSchema } from '../domain/audit.ts';
import { auditEventIdSchema } from '../domain/ids.ts';
import { MAX_AUDIT_EVENTS_PER_BATCH } from './limits.ts';
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
