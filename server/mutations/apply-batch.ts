/**
 * A batch of mutations in one transaction, each with its idempotency key: a replay answers
 * `duplicate` with the stored first result; the same key with another payload (or from another
 * user) is rejected and changes nothing. Each change that takes effect is recorded for the
 * case's audit trail in the same transaction.
 */
import type { Mutation, MutationResult } from '../../src/shared/api/mutations.ts';
import { problemTypes } from '../../src/shared/api/problem.ts';
import type { FirstResult } from '../../src/shared/api/mutations.ts';
import type { ServerContext } from '../context.ts';
import { problem } from '../http/problem.ts';
import { inTransaction } from '../store/database.ts';
import { payloadHash } from '../store/idempotency.ts';
import type { UserRecord } from '../store/users.ts';
import { applyMutation, type MutationOutcome } from './apply-mutation.ts';

export function applyBatch(ctx: ServerContext, user: UserRecord, mutations: readonly Mutation[]): MutationResult[] {
  const now = ctx.now();
  const nowIso = new Date(now).toISOString();
  const visible = ctx.assignments.visibleCases(user.id, now);
  return inTransaction(ctx.db, () =>
    mutations.map((m): MutationResult => {
      const hash = payloadHash(m);
      const first = ctx.idempotency.find('mutation', m.id);
      if (first) {
        if (first.userId !== user.id || first.payloadHash !== hash) {
          return {
            mutationId: m.id,
            status: 'rejected',
            problem: problem(
              422,
              problemTypes.idempotencyMismatch,
              'Unprocessable Content',
              'Diese Änderungskennung wurde bereits für eine andere Änderung verwendet.',
            ),
          };
        }
        ctx.idempotency.seenAgain('mutation', m.id);
        return { mutationId: m.id, status: 'duplicate', first: first.result as FirstResult };
      }
      const outcome: MutationOutcome = visible.has(m.caseId)
        ? applyMutation(
            {
              entities: ctx.entities,
              originals: ctx.originals,
              clarifications: ctx.clarifications,
              user,
              now,
              nowIso,
            },
            m,
          )
        : {
            result: {
              mutationId: m.id,
              status: 'rejected',
              problem: problem(
                404,
                problemTypes.notFound,
                'Not Found',
                'Die Akte wurde nicht gefunden oder ist Ihnen nicht zugewiesen.',
              ),
            } satisfies FirstResult,
            applied: false,
          };
      ctx.idempotency.record('mutation', m.id, user.id, hash, outcome.result, outcome.applied);
      for (const change of outcome.changes ?? []) {
        ctx.activity.record({ caseId: m.caseId, userId: user.id, at: nowIso, ...change });
      }
      return outcome.result;
    }),
  );
}
