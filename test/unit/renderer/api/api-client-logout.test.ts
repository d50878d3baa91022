/** The REST client's `logout()` against the real reference server on loopback. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../src/renderer/api/api-client.ts';
import { ServerError } from '../../../../src/renderer/api/api-errors.ts';
import { removeDir, startTestServer, type TestServer } from '../../../server/helpers.ts';

describe('api client: logout', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('revokes the signed-in token, and counts an already invalid token as signed out', async () => {
    let token: string | null = null;
    const api = createApiClient({ baseUrl: server.url, getToken: () => token });
    token = (await api.login('demo', 'demo')).accessToken;
    expect((await api.me()).user.username).toBe('demo');
    await api.logout();
    expect((await server.api('/me', { token })).status).toBe(401);
    await expect(api.logout()).resolves.toBeUndefined();
    token = null;
    await expect(api.logout()).resolves.toBeUndefined();
  });

  it('reports other failures', async () => {
    await server.admin('/faults', 'POST', { failRate: 1, pathPrefix: '/api/v1/auth/logout' });
    try {
      const api = createApiClient({ baseUrl: server.url, getToken: () => 'x'.repeat(43) });
      const error = await api.logout().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ServerError);
      expect((error as ServerError).status).toBe(503);
    } finally {
      await server.admin('/faults', 'POST', {});
    }
  });
});
