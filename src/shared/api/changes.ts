/**
 * The change feed: everything under the user's assigned cases, in server order. A page is
 * applied by the client in one transaction; `cursor` is opaque and only ever handed back.
 */
import { z } from 'zod';
import { annotationSchema } from '../domain/annotation.ts';
import { caseSchema } from '../domain/case.ts';
import { documentSchema } from '../domain/document.ts';
import { followUpSchema } from '../domain/follow-up.ts';
import { caseIdSchema, idString, versionSchema } from '../domain/ids.ts';
import { letterSchema } from '../domain/letter.ts';
import { noteSchema } from '../domain/note.ts';
import { personSchema } from '../domain/person.ts';
import { DEFAULT_CHANGES_LIMIT, MAX_CHANGES_LIMIT } from './limits.ts';

export const feedEntitySchema = z.enum(['case', 'person', 'document', 'annotation', 'note', 'followUp', 'letter']);
export type FeedEntity = z.infer<typeof feedEntitySchema>;

/** Cursors are opaque tokens; the alphabet is fixed so they travel in a query string unescaped. */
export const cursorSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'Ungültiger Cursor');

export const changesQuerySchema = z.strictObject({
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_CHANGES_LIMIT).default(DEFAULT_CHANGES_LIMIT),
});
export type ChangesQuery = z.infer<typeof changesQuerySchema>;

function putOf<E extends FeedEntity, S extends z.ZodType>(entity: E, data: S) {
  return z.strictObject({
    entity: z.literal(entity),
    op: z.literal('put'),
    id: idString,
    caseId: caseIdSchema,
    version: versionSchema,
    data,
  });
}

export const putChangeSchema = z.discriminatedUnion('entity', [
  putOf('case', caseSchema),
  putOf('person', personSchema),
  putOf('document', documentSchema),
  putOf('annotation', annotationSchema),
  putOf('note', noteSchema),
  putOf('followUp', followUpSchema),
  putOf('letter', letterSchema),
]);
export type PutChange = z.infer<typeof putChangeSchema>;

/** The entity was deleted on the server; `version` is the version of the deletion. */
export const deleteChangeSchema = z.strictObject({
  entity: feedEntitySchema,
  op: z.literal('delete'),
  id: idString,
  caseId: caseIdSchema,
  version: versionSchema,
});
export type DeleteChange = z.infer<typeof deleteChangeSchema>;

/** The case left the user's assignment: purge it and everything under it. */
export const revokeChangeSchema = z.strictObject({
  entity: z.literal('case'),
  op: z.literal('revoke'),
  id: caseIdSchema,
});
export type RevokeChange = z.infer<typeof revokeChangeSchema>;

export const changeSchema = z.discriminatedUnion('op', [putChangeSchema, deleteChangeSchema, revokeChangeSchema]);
export type Change = z.infer<typeof changeSchema>;

export const changesResponseSchema = z.strictObject({
  changes: z.array(changeSchema).max(MAX_CHANGES_LIMIT),
  /** Hand back on the next call; valid even when `hasMore` is false. */
  cursor: cursorSchema,
  hasMore: z.boolean(),
});
export type ChangesResponse = z.infer<typeof changesResponseSchema>;
