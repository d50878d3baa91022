/** `POST /letters` (multipart) and `GET /letters/{id}`. */
import type { FastifyInstance } from 'fastify';
import { letterMetaSchema, type LetterStatusResponse } from '../../src/shared/api/letters.ts';
import { API_PREFIX } from '../../src/shared/api/limits.ts';
import type { ServerContext } from '../context.ts';
import { requireUser } from '../http/auth.ts';
import { notFound } from '../http/problem.ts';
import { idParam, parseOr400 } from '../http/validate.ts';
import { acceptLetter } from '../letters/accept-letter.ts';
import { readLetterParts } from '../letters/read-letter-parts.ts';

export function registerLetterRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post(`${API_PREFIX}/letters`, async (request, reply) => {
    const user = requireUser(ctx.users, request, ctx.now());
    const parts = await readLetterParts(request, ctx.options.maxLetterPdfBytes);
    const meta = parseOr400(letterMetaSchema, parts.meta, 'Briefangabe');
    const outcome = acceptLetter(ctx, user, meta, parts.pdf);
    if (outcome.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(outcome.result);
  });

  app.get(`${API_PREFIX}/letters/:id`, async (request): Promise<LetterStatusResponse> => {
    const now = ctx.now();
    const user = requireUser(ctx.users, request, now);
    const id = idParam(request.params, 'id');
    ctx.letters.advance();
    const letter = ctx.entities.get('letter', id);
    if (!letter || letter.deleted || !ctx.assignments.isVisible(user.id, letter.caseId, now))
      throw notFound('Das Schreiben wurde nicht gefunden.');
    const d = letter.data;
    return {
      id,
      caseId: letter.caseId,
      status: d['status'],
      ...(d['failureReason'] !== undefined ? { failureReason: d['failureReason'] } : {}),
      documentId: d['documentId'],
      updatedAt: d['updatedAt'],
      version: letter.version,
    } as LetterStatusResponse;
  });
}
