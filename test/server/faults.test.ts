/**
 * The simulated branch-office line carries what a real line carries: the compressed answer. A
 * reset after N bytes cuts the gzip stream after exactly N bytes, and the line's bandwidth is
 * spent on those bytes, not on the JSON before compression.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await server.login();
});
afterAll(() => server.stop());

/** The raw bytes of a change-feed answer as they come off the socket, until it ends or is cut. */
function rawFeed(): Promise<{ encoding: string | undefined; length: string | undefined; bytes: number; cut: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/api/v1/changes?limit=1000`,
      { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } },
      (res) => {
        let bytes = 0;
        const answer = (cut: boolean) =>
          resolve({ encoding: res.headers['content-encoding'], length: res.headers['content-length'], bytes, cut });
        res.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
        res.on('end', () => answer(false));
        res.on('aborted', () => answer(true));
        res.on('error', () => answer(true));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('fault injection', () => {
  it('shapes the compressed answer: a reset after N bytes leaves exactly N bytes of gzip', async () => {
    const whole = await rawFeed();
    expect(whole).toMatchObject({ encoding: 'gzip', cut: false });
    const cutAt = Math.floor(whole.bytes / 2);
    await server.admin('/faults', 'POST', { resetRate: 1, resetAfterBytes: cutAt, pathPrefix: '/api/v1/changes' });
    try {
      expect(await rawFeed()).toMatchObject({ encoding: 'gzip', bytes: cutAt, cut: true });
    } finally {
      await server.admin('/faults', 'POST', {});
    }
  });

  it('cuts a compressed answer at half of its bytes when no length is given', async () => {
    await server.admin('/faults', 'POST', { resetRate: 1, pathPrefix: '/api/v1/changes' });
    try {
      const cut = await rawFeed();
      expect(cut).toMatchObject({ encoding: 'gzip', cut: true });
      expect(cut.bytes).toBe(Math.floor(Number(cut.length) / 2));
    } finally {
      await server.admin('/faults', 'POST', {});
    }
  });
});
