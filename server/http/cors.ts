/**
 * CORS for the client's origins: the Electron renderer (`app://e-akte`) and any loopback http
 * origin (browser mode and tests), plus origins configured by the operator. Other origins get no
 * CORS headers, so a browser keeps their scripts out.
 */
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './errors.ts';
import { problem, problemTypes } from './problem.ts';

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;
const ALLOW_HEADERS = 'Authorization, Content-Type, Range, If-None-Match, If-Range, Idempotency-Key';
// `Date`: the client anchors its offline sign-in period to the service's clock.
const EXPOSE_HEADERS =
  'ETag, Content-Range, Accept-Ranges, Content-Length, Retry-After, WWW-Authenticate, Idempotent-Replayed, Date';

export function isAllowedOrigin(origin: string, extra: readonly string[]): boolean {
  return origin === 'app://e-akte' || LOOPBACK.test(origin) || extra.includes(origin);
}

export function installCors(app: FastifyInstance, extraOrigins: readonly string[]): void {
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin === undefined) return;
    const allowed = isAllowedOrigin(origin, extraOrigins);
    const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    if (allowed) {
      reply.header('access-control-allow-origin', origin);
      reply.header('vary', 'Origin');
      reply.header('access-control-expose-headers', EXPOSE_HEADERS);
    }
    if (!preflight) return;
    if (!allowed) {
      return sendProblem(
        reply,
        problem(403, problemTypes.forbiddenOrigin, 'Forbidden', 'Anfragen von dieser Herkunft sind nicht erlaubt.'),
      );
    }
    reply.header('access-control-allow-methods', 'GET, HEAD, POST, DELETE, OPTIONS');
    reply.header('access-control-allow-headers', ALLOW_HEADERS);
    reply.header('access-control-max-age', '600');
    return reply.code(204).send();
  });
  // Without a route Fastify would answer OPTIONS with 404 before the hook has a say for some paths.
  app.options('/*', async (_request, reply) => reply.code(204).send());
}
