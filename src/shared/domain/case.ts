/** A case file (Akte) of one Bedarfsgemeinschaft. */
import { z } from 'zod';
import { bgNumberSchema, caseIdSchema, isoDate, isoDateTime, personIdSchema, versionSchema } from './ids.ts';

export const caseStatusSchema = z.enum(['active', 'closed']);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const caseSchema = z.strictObject({
  id: caseIdSchema,
  bgNumber: bgNumberSchema,
  status: caseStatusSchema,
  openedOn: isoDate,
  headPersonId: personIdSchema.optional(),
  version: versionSchema,
  updatedAt: isoDateTime,
});
export type Case = z.infer<typeof caseSchema>;
