/** Sign-in and the signed-in user's view of their assignments. */
import { z } from 'zod';
import { assignmentRoleSchema } from '../domain/assignment.ts';
import { caseIdSchema, isoDateTime } from '../domain/ids.ts';
import { userSchema } from '../domain/user.ts';

export const loginRequestSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.strictObject({
  /** Bearer token for `Authorization: Bearer …`; opaque to the client. */
  accessToken: z.string().min(20).max(200),
  expiresAt: isoDateTime,
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const currentAssignmentSchema = z.strictObject({
  caseId: caseIdSchema,
  role: assignmentRoleSchema,
  from: isoDateTime.optional(),
  until: isoDateTime.optional(),
});
export type CurrentAssignment = z.infer<typeof currentAssignmentSchema>;

export const meResponseSchema = z.strictObject({
  user: userSchema,
  /** Ids of the cases assigned now (owner or valid substitution), sorted. */
  caseIds: z.array(caseIdSchema),
  assignments: z.array(currentAssignmentSchema),
});
export type MeResponse = z.infer<typeof meResponseSchema>;
