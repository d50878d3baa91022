/**
 * Outgoing letters: `POST /letters` is multipart with a `meta` part (JSON, this schema) and a
 * `pdf` part. The letter id is the idempotency key.
 */
import { z } from 'zod';
import {
  caseIdSchema,
  documentIdSchema,
  isoDateTime,
  letterIdSchema,
  personIdSchema,
  versionSchema,
} from '../domain/ids.ts';

export const letterMetaSchema = z.strictObject({
  id: letterIdSchema,
  caseId: caseIdSchema,
  recipientPersonId: personIdSchema,
  templateId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'Ungültige Vorlagenkennung'),
  subject: z.string().min(1).max(300),
});
export type LetterMeta = z.infer<typeof letterMetaSchema>;

/** Answer to `POST /letters`, the same for the first delivery and every replay. */
export const letterAcceptedSchema = z.strictObject({
  id: letterIdSchema,
  status: z.literal('accepted'),
  documentId: documentIdSchema,
});
export type LetterAccepted = z.infer<typeof letterAcceptedSchema>;

export const dispatchStatusSchema = z.enum(['accepted', 'printed', 'dispatched', 'failed']);
export type DispatchStatus = z.infer<typeof dispatchStatusSchema>;

export const letterStatusResponseSchema = z.strictObject({
  id: letterIdSchema,
  caseId: caseIdSchema,
  status: dispatchStatusSchema,
  failureReason: z.string().max(1000).optional(),
  documentId: documentIdSchema,
  updatedAt: isoDateTime,
  version: versionSchema,
});
export type LetterStatusResponse = z.infer<typeof letterStatusResponseSchema>;
