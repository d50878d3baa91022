/**
 * `/admin/*`, only with `--admin`: fault injection, assignments, newly scanned mail, moving a
 * document to another case, letter failures, forced cursor expiry, and what tests read back: the
 * exactly-once bookkeeping, the scan service's clarification queue and its list of requested
 * originals. Unauthenticated on
 * purpose: it is a development and test peer, bound to loopback by default.
 */
import type { FastifyInstance } from 'fastify';
import {
  adminAssignmentSchema,
  adminInboxSchema,
  adminLetterFailSchema,
  adminMoveDocumentSchema,
  adminUnassignSchema,
  faultsSchema,
  type AdminClarifications,
  type AdminOriginalRequests,
  type AdminState,
} from '../../src/shared/api/admin.ts';
import type { ServerContext } from '../context.ts';
import { addInboxDocument } from '../demo/inbox.ts';
import { notFound } from '../http/problem.ts';
import { parseOr400 } from '../http/validate.ts';
import { inTransaction } from '../store/database.ts';

const toMillis = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

export function registerAdminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/admin/faults', async (request) => {
    ctx.faults.set(parseOr400(faultsSchema, request.body ?? {}));
    return ctx.faults.current;
  });
  app.get('/admin/faults', async () => ctx.faults.current);

  app.post('/admin/assignments', async (request) => {
    const body = parseOr400(adminAssignmentSchema, request.body);
    const theCase = ctx.entities.get('case', body.caseId);
    if (!ctx.users.byId(body.userId) || !theCase || theCase.deleted) throw notFound('Benutzer oder Akte unbekannt.');
    ctx.assignments.upsert({
      userId: body.userId,
      caseId: body.caseId,
      role: body.role,
      from: toMillis(body.from),
      until: toMillis(body.until),
    });
    return body;
  });

  app.delete('/admin/assignments', async (request, reply) => {
    const body = parseOr400(adminUnassignSchema, request.body);
    if (!ctx.assignments.remove(body.userId, body.caseId)) throw notFound('Diese Zuweisung gibt es nicht.');
    return reply.code(204).send();
  });

  app.post('/admin/inbox', async (request) => {
    const body = parseOr400(adminInboxSchema, request.body);
    const theCase = ctx.entities.get('case', body.caseId);
    if (!theCase || theCase.deleted) throw notFound('Akte unbekannt.');
    return { documentId: addInboxDocument(ctx, body.caseId, body.pages, body.title) };
  });

  app.post('/admin/move-document', async (request) => {
    const body = parseOr400(adminMoveDocumentSchema, request.body);
    const doc = ctx.entities.get('document', body.documentId);
    const target = ctx.entities.get('case', body.caseId);
    if (!doc || doc.deleted || !target || target.deleted) throw notFound('Dokument oder Akte unbekannt.');
    const updatedAt = new Date(ctx.now()).toISOString();
    return inTransaction(ctx.db, () => {
      const moved = ctx.entities.put('document', doc.id, body.caseId, (version) => ({
        ...doc.data,
        caseId: body.caseId,
        version,
        updatedAt,
      }));
      const annotations = ctx.entities
        .listInCase('annotation', doc.caseId)
        .filter((a) => a.data['documentId'] === doc.id);
      for (const a of annotations)
        ctx.entities.put('annotation', a.id, body.caseId, (version) => ({
          ...a.data,
          caseId: body.caseId,
          version,
          updatedAt,
        }));
      return { documentId: doc.id, caseId: body.caseId, version: moved.version, annotations: annotations.length };
    });
  });

  app.post('/admin/letters/fail', async (request) => {
    const body = parseOr400(adminLetterFailSchema, request.body);
    if (!ctx.letters.fail(body.id, body.reason)) throw notFound('Schreiben unbekannt.');
    return { id: body.id, status: 'failed' };
  });

  app.post('/admin/reset-cursors', async () => ({ cleared: ctx.cursors.clear() }));

  app.get('/admin/clarifications', async (): Promise<AdminClarifications> => ({
    clarifications: ctx.clarifications.list() as unknown as AdminClarifications['clarifications'],
  }));

  app.get('/admin/original-requests', async (): Promise<AdminOriginalRequests> => ({
    requests: ctx.originals.list() as unknown as AdminOriginalRequests['requests'],
  }));

  app.get('/admin/state', async (): Promise<AdminState> => ({
    users: ctx.users.list() as AdminState['users'],
    mutations: ctx.idempotency.counts('mutation'),
    letters: ctx.idempotency.counts('letter'),
    audit: ctx.idempotency.counts('audit'),
    faults: ctx.faults.current,
  }));
}
