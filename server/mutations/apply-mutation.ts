/**
 * Applies one client mutation to the entity store, with the version rules of the contract (see
 * `src/shared/api/mutations.ts`). Visibility of the case is checked by the caller; here the
 * entity must belong to that case, or the answer is "not found" so nothing leaks across cases.
 * Documents have operations of their own (see `document-mutation.ts`).
 */
import type { Mutation } from '../../src/shared/api/mutations.ts';
import { problemTypes } from '../../src/shared/api/problem.ts';
import type { FeedEntity } from '../../src/shared/api/changes.ts';
import { applyDocumentMutation } from './document-mutation.ts';
import { applied, conflict, rejected, versionMismatch, type MutationContext, type MutationOutcome } from './outcome.ts';

export type { AppliedChange, MutationContext, MutationOutcome } from './outcome.ts';

const NOT_FOUND = 'Der Eintrag wurde in dieser Akte nicht gefunden.';

export function applyMutation(ctx: MutationContext, m: Mutation): MutationOutcome {
  const kind: FeedEntity = m.entity;
  const existing = ctx.entities.get(kind, m.data.id);
  if (existing && existing.caseId !== m.caseId) return rejected(m, 404, NOT_FOUND, problemTypes.notFound);
  const live = existing && !existing.deleted ? existing : undefined;

  if (m.entity === 'document') return applyDocumentMutation(ctx, m, existing);

  if (m.op === 'delete') {
    if (!existing) return rejected(m, 404, NOT_FOUND, problemTypes.notFound);
    if (!live)
      return m.baseVersion === undefined ? applied(m, existing, undefined, { effect: false }) : conflict(m, existing);
    if (m.baseVersion !== undefined && m.baseVersion !== live.version) return versionMismatch(m, live);
    const tombstone = ctx.entities.remove(kind, live.id);
    return tombstone ? applied(m, tombstone, live) : conflict(m, existing);
  }

  if (m.baseVersion === undefined && live) return conflict(m, live);
  if (m.baseVersion !== undefined) {
    if (!live) return conflict(m, existing);
    if (m.baseVersion !== live.version) return versionMismatch(m, live);
  }
  const author = {
    authorId: (live?.data['authorId'] as string | undefined) ?? ctx.user.id,
    createdAt: (live?.data['createdAt'] as string | undefined) ?? ctx.nowIso,
    updatedAt: ctx.nowIso,
  };

  switch (m.entity) {
    case 'annotation': {
      const document = ctx.entities.get('document', m.data.documentId);
      if (!document || document.deleted || document.caseId !== m.caseId) {
        return rejected(m, 422, 'Das Dokument der Anmerkung gehört nicht zu dieser Akte.');
      }
      if (m.data.page > Number(document.data['pageCount'])) {
        return rejected(m, 422, 'Die Anmerkung verweist auf eine Seite, die das Dokument nicht hat.');
      }
      const authorName = (live?.data['authorName'] as string | undefined) ?? ctx.user.displayName;
      return applied(
        m,
        ctx.entities.put('annotation', m.data.id, m.caseId, (version) => ({
          ...m.data,
          caseId: m.caseId,
          ...author,
          authorName,
          version,
        })),
        live,
      );
    }
    case 'note': {
      const authorName = (live?.data['authorName'] as string | undefined) ?? ctx.user.displayName;
      return applied(
        m,
        ctx.entities.put('note', m.data.id, m.caseId, (version) => ({
          ...m.data,
          caseId: m.caseId,
          ...author,
          authorName,
          version,
        })),
        live,
      );
    }
    case 'followUp':
      return applied(
        m,
        ctx.entities.put('followUp', m.data.id, m.caseId, (version) => ({
          ...m.data,
          caseId: m.caseId,
          ...author,
          version,
        })),
        live,
      );
  }
}
