import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startTestServer, type TestServer } from './helpers.ts';

describe('CORS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ extraOrigins: ['https://akte.jobcenter.example'], demo: false });
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  const preflight = (origin: string) =>
    fetch(`${server.url}/api/v1/changes`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization, range',
      },
    });

  it('answers preflights for the Electron origin, loopback origins and configured origins', async () => {
    for (const origin of [
      'app://e-akte',
      'http://127.0.0.1:5173',
      'http://localhost:4000',
      'https://akte.jobcenter.example',
    ]) {
      const response = await preflight(origin);
      expect(response.status, origin).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
      expect(response.headers.get('access-control-allow-headers')).toMatch(/Range/);
    }
  });

  it('exposes the headers the client reads on real responses', async () => {
    const response = await fetch(`${server.url}/api/v1/health`, { headers: { origin: 'app://e-akte' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('app://e-akte');
    for (const header of ['ETag', 'Content-Range', 'Accept-Ranges', 'Retry-After']) {
      expect(response.headers.get('access-control-expose-headers')).toContain(header);
    }
  });

  it('gives other origins no CORS headers and refuses their preflight', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const plain = await fetch(`${server.url}/api/v1/health`, { headers: { origin: 'http://127.0.0.1.evil.example' } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });
});
