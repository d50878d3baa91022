/** Resolves the bearer token of a request to its user, or answers 401. */
import type { FastifyRequest } from 'fastify';
import type { UserRecord, UserStore } from '../store/users.ts';
import { unauthenticated } from './problem.ts';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

/** The token of a well-formed `Authorization: Bearer …` header, unchecked. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? BEARER.exec(header) : null;
  return match?.[1];
}

export function requireUser(users: UserStore, request: FastifyRequest, now: number): UserRecord {
  const token = bearerToken(request);
  const user = token ? users.bySession(token, now) : undefined;
  if (!user) throw unauthenticated();
  return user;
}
