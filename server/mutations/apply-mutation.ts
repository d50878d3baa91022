/**
 * Applies one client mutation to the entity store, with the version rules of the contract (see
 * `src/shared/api/mutations.ts`). Visibility of the case is checked by the caller; here the
 * entity must belong to that case, or the answer is "not found" so nothing leaks across cases.
 */
import type { FirstResult, Mutation, MutationEntity } from '../../src/shared/api/mutations.ts';
import { problemTypes, type ProblemType } from '../../src/shared/api/problem.ts';
import type { FeedEntity } from '../../src/shared/api/changes.ts';
import type { EntityRow, EntityStore } from '../store/entities.ts';
import type { UserRecord } from '../store/users.ts';
import { problem } from '../http/problem.ts';

/** What an applied mutation did, for the case's audit trail. */
export type AppliedChange = {
  readonly action: 'entity.create' | 'entity.update' | 'entity.delete';
  readonly entity: MutationEntity;
  readonly entityId: string;
  /** The document concerned: the document itself, or the one an annotation sits on. */
  readonly documentId: string | undefined;
  readonly version: number;
};

export type MutationOutcome = {
  readonly result: FirstResult;
  readonly applied: boolean;
  /** Set when the mutation changed something. */
  readonly change?: AppliedChange;
};

type Ctx = { readonly entities: EntityStore; readonly user: UserRecord; readonly nowIso: string };

const rejected = (
  m: Mutation,
  status: number,
  detail: string,
  type: ProblemType = problemTypes.validation,
): MutationOutcome => ({
  result: {
    mutationId: m.id,
    status: 'rejected',
    problem: problem(status, type, status === 404 ? 'Not Found' : 'Unprocessable Content', detail),
  },
  applied: false,
});

const conflict = (m: Mutation, current: EntityRow | undefined): MutationOutcome => ({
  result: {
    mutationId: m.id,
    status: 'conflict',
    current: current && !current.deleted ? (current.data as never) : null,
  },
  applied: false,
});

/** `before` is the live entity the mutation found, if any; `effect` false for a repeated delete. */
const applied = (m: Mutation, row: EntityRow, before: EntityRow | undefined, effect = true): MutationOutcome => {
  const result: FirstResult = { mutationId: m.id, status: 'applied', version: row.version };
  if (!effect) return { result, applied: false };
  const documentId = m.entity === 'document' ? row.id : (row.data['documentId'] as string | undefined);
  const action = m.op === 'delete' ? 'entity.delete' : before ? 'entity.update' : 'entity.create';
  return {
    result,
    applied: true,
    change: { action, entity: m.entity, entityId: row.id, documentId, version: row.version },
  };
};

const NOT_FOUND = 'Der Eintrag wurde in dieser Akte nicht gefunden.';

export function applyMutation(ctx: Ctx, m: Mutation): MutationOutcome {
  const kind: FeedEntity = m.entity;
  const existing = ctx.entities.get(kind, m.data.id);
  if (existing && existing.caseId !== m.caseId) return rejected(m, 404, NOT_FOUND, problemTypes.notFound);
  const live = existing && !existing.deleted ? existing : undefined;

  if (m.op === 'delete') {
    if (!existing) return rejected(m, 404, NOT_FOUND, problemTypes.notFound);
    if (!live) return m.baseVersion === undefined ? applied(m, existing, undefined, false) : conflict(m, existing);
    if (m.baseVersion !== undefined && m.baseVersion !== live.version) return versionMismatch(m, live);
    const tombstone = ctx.entities.remove(kind, live.id);
    return tombstone ? applied(m, tombstone, live) : conflict(m, existing);
  }

  if (m.entity === 'document') {
    if (!live) return rejected(m, 404, 'Das Dokument wurde in dieser Akte nicht gefunden.', problemTypes.notFound);
    if (m.baseVersion !== undefined && m.baseVersion !== live.version) return versionMismatch(m, live);
    const row = ctx.entities.put('document', live.id, m.caseId, (version) => ({
      ...live.data,
      status: m.data.status,
      version,
      updatedAt: ctx.nowIso,
    }));
    return applied(m, row, live);
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

/** Older base: someone else changed it first. Newer base than the server has: the client is confused. */
function versionMismatch(m: Mutation, live: EntityRow): MutationOutcome {
  if (m.baseVersion !== undefined && m.baseVersion > live.version) {
    return rejected(m, 422, 'Die angegebene Version ist neuer als die des Servers. Bitte neu synchronisieren.');
  }
  return conflict(m, live);
}
