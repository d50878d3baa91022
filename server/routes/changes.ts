/** `GET /changes`: the paged change feed of the signed-in user. */
import type { FastifyInstance } from 'fastify';
import { changesQuerySchema, type ChangesResponse } from '../../src/shared/api/changes.ts';
import { API_PREFIX } from '../../src/shared/api/limits.ts';
import type { ServerContext } from '../context.ts';
import { readChanges } from '../feed/read-changes.ts';
import { requireUser } from '../http/auth.ts';
import { ProblemError, problem, problemTypes } from '../http/problem.ts';
import { parseOr400 } from '../http/validate.ts';
import type { CursorState } from '../store/cursors.ts';

/** What `malformedFeed` serves once: valid JSON that breaks the contract in several ways. */
const MALFORMED_FEED = JSON.stringify({
  changes: [{ entity: 'case', op: 'put', id: '../x' }],
  cursor: 17,
  hasMore: 'vielleicht',
});

export function registerChangeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(`${API_PREFIX}/changes`, async (request, reply): Promise<ChangesResponse | string> => {
    const now = ctx.now();
    const user = requireUser(ctx.users, request, now);
    const query = parseOr400(changesQuerySchema, request.query, 'Abfrage');
    let previous: CursorState = { cases: {} };
    if (query.cursor !== undefined) {
      const state = ctx.cursors.load(user.id, query.cursor, now);
      if (!state) {
        throw new ProblemError(
          problem(
            410,
            problemTypes.gone,
            'Gone',
            'Der Synchronisationsstand ist abgelaufen. Die Akten werden vollständig neu geladen.',
          ),
        );
      }
      previous = state;
    }
    const visible = ctx.assignments.visibleCases(user.id, now);
    const page = readChanges(ctx.entities, previous, new Set(visible.keys()), query.limit);
    // Polling without news hands back the same cursor instead of minting a new one each time.
    const unchanged = query.cursor !== undefined && JSON.stringify(previous) === JSON.stringify(page.state);
    const cursor =
      unchanged && query.cursor !== undefined ? query.cursor : ctx.cursors.create(user.id, page.state, now);
    if (ctx.faults.takeMalformedFeed()) return reply.type('application/json; charset=utf-8').send(MALFORMED_FEED);
    return { changes: page.changes, cursor, hasMore: page.hasMore };
  });
}
