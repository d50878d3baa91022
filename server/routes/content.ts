/** `GET /documents/{id}/content`: the PDF bytes with ETag, Range and If-None-Match. */
import { open, type FileHandle } from 'node:fs/promises';
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
    // Opened once: the size, the validators and the bytes all come from the same file, and a file
    // that vanishes between a check and the read cannot turn into a broken answer.
    const file = await openBlob(ctx, sha256, id);
    try {
      const size = (await file.stat()).size;
      const etag = `"${sha256}"`;
      reply.header('etag', etag).header('accept-ranges', 'bytes').header('cache-control', 'private, no-store');
      if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
        await file.close();
        return reply.code(304).send();
      }

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
      if (range.kind === 'partial') {
        reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`);
        reply.header('content-length', String(range.end - range.start + 1));
        return reply.send(file.createReadStream({ start: range.start, end: range.end }));
      }
      reply.header('content-length', String(size));
      return reply.send(file.createReadStream());
    } catch (error) {
      await file.close();
      throw error;
    }
  });
}

/** Seconds after which asking again may help: bytes missing on disk are an operations matter. */
const CONTENT_RETRY_AFTER_S = 300;

/**
 * The document exists but its bytes are not on the service's disk (a storage mount missing, a
 * restore incomplete): 503 rather than 404, because the document is not gone, and rather than
 * 500, because the client can tell the user what is going on and try again later.
 */
async function openBlob(ctx: ServerContext, sha256: string, documentId: string): Promise<FileHandle> {
  try {
    return await open(ctx.blobs.pathOf(sha256), 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EACCES' && code !== 'EIO') throw error;
    ctx.log.error('document bytes missing in the blob store', { documentId, sha256, code });
    throw new ProblemError(
      problem(
        503,
        problemTypes.contentUnavailable,
        'Service Unavailable',
        'Die Datei dieses Dokuments ist beim Dienst derzeit nicht verfügbar. Das Dokument selbst ist nicht verloren; bitte versuchen Sie es später erneut oder wenden Sie sich an die IT.',
      ),
      { 'retry-after': String(CONTENT_RETRY_AFTER_S) },
    );
  }
}
