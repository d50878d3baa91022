/** `GET /documents/{id}/content`: the PDF bytes with ETag, Range and If-None-Match. */
import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../src/shared/api/limits.ts';
import type { ServerContext } from '../context.ts';
import { requireUser } from '../http/auth.ts';
import { notFound, ProblemError, problem, problemTypes } from '../http/problem.ts';
import { decideRange, ifRangeAllows, matchesIfNoneMatch } from '../http/range.ts';
import { idParam } from '../http/validate.ts';

export function registerContentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(`${API_PREFIX}/documents/:id/content`, async (request, reply) => {
    const now = ctx.now();
    const user = requireUser(ctx.users, request, now);
    const id = idParam(request.params, 'id');
    const document = ctx.entities.get('document', id);
    if (!document || document.deleted || !ctx.assignments.isVisible(user.id, document.caseId, now)) {
      throw notFound('Das Dokument wurde nicht gefunden oder ist Ihnen nicht zugewiesen.');
    }
    const sha256 = String(document.data['sha256']);
    const size = ctx.blobs.size(sha256);
    const etag = `"${sha256}"`;
    reply.header('etag', etag).header('accept-ranges', 'bytes').header('cache-control', 'private, no-store');
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();

    const ifRange = request.headers['if-range'];
    const range = ifRangeAllows(typeof ifRange === 'string' ? ifRange : undefined, etag)
      ? decideRange(request.headers.range, size)
      : ({ kind: 'full' } as const);
    if (range.kind === 'unsatisfiable') {
      throw new ProblemError(
        problem(
          416,
          problemTypes.rangeNotSatisfiable,
          'Range Not Satisfiable',
          'Der angefragte Bereich liegt außerhalb des Dokuments.',
        ),
        { 'content-range': `bytes */${size}` },
      );
    }
    reply.type('application/pdf');
    const path = ctx.blobs.pathOf(sha256);
    if (range.kind === 'partial') {
      reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`);
      reply.header('content-length', String(range.end - range.start + 1));
      return reply.send(createReadStream(path, { start: range.start, end: range.end }));
    }
    reply.header('content-length', String(size));
    return reply.send(createReadStream(path));
  });
}
