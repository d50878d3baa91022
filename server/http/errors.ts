/**
 * The one place where errors become answers. Known client errors (our problems, Fastify's body
 * and content-type errors, multipart limits) become 4xx problems; anything else is a 500 whose
 * cause is logged but not told.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { Problem, ProblemType } from '../../src/shared/api/problem.ts';
import type { Logger } from '../logger.ts';
import { PROBLEM_CONTENT_TYPE, ProblemError, problem, problemTypes } from './problem.ts';

const KNOWN: Record<string, { status: number; type: ProblemType; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, type: problemTypes.tooLarge, detail: 'Die Anfrage ist zu groß.' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, type: problemTypes.tooLarge, detail: 'Die Datei ist zu groß.' },
  FST_PARTS_LIMIT: { status: 413, type: problemTypes.tooLarge, detail: 'Die Anfrage enthält zu viele Teile.' },
  FST_FILES_LIMIT: { status: 413, type: problemTypes.tooLarge, detail: 'Die Anfrage enthält zu viele Dateien.' },
  FST_FIELDS_LIMIT: { status: 413, type: problemTypes.tooLarge, detail: 'Die Anfrage enthält zu viele Felder.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    type: problemTypes.unsupportedMediaType,
    detail: 'Dieses Datenformat wird hier nicht angenommen.',
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    type: problemTypes.unsupportedMediaType,
    detail: 'Erwartet wird multipart/form-data.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    type: problemTypes.malformed,
    detail: 'Die Anfrage enthält keine Daten.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    type: problemTypes.malformed,
    detail: 'Die Anfrage ist kein gültiges JSON.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    type: problemTypes.malformed,
    detail: 'Die angegebene Länge passt nicht zur Anfrage.',
  },
  FST_PROTO_VIOLATION: {
    status: 400,
    type: problemTypes.malformed,
    detail: 'Die Anfrage enthält unzulässige Feldnamen.',
  },
  FST_MP_PREMATURE_CLOSE: { status: 400, type: problemTypes.malformed, detail: 'Die Anfrage wurde vorzeitig beendet.' },
};

export function sendProblem(
  reply: FastifyReply,
  body: Problem,
  headers: Readonly<Record<string, string>> = {},
): FastifyReply {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

export function installErrorHandling(app: FastifyInstance, log: Logger): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, error.problem, error.headers);
    const known = error.code ? KNOWN[error.code] : undefined;
    if (known) return sendProblem(reply, problem(known.status, known.type, titleOf(known.status), known.detail));
    if (
      error instanceof SyntaxError ||
      (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
    ) {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      return sendProblem(
        reply,
        problem(status, problemTypes.malformed, titleOf(status), 'Die Anfrage ist fehlerhaft aufgebaut.'),
      );
    }
    log.error('unhandled error', { method: request.method, url: request.url, error: String(error.stack ?? error) });
    return sendProblem(
      reply,
      problem(
        500,
        problemTypes.internal,
        'Internal Server Error',
        'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
      ),
    );
  });
  app.setNotFoundHandler((_request, reply) =>
    sendProblem(reply, problem(404, problemTypes.notFound, 'Not Found', 'Diese Adresse gibt es nicht.')),
  );
}

function titleOf(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    404: 'Not Found',
    405: 'Method Not Allowed',
    406: 'Not Acceptable',
    410: 'Gone',
    413: 'Content Too Large',
    415: 'Unsupported Media Type',
    416: 'Range Not Satisfiable',
    422: 'Unprocessable Content',
    429: 'Too Many Requests',
  };
  return titles[status] ?? 'Client Error';
}
