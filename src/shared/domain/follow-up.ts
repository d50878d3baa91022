/** A Wiedervorlage: a dated reminder on a case. */
import { z } from 'zod';
import { caseIdSchema, followUpIdSchema, isoDate, isoDateTime, userIdSchema, versionSchema } from './ids.ts';

export const followUpSchema = z.strictObject({
  id: followUpIdSchema,
  caseId: caseIdSchema,
  dueOn: isoDate,
  text: z.string().min(1).max(2000),
  done: z.boolean(),
  authorId: userIdSchema,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: versionSchema,
});
export type FollowUp = z.infer<typeof followUpSchema>;
