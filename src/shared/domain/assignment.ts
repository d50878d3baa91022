/** Who may see a case: its owner, and substitutes for a limited time. */
import { z } from 'zod';
import { caseIdSchema, isoDateTime, userIdSchema } from './ids.ts';

export const assignmentRoleSchema = z.enum(['owner', 'substitute']);
export type AssignmentRole = z.infer<typeof assignmentRoleSchema>;

export const assignmentSchema = z.strictObject({
  userId: userIdSchema,
  caseId: caseIdSchema,
  role: assignmentRoleSchema,
  from: isoDateTime.optional(),
  until: isoDateTime.optional(),
});
export type Assignment = z.infer<typeof assignmentSchema>;
