/**
 * What applying one mutation came to — the first result the client gets (and a replay gets
 * again) and what it changed, for the case's audit trail — and the answers the appliers share.
 */
import type { FirstResult, Mutation, MutationEntity } from '../../src/shared/api/mutations.ts';
import { problemTypes, type Problem, type ProblemType } from '../../src/shared/api/problem.ts';
import type { ServiceAuditAction } from '../../src/shared/api/audit.ts';
import type { ClarificationQueue } from '../store/clarifications.ts';
import type { EntityRow, EntityStore } from '../store/entities.ts';
import type { OriginalRequestLog } from '../store/original-requests.ts';
import type { UserRecord } from '../store/users.ts';
import { problem } from '../http/problem.ts';

/** What an applied mutation did, for the case's audit trail. */
export type AppliedChange = {
  readonly action: Extract<ServiceAuditAction, `entity.${string}` | `document.${string}`>;
  readonly entity: MutationEntity;
  readonly entityId: string;
  /** The document concerned: the document itself, or the one an annotation sits on. */
  readonly documentId: string | undefined;
  readonly version: number;
};

export type MutationOutcome = {
  readonly result: FirstResult;
  readonly applied: boolean;
  /** What the mutation changed, when it changed something; the first row is the mutation's own. */
  readonly changes?: readonly AppliedChange[];
};

export type MutationContext = {
  readonly entities: EntityStore;
  readonly originals: OriginalRequestLog;
  readonly clarifications: ClarificationQueue;
  readonly user: UserRecord;
  /** Service clock, milliseconds and ISO. */
  readonly now: number;
  readonly nowIso: string;
};

export const rejectedWith = (m: Mutation, found: Problem): MutationOutcome => ({
  result: { mutationId: m.id, status: 'rejected', problem: found },
  applied: false,
});

export const rejected = (
  m: Mutation,
  status: number,
  detail: string,
  type: ProblemType = problemTypes.validation,
): MutationOutcome =>
  rejectedWith(m, problem(status, type, status === 404 ? 'Not Found' : 'Unprocessable Content', detail));

export const conflict = (m: Mutation, current: EntityRow | undefined): MutationOutcome => ({
  result: {
    mutationId: m.id,
    status: 'conflict',
    current: current && !current.deleted ? (current.data as never) : null,
  },
  applied: false,
});

/**
 * `before` is the live entity the mutation found, if any; `effect` false when the mutation found
 * its outcome already in place (a repeated delete, a second request of an original).
 */
export const applied = (
  m: Mutation,
  row: EntityRow,
  before: EntityRow | undefined,
  {
    effect = true,
    action,
    also = [],
  }: { effect?: boolean; action?: AppliedChange['action']; also?: AppliedChange[] } = {},
): MutationOutcome => {
  const result: FirstResult = { mutationId: m.id, status: 'applied', version: row.version };
  if (!effect) return { result, applied: false };
  const documentId = m.entity === 'document' ? row.id : (row.data['documentId'] as string | undefined);
  const done = action ?? (m.op === 'delete' ? 'entity.delete' : before ? 'entity.update' : 'entity.create');
  return {
    result,
    applied: true,
    changes: [{ action: done, entity: m.entity, entityId: row.id, documentId, version: row.version }, ...also],
  };
};

/** Older base: someone else changed it first. Newer base than the server has: the client is confused. */
export function versionMismatch(m: Mutation, live: EntityRow): MutationOutcome {
  if (m.baseVersion !== undefined && m.baseVersion > live.version) {
    return rejected(m, 422, 'Die angegebene Version ist neuer als die des Servers. Bitte neu synchronisieren.');
  }
  return conflict(m, live);
}
