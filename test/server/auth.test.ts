import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginResponseSchema, meResponseSchema } from '../../src/shared/api/auth.ts';
import { healthResponseSchema } from '../../src/shared/api/health.ts';
import { expectProblem, removeDir, startTestServer, type TestServer } from './helpers.ts';

describe('login, logout, me, health', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ loginMaxFailures: 3, loginLockoutMs: 1500 });
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('signs in with the demo credentials and hands out an expiring bearer token', async () => {
    const response = await server.api('/auth/login', { method: 'POST', json: { username: 'demo', password: 'demo' } });
    expect(response.status).toBe(200);
    const body = loginResponseSchema.parse(await response.json());
    expect(body.user.username).toBe('demo');
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    const me = await server.api('/me', { token: body.accessToken });
    const parsed = meResponseSchema.parse(await me.json());
    expect(parsed.caseIds.length).toBe(8);
    expect(parsed.assignments.every((a) => a.role === 'owner')).toBe(true);
  });

  it('refuses a wrong password with 401 and then, after repeated failures, 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++) {
      await expectProblem(
        await server.api('/auth/login', { method: 'POST', json: { username: 'demo2', password: 'falsch' } }),
        401,
      );
    }
    const locked = await server.api('/auth/login', { method: 'POST', json: { username: 'demo2', password: 'demo' } });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await expectProblem(locked, 429);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(
      (await server.api('/auth/login', { method: 'POST', json: { username: 'demo2', password: 'demo' } })).status,
    ).toBe(200);
  });

  it('answers 401 problem+json without a token, with an unknown token and with a malformed header', async () => {
    await expectProblem(await server.api('/me'), 401);
    await expectProblem(await server.api('/me', { token: 'x'.repeat(43) }), 401);
    const response = await server.api('/me', { headers: { authorization: 'Basic ZGVtbzpkZW1v' } });
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    await expectProblem(response, 401);
  });

  it('revokes the token at logout: afterwards it answers 401 everywhere, other sessions stay valid', async () => {
    const token = await server.login();
    const other = await server.login();
    expect((await server.api('/me', { token })).status).toBe(200);
    const response = await server.api('/auth/logout', { method: 'POST', token });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    await expectProblem(await server.api('/me', { token }), 401);
    await expectProblem(await server.api('/changes', { token }), 401);
    await expectProblem(await server.api('/documents/d-0001-001/content', { token }), 401);
    await expectProblem(await server.api('/mutations', { method: 'POST', token, json: { mutations: [] } }), 401);
    await expectProblem(await server.api('/auth/logout', { method: 'POST', token }), 401);
    await expectProblem(await server.api('/auth/logout', { method: 'POST' }), 401);
    expect((await server.api('/me', { token: other })).status).toBe(200);
  });

  it('expires tokens', async () => {
    const short = await startTestServer({ tokenTtlMs: 200 });
    try {
      const token = await short.login();
      expect((await short.api('/me', { token })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 250));
      await expectProblem(await short.api('/me', { token }), 401);
    } finally {
      await short.stop();
      removeDir(short.dataDir);
    }
  });

  it('reports health and serves the OpenAPI document without authentication', async () => {
    const health = healthResponseSchema.parse(await (await server.api('/health')).json());
    expect(health.status).toBe('ok');
    const openapi = (await (await server.api('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toContain('/changes');
  });

  it('answers unknown paths with a 404 problem', async () => {
    await expectProblem(await server.api('/nope'), 404);
  });
});
