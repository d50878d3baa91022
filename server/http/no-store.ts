/**
 * Social data must not land in a browser's or proxy's HTTP cache: every answer under /api/v1 is
 * marked `no-store`, errors included. (Document bytes say so themselves as well.)
 */
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../src/shared/api/limits.ts';

export function installNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith(API_PREFIX) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
