/**
 * Branded identifiers. Ids travel in URLs and file names, so they are restricted to a safe
 * alphabet (no path characters) and a bounded length.
 */
import { z } from 'zod';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const idString = z.string().regex(ID_PATTERN, 'Ungültige Kennung');

export const caseIdSchema = idString.brand<'CaseId'>();
export type CaseId = z.infer<typeof caseIdSchema>;
export const personIdSchema = idString.brand<'PersonId'>();
export type PersonId = z.infer<typeof personIdSchema>;
export const documentIdSchema = idString.brand<'DocumentId'>();
export type DocumentId = z.infer<typeof documentIdSchema>;
export const annotationIdSchema = idString.brand<'AnnotationId'>();
export type AnnotationId = z.infer<typeof annotationIdSchema>;
export const noteIdSchema = idString.brand<'NoteId'>();
export type NoteId = z.infer<typeof noteIdSchema>;
export const followUpIdSchema = idString.brand<'FollowUpId'>();
export type FollowUpId = z.infer<typeof followUpIdSchema>;
export const letterIdSchema = idString.brand<'LetterId'>();
export type LetterId = z.infer<typeof letterIdSchema>;
export const userIdSchema = idString.brand<'UserId'>();
export type UserId = z.infer<typeof userIdSchema>;
export const auditEventIdSchema = idString.brand<'AuditEventId'>();
export type AuditEventId = z.infer<typeof auditEventIdSchema>;
export const mutationIdSchema = idString.brand<'MutationId'>();
export type MutationId = z.infer<typeof mutationIdSchema>;

/** BG number of a Bedarfsgemeinschaft, e.g. 12345BG0012345. */
export const bgNumberSchema = z
  .string()
  .regex(/^\d{5}BG\d{7}$/, 'Ungültige BG-Nummer')
  .brand<'BgNumber'>();
export type BgNumber = z.infer<typeof bgNumberSchema>;

/** Entity version as counted by the central service; starts at 1. */
export const versionSchema = z.number().int().min(1);

export const isoDateTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Ungültige SHA-256-Prüfsumme');
