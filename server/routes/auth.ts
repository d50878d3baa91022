/** `POST /auth/login`, `POST /auth/logout` and `GET /me`. */
import type { FastifyInstance } from 'fastify';
import { loginRequestSchema, type LoginResponse, type MeResponse } from '../../src/shared/api/auth.ts';
import { API_PREFIX } from '../../src/shared/api/limits.ts';
import type { User } from '../../src/shared/domain/user.ts';
import type { ServerContext } from '../context.ts';
import { bearerToken, requireUser } from '../http/auth.ts';
import { ProblemError, problem, problemTypes } from '../http/problem.ts';
import { parseOr400 } from '../http/validate.ts';
import { hashPassword, needsRehash, verifyPassword } from '../store/passwords.ts';
import type { UserRecord } from '../store/users.ts';

const publicUser = (user: UserRecord): User => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  roles: user.roles,
});

export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const log = ctx.log.child('auth');

  app.post(`${API_PREFIX}/auth/login`, async (request): Promise<LoginResponse> => {
    const body = parseOr400(loginRequestSchema, request.body);
    const attempt = { username: body.username, address: request.ip };
    const waitMs = ctx.throttle.retryAfterMs(attempt, ctx.now());
    if (waitMs > 0) {
      throw new ProblemError(
        problem(
          429,
          problemTypes.tooManyAttempts,
          'Too Many Requests',
          'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie, bis die Sperre abgelaufen ist, und versuchen Sie es dann erneut.',
        ),
        { 'retry-after': String(Math.ceil(waitMs / 1000)) },
      );
    }
    const user = ctx.users.byUsername(body.username);
    const ok = await verifyPassword(body.password, user?.passwordHash);
    if (!ok || !user) {
      ctx.throttle.failed(attempt, ctx.now());
      throw new ProblemError(
        problem(401, problemTypes.unauthenticated, 'Unauthorized', 'Benutzername oder Passwort ist falsch.'),
      );
    }
    ctx.throttle.succeeded(attempt);
    // The only moment the password is at hand: a hash from weaker days is replaced now.
    if (needsRehash(user.passwordHash)) {
      ctx.users.setPasswordHash(user.id, await hashPassword(body.password));
      log.info('password hash upgraded to the current scrypt parameters', { userId: user.id });
    }
    const session = ctx.users.createSession(user.id, ctx.now(), ctx.options.tokenTtlMs);
    return {
      accessToken: session.token,
      expiresAt: new Date(session.expiresAt).toISOString(),
      user: publicUser(user),
    };
  });

  app.post(`${API_PREFIX}/auth/logout`, async (request, reply) => {
    requireUser(ctx.users, request, ctx.now());
    const token = bearerToken(request);
    if (token) ctx.users.revokeSession(token);
    return reply.code(204).send();
  });

  app.get(`${API_PREFIX}/me`, async (request): Promise<MeResponse> => {
    const now = ctx.now();
    const user = requireUser(ctx.users, request, now);
    const visible = [...ctx.assignments.visibleCases(user.id, now).values()];
    return {
      user: publicUser(user),
      caseIds: visible.map((a) => a.caseId),
      assignments: visible.map((a) => ({
        caseId: a.caseId,
        role: a.role,
        ...(a.from !== undefined ? { from: new Date(a.from).toISOString() } : {}),
        ...(a.until !== undefined ? { until: new Date(a.until).toISOString() } : {}),
      })),
    } as MeResponse;
  });
}
