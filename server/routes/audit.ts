/**
 * `POST /audit`: audit events of the signed-in user, idempotent by event id.
 * `GET /audit?caseId=`: a case's audit trail, for the data protection officer only.
 */
import type { FastifyInstance } from 'fastify';
import {
  auditBatchRequestSchema,
  caseAuditQuerySchema,
  type AuditBatchResponse,
  type AuditResult,
  type CaseAuditResponse,
} from '../../src/shared/api/audit.ts';
import { API_PREFIX } from '../../src/shared/api/limits.ts';
import type { ServerContext } from '../context.ts';
import { requireUser } from '../http/auth.ts';
import { readCaseAuditTrail } from '../audit/case-audit-trail.ts';
import { forbidden, notFound, problem, problemTypes } from '../http/problem.ts';
import { parseOr400 } from '../http/validate.ts';
import { inTransaction } from '../store/database.ts';
import { payloadHash } from '../store/idempotency.ts';

export function registerAuditRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post(`${API_PREFIX}/audit`, async (request): Promise<AuditBatchResponse> => {
    const user = requireUser(ctx.users, request, ctx.now());
    const body = parseOr400(auditBatchRequestSchema, request.body);
    const insert = ctx.db.prepare('INSERT INTO audit_events (id, user_id, case_id, at, data) VALUES (?, ?, ?, ?, ?)');
    const results = inTransaction(ctx.db, () =>
      body.events.map((event): AuditResult => {
        if (event.userId !== user.id) {
          return {
            id: event.id,
            status: 'rejected',
            problem: problem(
              422,
              problemTypes.validation,
              'Unprocessable Content',
              'Das Ereignis gehört zu einem anderen Benutzer.',
            ),
          };
        }
        const hash = payloadHash(event);
        const first = ctx.idempotency.find('audit', event.id);
        if (first) {
          if (first.userId !== user.id || first.payloadHash !== hash) {
            return {
              id: event.id,
              status: 'rejected',
              problem: problem(
                422,
                problemTypes.idempotencyMismatch,
                'Unprocessable Content',
                'Diese Ereigniskennung wurde bereits für ein anderes Ereignis verwendet.',
              ),
            };
          }
          ctx.idempotency.seenAgain('audit', event.id);
          return { id: event.id, status: 'duplicate' };
        }
        insert.run(event.id, user.id, event.caseId, event.at, JSON.stringify(event));
        ctx.idempotency.record('audit', event.id, user.id, hash, { status: 'recorded' }, true);
        return { id: event.id, status: 'recorded' };
      }),
    );
    return { results };
  });

  app.get(`${API_PREFIX}/audit`, async (request): Promise<CaseAuditResponse> => {
    const now = ctx.now();
    const user = requireUser(ctx.users, request, now);
    // The role is checked before the case is looked up, so that others cannot probe which cases exist.
    if (!user.roles.includes('dpo'))
      throw forbidden('Das Protokoll einer Akte dürfen nur Datenschutzbeauftragte einsehen.');
    const { caseId } = parseOr400(caseAuditQuerySchema, request.query, 'Anfrage');
    const found = ctx.entities.get('case', caseId);
    if (!found) throw notFound('Die Akte wurde nicht gefunden.');
    const events = inTransaction(ctx.db, () => {
      // Reading the trail is itself processing of social data, so it is recorded first and listed too.
      ctx.activity.record({ caseId, userId: user.id, at: new Date(now).toISOString(), action: 'case.audit-read' });
      return readCaseAuditTrail(ctx, caseId);
    });
    return { caseId, events };
  });
}
