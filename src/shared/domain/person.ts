/** A member of a Bedarfsgemeinschaft. Everything but the ids is personal data. */
import { z } from 'zod';
import { caseIdSchema, isoDate, isoDateTime, personIdSchema, versionSchema } from './ids.ts';

export const personRoleSchema = z.enum(['applicant', 'partner', 'child', 'other']);
export type PersonRole = z.infer<typeof personRoleSchema>;

export const addressSchema = z.strictObject({
  street: z.string().min(1).max(200),
  postalCode: z.string().regex(/^\d{5}$/),
  city: z.string().min(1).max(100),
});
export type Address = z.infer<typeof addressSchema>;

export const personSchema = z.strictObject({
  id: personIdSchema,
  caseId: caseIdSchema,
  role: personRoleSchema,
  firstName: z.string().min(1).max(100),
  lastName: z.string().min(1).max(100),
  birthDate: isoDate,
  address: addressSchema,
  version: versionSchema,
  updatedAt: isoDateTime,
});
export type Person = z.infer<typeof personSchema>;
