/** A signed-in staff member of the job centre. */
import { z } from 'zod';
import { userIdSchema } from './ids.ts';

/** `dpo`: the data protection officer, who may read the audit trail of any case but no case itself. */
export const roleSchema = z.enum(['caseworker', 'teamlead', 'admin', 'dpo']);
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.strictObject({
  id: userIdSchema,
  username: z.string().min(1).max(64),
  displayName: z.string().min(1).max(200),
  roles: z.array(roleSchema).max(8),
});
export type User = z.infer<typeof userSchema>;
