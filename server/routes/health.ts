/** `GET /health` and the OpenAPI document, both unauthenticated. */
import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '../../src/shared/api/health.ts';
import { API_PREFIX } from '../../src/shared/api/limits.ts';
import { buildOpenApiDocument } from '../../src/shared/api/openapi.ts';
import type { ServerContext } from '../context.ts';

export function registerHealthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(`${API_PREFIX}/health`, async (): Promise<HealthResponse> => ({ status: 'ok', version: ctx.version }));
  const openapi = JSON.stringify(buildOpenApiDocument());
  app.get(`${API_PREFIX}/openapi.json`, async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(openapi),
  );
}
