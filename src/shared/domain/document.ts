/** A document of a case: usually scanned incoming mail, or an outgoing letter. */
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
  version: versionSchema,
  updatedAt: isoDateTime,
});
export type CaseDocument = z.infer<typeof documentSchema>;
