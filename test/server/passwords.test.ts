import { describe, expect, it } from 'vitest';
import { CURRENT_SCRYPT, hashPassword, needsRehash, verifyPassword } from '../../server/store/passwords.ts';
import { expectProblem, useSignedInServer, type TestServer } from './helpers.ts';

const LEGACY = { N: 2 ** 14, r: 8, p: 1 } as const;
const current = `scrypt$${CURRENT_SCRYPT.N}$${CURRENT_SCRYPT.r}$${CURRENT_SCRYPT.p}$`;

describe('password hashes', () => {
  let server: TestServer;
  useSignedInServer((s) => {
    server = s;
  });
  const storedHash = (username: string) => server.handle.context.users.byUsername(username)?.passwordHash ?? '';
  const login = (username: string, password: string) =>
    server.api('/auth/login', { method: 'POST', json: { username, password } });

  it('are made at OWASP’s scrypt parameters (N = 2^17, r = 8, p = 1) with the parameters in the string', () => {
    expect(CURRENT_SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(CURRENT_SCRYPT.r).toBeGreaterThanOrEqual(8);
    expect(storedHash('demo').startsWith(current)).toBe(true);
  });

  it('made with N = 2^14 still sign in, and are stored with today’s parameters afterwards', async () => {
    const legacy = await hashPassword('demo', LEGACY);
    expect(legacy.startsWith('scrypt$16384$8$1$')).toBe(true);
    server.handle.context.users.setPasswordHash('u-demo2', legacy);

    // A wrong password changes nothing.
    await expectProblem(await login('demo2', 'falsch'), 401);
    expect(storedHash('demo2')).toBe(legacy);

    expect((await login('demo2', 'demo')).status).toBe(200);
    const upgraded = storedHash('demo2');
    expect(upgraded.startsWith(current)).toBe(true);
    expect(upgraded).not.toBe(legacy);
    expect(needsRehash(upgraded)).toBe(false);
    expect(await verifyPassword('demo', upgraded)).toBe(true);
    expect((await login('demo2', 'demo')).status).toBe(200);
    expect(storedHash('demo2')).toBe(upgraded);
  });

  it('that are damaged or ask for absurd memory do not verify', async () => {
    const good = await hashPassword('demo', LEGACY);
    const [, , r, p, salt, key] = good.split('$');
    expect(await verifyPassword('demo', `scrypt$16384$${r}$${p}$${salt}$${key}`)).toBe(true);
    expect(await verifyPassword('demo', `scrypt$16383$${r}$${p}$${salt}$${key}`)).toBe(false);
    expect(await verifyPassword('demo', `scrypt$${2 ** 24}$${r}$${p}$${salt}$${key}`)).toBe(false);
    expect(await verifyPassword('demo', `scrypt$16384$${r}$${p}$${salt}`)).toBe(false);
    expect(await verifyPassword('demo', `bcrypt$16384$${r}$${p}$${salt}$${key}`)).toBe(false);
    expect(await verifyPassword('demo', undefined)).toBe(false);
  });
});
