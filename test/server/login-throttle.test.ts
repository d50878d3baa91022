/**
 * Sign-in throttling over HTTP. The server trusts `X-Forwarded-For` from loopback here, as it
 * would from a reverse proxy in front of it (`trustProxy`), so a test can sign in "from" any
 * address; a second server without that setting shows the header is otherwise ignored. The
 * server's clock is injected, so lockouts end without waiting.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addressScope } from '../../server/http/login-throttle.ts';
import { expectProblem, removeDir, startTestServer, type TestServer } from './helpers.ts';

const LOCKOUT_S = 60;
const MAX_LOCKOUT_S = 180;

describe('sign-in throttling', () => {
  let server: TestServer;
  let now = Date.now();
  beforeAll(async () => {
    server = await startTestServer({
      trustProxy: ['127.0.0.1'],
      loginMaxFailures: 2,
      loginMaxFailuresPerAddress: 4,
      loginLockoutMs: LOCKOUT_S * 1000,
      loginMaxLockoutMs: MAX_LOCKOUT_S * 1000,
      clock: () => now,
    });
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });
  // Every test starts after a quiet day, when all counts and lockout levels are forgotten.
  beforeEach(() => {
    now += 2 * 24 * 3600_000;
  });

  const signIn = (username: string, password: string, from: string) =>
    server.api('/auth/login', { method: 'POST', json: { username, password }, headers: { 'x-forwarded-for': from } });
  const locked = async (response: Response) => {
    const body = await expectProblem(response, 429);
    expect(body['type']).toBe('/problems/too-many-attempts');
    expect(String(body['detail'])).toContain('Anmeldeversuche');
    return Number(response.headers.get('retry-after'));
  };

  it('locks a username guessed at from many addresses, and only that username', async () => {
    await expectProblem(await signIn('demo', 'falsch', '203.0.113.1'), 401);
    await expectProblem(await signIn('demo', 'geraten', '203.0.113.2'), 401);
    // Locked everywhere, even for the right password, which is not even checked.
    expect(await locked(await signIn('demo', 'demo', '203.0.113.3'))).toBe(LOCKOUT_S);
    expect(await locked(await signIn('DEMO', 'demo', '198.51.100.99'))).toBe(LOCKOUT_S);
    // Another user with the right password, from an attacking address, is let in.
    expect((await signIn('demo2', 'demo', '203.0.113.1')).status).toBe(200);
    now += LOCKOUT_S * 1000 + 1;
    expect((await signIn('demo', 'demo', '203.0.113.3')).status).toBe(200);
  });

  it('locks an address trying many usernames, and only that address', async () => {
    for (const username of ['anna', 'bernd', 'carla', 'demo2'])
      await expectProblem(await signIn(username, 'sommer2025', '198.51.100.7'), 401);
    expect(await locked(await signIn('demo', 'demo', '198.51.100.7'))).toBe(LOCKOUT_S);
    expect((await signIn('demo', 'demo', '198.51.100.8')).status).toBe(200);
    // demo2 had one failure from there: it is not locked by name.
    expect((await signIn('demo2', 'demo', '198.51.100.8')).status).toBe(200);
  });

  it('counts an IPv6 client by its /64 network', async () => {
    for (const [i, username] of ['anna', 'bernd', 'carla', 'dieter'].entries())
      await expectProblem(await signIn(username, 'sommer2025', `2001:db8:1:2::${i + 1}`), 401);
    await locked(await signIn('demo', 'demo', '2001:db8:1:2:ffff::9'));
    expect((await signIn('demo', 'demo', '2001:db8:1:3::1')).status).toBe(200);
  });

  it('doubles each further lockout of the same key up to the ceiling; a successful sign-in starts over', async () => {
    const lockOut = async () => {
      await expectProblem(await signIn('demo2', 'falsch', '192.0.2.1'), 401);
      await expectProblem(await signIn('demo2', 'falsch', '192.0.2.2'), 401);
      const seconds = await locked(await signIn('demo2', 'demo', '192.0.2.3'));
      now += seconds * 1000 + 1;
      return seconds;
    };
    expect([await lockOut(), await lockOut(), await lockOut()]).toEqual([LOCKOUT_S, 2 * LOCKOUT_S, MAX_LOCKOUT_S]);
    expect((await signIn('demo2', 'demo', '192.0.2.3')).status).toBe(200);
    expect(await lockOut()).toBe(LOCKOUT_S);
  });

  it('forgets single failures after a successful sign-in of that user', async () => {
    await expectProblem(await signIn('demo', 'falsch', '192.0.2.10'), 401);
    expect((await signIn('demo', 'demo', '192.0.2.10')).status).toBe(200);
    await expectProblem(await signIn('demo', 'falsch', '192.0.2.10'), 401);
    expect((await signIn('demo', 'demo', '192.0.2.10')).status).toBe(200);
  });
});

describe('sign-in throttling without a trusted proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false, loginMaxFailures: 5, loginMaxFailuresPerAddress: 3 });
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('ignores X-Forwarded-For, so a client cannot pose as many addresses', async () => {
    for (const [i, username] of ['anna', 'bernd', 'carla'].entries()) {
      const response = await server.api('/auth/login', {
        method: 'POST',
        json: { username, password: 'falsch' },
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
      });
      await expectProblem(response, 401);
    }
    const response = await server.api('/auth/login', {
      method: 'POST',
      json: { username: 'dieter', password: 'falsch' },
      headers: { 'x-forwarded-for': '203.0.113.200' },
    });
    await expectProblem(response, 429);
  });
});

describe('address scope', () => {
  it('is the IPv4 address itself and the /64 network of an IPv6 address', () => {
    expect(addressScope('192.0.2.1')).toBe('192.0.2.1');
    expect(addressScope('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressScope('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressScope('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressScope('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressScope('::1')).toBe('0:0:0:0::/64');
  });
});
