/** An outgoing letter, handed by the central service to the print-and-mail provider. */
import { z } from 'zod';
import { caseIdSchema, documentIdSchema, isoDateTime, letterIdSchema, personIdSchema, versionSchema } from './ids.ts';

export const letterStatusSchema = z.enum(['draft', 'queued', 'accepted', 'printed', 'dispatched', 'failed']);
export type LetterStatus = z.infer<typeof letterStatusSchema>;

export const letterSchema = z.strictObject({
  id: letterIdSchema,
  caseId: caseIdSchema,
  recipientPersonId: personIdSchema,
  templateId: z.string().min(1).max(64),
  subject: z.string().min(1).max(300),
  status: letterStatusSchema,
  failureReason: z.string().max(1000).optional(),
  documentId: documentIdSchema.optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: versionSchema,
});
export type Letter = z.infer<typeof letterSchema>;
