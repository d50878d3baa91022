/**
 * A page-anchored mark kept beside the scan, never written into the PDF: the scan is the legal
 * copy once the paper is destroyed.
 */
import { z } from 'zod';
import { annotationIdSchema, caseIdSchema, documentIdSchema, isoDateTime, userIdSchema, versionSchema } from './ids.ts';

/** Rectangle in PDF points (1/72 in), origin at the page's top-left corner, unrotated. */
export const rectSchema = z.strictObject({
  x: z.number().finite().min(0).max(14400),
  y: z.number().finite().min(0).max(14400),
  width: z.number().finite().min(0).max(14400),
  height: z.number().finite().min(0).max(14400),
});
export type Rect = z.infer<typeof rectSchema>;

export const annotationKindSchema = z.enum(['highlight', 'note', 'stamp']);
export type AnnotationKind = z.infer<typeof annotationKindSchema>;

/** Stamps: Eingegangen, Geprüft, Erledigt. */
export const stampKindSchema = z.enum(['received', 'checked', 'done']);
export type StampKind = z.infer<typeof stampKindSchema>;

export const annotationSchema = z.strictObject({
  id: annotationIdSchema,
  caseId: caseIdSchema,
  documentId: documentIdSchema,
  page: z.number().int().min(1),
  rect: rectSchema,
  kind: annotationKindSchema,
  text: z.string().max(4000).optional(),
  stamp: stampKindSchema.optional(),
  authorId: userIdSchema,
  authorName: z.string().min(1).max(200),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: versionSchema,
});
export type Annotation = z.infer<typeof annotationSchema>;
