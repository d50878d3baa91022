/** `POST /mutations`: a batch of client changes, one result per change. */
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../src/shared/api/limits.ts';
import { mutationBatchRequestSchema, type MutationBatchResponse } from '../../src/shared/api/mutations.ts';
import type { ServerContext } from '../context.ts';
import { requireUser } from '../http/auth.ts';
import { parseOr400 } from '../http/validate.ts';
import { applyBatch } from '../mutations/apply-batch.ts';

export function registerMutationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post(`${API_PREFIX}/mutations`, async (request): Promise<MutationBatchResponse> => {
    const user = requireUser(ctx.users, request, ctx.now());
    const body = parseOr400(mutationBatchRequestSchema, request.body);
    return { results: applyBatch(ctx, user, body.mutations) };
  });
}
