/**
 * Annotations of a document: page-anchored marks kept beside the scan. Every local change writes
 * the annotation record and its outbox entry in one read-write transaction (see local-change.ts).
 */
import type { AnnotationInput } from '../../../shared/api/mutations.ts';
import { annotationSchema, type Annotation } from '../../../shared/domain/annotation.ts';
import type { AnnotationId, CaseId, DocumentId, UserId } from '../../../shared/domain/ids.ts';
import { isoNow } from '../../../shared/util/clock.ts';
import type { AnnotationRecord } from '../records.ts';
import { commitLocalChange, EntityChangedError, newMutationId, type LocalChangeContext } from './local-change.ts';
import { newEntryId } from './outbox.ts';
import { openEntity, sealEntity } from './sealed-entities.ts';

const TABLE = 'annotations';

export type Author = { id: UserId; displayName: string };
export type AnnotationDraft = Omit<AnnotationInput, 'id'> & { caseId: CaseId };
export type AnnotationChanges = Partial<Pick<Annotation, 'rect' | 'text' | 'stamp' | 'page'>>;

function toInput(a: Annotation): AnnotationInput {
  return {
    id: a.id,
    documentId: a.documentId,
    page: a.page,
    rect: a.rect,
    kind: a.kind,
    ...(a.text !== undefined ? { text: a.text } : {}),
    ...(a.stamp !== undefined ? { stamp: a.stamp } : {}),
  };
}

export function createAnnotationsRepo(ctx: LocalChangeContext, author: Author) {
  const { db, cipher } = ctx;
  async function toRecord(a: Annotation, create = false): Promise<AnnotationRecord> {
    return {
      ...(await sealEntity(cipher, TABLE, a)),
      documentId: a.documentId,
      page: a.page,
      ...(create ? { epoch: 0 } : {}),
    };
  }
  const open = (record: AnnotationRecord) => openEntity(cipher, TABLE, record, annotationSchema);

  return {
    /** All annotations of a document, every Dexie read first so liveQuery tracks them. */
    async listForDocument(documentId: DocumentId): Promise<Annotation[]> {
      const records = await db.annotations.where('documentId').equals(documentId).toArray();
      const all = await Promise.all(records.map(open));
      return all.sort((a, b) => a.page - b.page || a.createdAt.localeCompare(b.createdAt));
    },

    async create(draft: AnnotationDraft): Promise<Annotation> {
      const now = isoNow(ctx.clock);
      const annotation = annotationSchema.parse({
        ...draft,
        id: newEntryId() as AnnotationId,
        authorId: author.id,
        authorName: author.displayName,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      await commitLocalChange(
        ctx,
        TABLE,
        { id: newMutationId(), caseId: annotation.caseId, entity: 'annotation', op: 'put', data: toInput(annotation) },
        await toRecord(annotation, true),
        { create: true },
      );
      return annotation;
    },

    async update(id: string, changes: AnnotationChanges): Promise<Annotation> {
      const current = await db.annotations.get(id);
      if (!current) throw new EntityChangedError();
      const before = await open(current);
      const updated = annotationSchema.parse({ ...before, ...changes, updatedAt: isoNow(ctx.clock) });
      await commitLocalChange(
        ctx,
        TABLE,
        { id: newMutationId(), caseId: updated.caseId, entity: 'annotation', op: 'put', data: toInput(updated) },
        await toRecord(updated),
        { expected: current },
      );
      return updated;
    },

    async remove(id: string): Promise<void> {
      const current = await db.annotations.get(id);
      if (!current) return;
      await commitLocalChange(
        ctx,
        TABLE,
        {
          id: newMutationId(),
          caseId: current.caseId as CaseId,
          entity: 'annotation',
          op: 'delete',
          data: { id: current.id as AnnotationId },
        },
        null,
        { expected: current },
      );
    },
  };
}
export type AnnotationsRepo = ReturnType<typeof createAnnotationsRepo>;
