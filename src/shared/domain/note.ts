/** A Vermerk: a free-text note on a case. */
import { z } from 'zod';
import { caseIdSchema, isoDateTime, noteIdSchema, userIdSchema, versionSchema } from './ids.ts';

export const noteSchema = z.strictObject({
  id: noteIdSchema,
  caseId: caseIdSchema,
  text: z.string().min(1).max(20000),
  authorId: userIdSchema,
  authorName: z.string().min(1).max(200),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: versionSchema,
});
export type Note = z.infer<typeof noteSchema>;
