/**
 * Client changes, delivered in batches from the outbox. The mutation `id` is the idempotency
 * key: a replay answers `duplicate` with the first result and changes nothing.
 *
 * Version rules (per entity): `put` without `baseVersion` creates and conflicts when the entity
 * exists; `put` with `baseVersion` updates and conflicts when the server's version is newer or
 * the entity is gone; `delete` with `baseVersion` is conditional, without it unconditional.
 *
 * Documents are never created or deleted by clients. Their three operations all work without
 * `baseVersion` (clients send none; with one, an older base answers `conflict` as for `put`):
 * - `put` sets the inbox status; the last writer wins.
 * - `requestOriginal` asks the scan service for the paper original. Applied while
 *   `originalRetainedUntil` is today or later (service clock, calendar day in Germany): sets
 *   `originalRequestedAt` and a new version. Asked again (by anyone) it answers `applied` with the
 *   current version and keeps the first time. After the retention day it is `rejected` with
 *   `/problems/original-destroyed` (status 410, extension member `originalRetainedUntil`); a
 *   document without a paper original (an outgoing letter) is `rejected` with status 422.
 * - `reportMisfiled` reports a scan filed under the wrong case, with the reason. The service
 *   takes the document (and the annotations on it) out of the case into its clarification queue:
 *   `applied` with the version of the document's tombstone, and the change feed carries a
 *   `delete` for it to everyone who has the case; its content answers 404 from then on. Reported
 *   again after that (by anyone, for the same case) it answers `applied` with that version;
 *   outgoing letters are `rejected` with status 422.
 */
import { z } from 'zod';
import { annotationKindSchema, annotationSchema, rectSchema, stampKindSchema } from '../domain/annotation.ts';
import { documentSchema, documentStatusSchema } from '../domain/document.ts';
import { followUpSchema } from '../domain/follow-up.ts';
import {
  annotationIdSchema,
  caseIdSchema,
  documentIdSchema,
  followUpIdSchema,
  isoDate,
  mutationIdSchema,
  noteIdSchema,
  versionSchema,
} from '../domain/ids.ts';
import { noteSchema } from '../domain/note.ts';
import { MAX_MUTATIONS_PER_BATCH } from './limits.ts';
import { problemSchema } from './problem.ts';

export const mutationEntitySchema = z.enum(['annotation', 'note', 'followUp', 'document']);
export type MutationEntity = z.infer<typeof mutationEntitySchema>;

export const annotationInputSchema = z.strictObject({
  id: annotationIdSchema,
  documentId: documentIdSchema,
  page: z.number().int().min(1).max(5000),
  rect: rectSchema,
  kind: annotationKindSchema,
  text: z.string().max(4000).optional(),
  stamp: stampKindSchema.optional(),
});
export type AnnotationInput = z.infer<typeof annotationInputSchema>;

export const noteInputSchema = z.strictObject({
  id: noteIdSchema,
  text: z.string().min(1).max(20000),
});
export type NoteInput = z.infer<typeof noteInputSchema>;

export const followUpInputSchema = z.strictObject({
  id: followUpIdSchema,
  dueOn: isoDate,
  text: z.string().min(1).max(2000),
  done: z.boolean(),
});
export type FollowUpInput = z.infer<typeof followUpInputSchema>;

export const documentStatusInputSchema = z.strictObject({
  id: documentIdSchema,
  status: documentStatusSchema,
});
export type DocumentStatusInput = z.infer<typeof documentStatusInputSchema>;

export const requestOriginalInputSchema = z.strictObject({ id: documentIdSchema });
export type RequestOriginalInput = z.infer<typeof requestOriginalInputSchema>;

export const MAX_MISFILED_REASON_LENGTH = 1000;

export const reportMisfiledInputSchema = z.strictObject({
  id: documentIdSchema,
  /** What is wrong, for the clarification office, e.g. which household the scan belongs to. */
  reason: z.string().min(1).max(MAX_MISFILED_REASON_LENGTH).regex(/\S/, 'Bitte geben Sie einen Grund an.'),
});
export type ReportMisfiledInput = z.infer<typeof reportMisfiledInputSchema>;

const envelope = {
  id: mutationIdSchema,
  caseId: caseIdSchema,
  baseVersion: versionSchema.optional(),
};

function putAndDelete<E extends MutationEntity, P extends z.ZodType, I extends z.ZodType>(entity: E, put: P, id: I) {
  return z.discriminatedUnion('op', [
    z.strictObject({ ...envelope, entity: z.literal(entity), op: z.literal('put'), data: put }),
    z.strictObject({ ...envelope, entity: z.literal(entity), op: z.literal('delete'), data: z.strictObject({ id }) }),
  ]);
}

export const mutationSchema = z.discriminatedUnion('entity', [
  putAndDelete('annotation', annotationInputSchema, annotationIdSchema),
  putAndDelete('note', noteInputSchema, noteIdSchema),
  putAndDelete('followUp', followUpInputSchema, followUpIdSchema),
  z.discriminatedUnion('op', [
    z.strictObject({
      ...envelope,
      entity: z.literal('document'),
      op: z.literal('put'),
      data: documentStatusInputSchema,
    }),
    z.strictObject({
      ...envelope,
      entity: z.literal('document'),
      op: z.literal('requestOriginal'),
      data: requestOriginalInputSchema,
    }),
    z.strictObject({
      ...envelope,
      entity: z.literal('document'),
      op: z.literal('reportMisfiled'),
      data: reportMisfiledInputSchema,
    }),
  ]),
]);
export type Mutation = z.infer<typeof mutationSchema>;
export type MutationOp = Mutation['op'];

export const mutationBatchRequestSchema = z.strictObject({
  mutations: z.array(mutationSchema).min(1).max(MAX_MUTATIONS_PER_BATCH),
});
export type MutationBatchRequest = z.infer<typeof mutationBatchRequestSchema>;

/** The server's current state of a mutated entity; `null` when it does not exist (any more). */
export const currentEntitySchema = z.union([annotationSchema, noteSchema, followUpSchema, documentSchema]).nullable();

export const appliedResultSchema = z.strictObject({
  mutationId: mutationIdSchema,
  status: z.literal('applied'),
  /** The entity's version after the mutation (for a delete: the version of the tombstone). */
  version: versionSchema,
});

export const conflictResultSchema = z.strictObject({
  mutationId: mutationIdSchema,
  status: z.literal('conflict'),
  current: currentEntitySchema,
});

export const rejectedResultSchema = z.strictObject({
  mutationId: mutationIdSchema,
  status: z.literal('rejected'),
  problem: problemSchema,
});

export const firstResultSchema = z.discriminatedUnion('status', [
  appliedResultSchema,
  conflictResultSchema,
  rejectedResultSchema,
]);
export type FirstResult = z.infer<typeof firstResultSchema>;

export const duplicateResultSchema = z.strictObject({
  mutationId: mutationIdSchema,
  status: z.literal('duplicate'),
  first: firstResultSchema,
});

export const mutationResultSchema = z.discriminatedUnion('status', [
  appliedResultSchema,
  conflictResultSchema,
  rejectedResultSchema,
  duplicateResultSchema,
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

/** One result per mutation, in request order. */
export const mutationBatchResponseSchema = z.strictObject({
  results: z.array(mutationResultSchema).max(MAX_MUTATIONS_PER_BATCH),
});
export type MutationBatchResponse = z.infer<typeof mutationBatchResponseSchema>;
