/**
 * A document of a case: usually scanned incoming mail, or an outgoing letter. Incoming mail
 * carries the dates of the scan service's eight-week rule: the paper original is kept until
 * `originalRetainedUntil` (scannedOn + 56 days) and destroyed afterwards; until then it can be
 * requested (`originalRequestedAt`). The three are optional because outgoing letters and
 * documents from before the rule have none; the reference service always sets the first two for
 * incoming mail.
 */
import { z } from 'zod';
import { caseIdSchema, documentIdSchema, isoDate, isoDateTime, sha256Hex, versionSchema } from './ids.ts';

/** Aktenregister: the section of the file a document is filed under. */
export const registerSchema = z.enum([
  'application',
  'income',
  'housing',
  'decisions',
  'correspondence',
  'identity',
  'other',
]);
export type Register = z.infer<typeof registerSchema>;

export const documentTypeSchema = z.enum([
  'application',
  'continuationApplication',
  'decision',
  'bankStatement',
  'tenancyAgreement',
  'payslip',
  'utilityBill',
  'identityDocument',
  'medicalCertificate',
  'letter',
  'other',
]);
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const documentDirectionSchema = z.enum(['incoming', 'outgoing']);

/** Inbox state: new (unread), read, processed. */
export const documentStatusSchema = z.enum(['new', 'read', 'processed']);
export type DocumentStatus = z.infer<typeof documentStatusSchema>;

export const MAX_PAGES = 5000;

export const documentSchema = z.strictObject({
  id: documentIdSchema,
  caseId: caseIdSchema,
  type: documentTypeSchema,
  register: registerSchema,
  title: z.string().min(1).max(300),
  direction: documentDirectionSchema,
  status: documentStatusSchema,
  receivedOn: isoDate,
  pageCount: z.number().int().min(1).max(MAX_PAGES),
  byteSize: z.number().int().min(1),
  sha256: sha256Hex,
  /** Incoming mail: the day the scan service scanned the paper. */
  scannedOn: isoDate.optional().meta({ description: 'Eingang: Tag, an dem der Scandienst das Papier gescannt hat.' }),
  /** Incoming mail: the last day the scan service keeps the paper original (scannedOn + 56 days). */
  originalRetainedUntil: isoDate.optional().meta({
    description:
      'Eingang: letzter Tag, an dem der Scandienst das Papieroriginal aufbewahrt (scannedOn + 56 Tage); danach ist es vernichtet.',
  }),
  /** When the paper original was first requested from the scan service (by anyone); the first time stays. */
  originalRequestedAt: isoDateTime.optional().meta({
    description:
      'Zeitpunkt der ersten Anforderung des Papieroriginals beim Scandienst; spätere Anforderungen ändern ihn nicht.',
  }),
  version: versionSchema,
  updatedAt: isoDateTime,
});
export type CaseDocument = z.infer<typeof documentSchema>;
