/** An audit event: every view of a document is recorded, offline views too. */
import { z } from 'zod';
import { auditEventIdSchema, caseIdSchema, documentIdSchema, isoDateTime, userIdSchema } from './ids.ts';

export const auditActionSchema = z.enum([
  'case.open',
  'document.view',
  'document.print',
  'document.export',
  'letter.send',
  /** The user discarded a change the service had refused (it never reached the file). */
  'change.discard',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEventSchema = z.strictObject({
  id: auditEventIdSchema,
  at: isoDateTime,
  userId: userIdSchema,
  caseId: caseIdSchema,
  documentId: documentIdSchema.optional(),
  action: auditActionSchema,
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
