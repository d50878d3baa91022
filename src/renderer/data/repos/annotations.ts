/**
 * Annotations of a document: page-anchored marks kept beside the scan. Every local change writes
 * the annotation record and its outbox entry in one read-write transaction.
 */
import type { AnnotationInput, Mutation } from '../../../shared/api/mutations.ts';
import { annotationSchema, type Annotation } from '../../../shared/domain/annotation.ts';
import type { CaseId, DocumentId, UserId } from '../../../shared/domain/ids.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import type { AnnotationRecord } from '../records.ts';
import { newMutationId, outboxRecord } from './outbox.ts';
import { openEntity, sealEntity } from './sealed-entities.ts';

const TABLE = 'annotations';

export type Author = { id: UserId; displayName: string };
export type AnnotationDraft = Omit<AnnotationInput, 'id'> & { caseId: CaseId };
export type AnnotationChanges = Partial<Pick<Annotation, 'rect' | 'text' | 'stamp' | 'page'>>;

export class AnnotationChangedError extends Error {
  readonly code = 'annotation-changed';
  constructor() {
    super('Die Markierung wurde inzwischen geändert oder gelöscht. Bitte erneut versuchen.');
    this.name = 'AnnotationChangedError';
  }
}

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

export function createAnnotationsRepo(
  db: CacheDb,
  cipher: CacheCipher,
  author: Author,
  clock: () => Date = () => new Date(),
) {
  async function toRecord(a: Annotation): Promise<AnnotationRecord> {
    return { ...(await sealEntity(cipher, TABLE, a)), documentId: a.documentId, page: a.page };
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
      const now = clock().toISOString();
      const annotation = annotationSchema.parse({
        ...draft,
        id: newMutationId(),
        authorId: author.id,
        authorName: author.displayName,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      const mutation: Mutation = {
        id: newMutationId() as Mutation['id'],
        caseId: annotation.caseId,
        entity: 'annotation',
        op: 'put',
        data: toInput(annotation),
      };
      const [record, entry] = await Promise.all([toRecord(annotation), outboxRecord(cipher, mutation, clock())]);
      await db.transaction('rw', db.annotations, db.outbox, async () => {
        await db.annotations.add(record);
        await db.outbox.add(entry);
      });
      return annotation;
    },

    async update(id: string, changes: AnnotationChanges): Promise<Annotation> {
      const current = await db.annotations.get(id);
      if (!current) throw new AnnotationChangedError();
      const before = await open(current);
      const updated = annotationSchema.parse({ ...before, ...changes, updatedAt: clock().toISOString() });
      const mutation: Mutation = {
        id: newMutationId() as Mutation['id'],
        caseId: updated.caseId,
        entity: 'annotation',
        op: 'put',
        ...(await serverVersion(id, before.version)),
        data: toInput(updated),
      };
      const [record, entry] = await Promise.all([toRecord(updated), outboxRecord(cipher, mutation, clock())]);
      await db.transaction('rw', db.annotations, db.outbox, async () => {
        const still = await db.annotations.get(id);
        if (!still || still.updatedAt !== current.updatedAt) throw new AnnotationChangedError();
        await db.annotations.put(record);
        await db.outbox.add(entry);
      });
      return updated;
    },

    async remove(id: string): Promise<void> {
      const current = await db.annotations.get(id);
      if (!current) return;
      const before = await open(current);
      const mutation: Mutation = {
        id: newMutationId() as Mutation['id'],
        caseId: before.caseId,
        entity: 'annotation',
        op: 'delete',
        ...(await serverVersion(id, before.version)),
        data: { id: before.id },
      };
      const entry = await outboxRecord(cipher, mutation, clock());
      await db.transaction('rw', db.annotations, db.outbox, async () => {
        const still = await db.annotations.get(id);
        if (!still || still.updatedAt !== current.updatedAt) throw new AnnotationChangedError();
        await db.annotations.delete(id);
        await db.outbox.add(entry);
      });
    },
  };

  /**
   * The version the server knows: an annotation created here and not yet delivered has none, so
   * its later changes go without baseVersion (they follow the create in the same case's order).
   */
  async function serverVersion(id: string, version: number): Promise<{ baseVersion?: number }> {
    const undeliveredCreate = await db.outbox
      .where('entityId')
      .equals(id)
      .filter((e) => e.op === 'put' && e.baseVersion === undefined && e.status !== 'undeliverable')
      .count();
    return undeliveredCreate > 0 ? {} : { baseVersion: version };
  }
}
export type AnnotationsRepo = ReturnType<typeof createAnnotationsRepo>;
