/** Sign-in and unlock against the real reference server, online and offline. */
import { Dexie } from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { z } from 'zod';
import {
  createCacheKey,
  decodeWrap,
  encodeWrap,
  PBKDF2_ITERATIONS,
  wrapWithPassword,
} from '../../../src/renderer/data/crypto/key-wrap.ts';
import { cacheDbName, CacheDb } from '../../../src/renderer/data/db.ts';
import { KeyringDb } from '../../../src/renderer/data/keyring.ts';
import { createApiClient } from '../../../src/renderer/api/api-client.ts';
import { SignInError } from '../../../src/renderer/session/sign-in-errors.ts';
import { signIn, type DeviceProtection, type SignInDeps } from '../../../src/renderer/session/sign-in.ts';
import { protectInBrowser, unprotectInBrowser } from '../../../src/renderer/platform/browser-secrets.ts';
import { openSession } from '../../../src/renderer/session/session.ts';
import { startServer, stopServer } from './harness.ts';

let serverUrl: string;
let keyring: KeyringDb;
const device: DeviceProtection = {
  isAvailable: async () => true,
  protect: protectInBrowser,
  unprotect: unprotectInBrowser,
};
const DAY = 24 * 3600 * 1000;

function deps(overrides: Partial<SignInDeps> = {}): SignInDeps {
  const api = createApiClient({ baseUrl: serverUrl, getToken: () => null });
  return {
    login: (u, p) => api.login(u, p),
    device,
    keyring,
    maxOfflineDays: 14,
    pendingOutbox: async (userId) => {
      const db = new CacheDb(cacheDbName(userId));
      try {
        return await db.outbox.where('status').anyOf('pending', 'failed').count();
      } finally {
        db.close();
      }
    },
    deleteCache: (userId) => Dexie.delete(cacheDbName(userId)),
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<SignInError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SignInError);
  return error as SignInError;
}

beforeAll(async () => {
  serverUrl = await startServer('signin');
});
beforeEach(async () => {
  keyring = new KeyringDb(`eakte-keyring-test-${crypto.randomUUID()}`);
  await Dexie.delete(cacheDbName('u-demo'));
});
afterEach(async () => {
  keyring.close();
  await Dexie.delete(keyring.name);
});
afterAll(() => stopServer('signin'));

describe('sign-in', () => {
  it('signs in online, wraps the cache key under the password and the device, and refuses a wrong password', async () => {
    const first = await signIn({ username: 'demo', password: 'demo' }, deps());
    expect(first).toMatchObject({ offline: false, user: { id: 'u-demo', username: 'demo' } });
    expect(first.token?.accessToken.length).toBeGreaterThan(20);
    const entry = (await keyring.users.get('u-demo'))!;
    expect(entry.deviceSealed).toBe(true);
    const wrap = decodeWrap(await unprotectInBrowser(entry.keyWrap));
    expect(wrap.iterations).toBeGreaterThanOrEqual(PBKDF2_ITERATIONS);

    // What is sealed under the first sign-in's key opens under the next one's.
    const sealed = await openSession(first.user, first.cacheKey).cipher.sealJson({ x: 1 }, 'probe');
    const second = await signIn({ username: 'demo', password: 'demo' }, deps());
    await expect(
      openSession(second.user, second.cacheKey).cipher.openJson(sealed, 'probe', z.object({ x: z.number() })),
    ).resolves.toEqual({ x: 1 });

    const entryNow = (await keyring.users.get('u-demo'))!;
    const wrong = await failure(signIn({ username: 'demo', password: 'falsch' }, deps()));
    expect(wrong.code).toBe('wrong-credentials');
    expect(wrong.message).toMatch(/Benutzername oder Passwort ist falsch/);
    expect(await keyring.users.get('u-demo')).toEqual(entryNow);
  });

  it('signs in offline within the allowed days, and not with a wrong password, after too long, or for a stranger', async () => {
    const online = await signIn({ username: 'demo', password: 'demo' }, deps());
    const sealed = await openSession(online.user, online.cacheKey).cipher.sealJson('geheim', 'probe');
    const entryBefore = await keyring.users.get('u-demo');
    await commands.stopReferenceServer('signin');
    try {
      const offline = await signIn({ username: 'Demo', password: 'demo' }, deps());
      expect(offline).toMatchObject({
        offline: true,
        token: null,
        user: { id: 'u-demo', displayName: online.user.displayName },
      });
      await expect(
        openSession(offline.user, offline.cacheKey).cipher.openJson(sealed, 'probe', z.string()),
      ).resolves.toBe('geheim');

      expect((await failure(signIn({ username: 'demo', password: 'nope' }, deps()))).code).toBe('wrong-credentials');
      expect(await keyring.users.get('u-demo')).toEqual(entryBefore);

      const late = await failure(
        signIn({ username: 'demo', password: 'demo' }, deps({ now: () => new Date(Date.now() + 15 * DAY) })),
      );
      expect(late.code).toBe('offline-expired');
      expect(late.message).toMatch(/mehr als 14 Tage/);

      expect((await failure(signIn({ username: 'demo2', password: 'demo' }, deps()))).code).toBe(
        'offline-unknown-user',
      );
    } finally {
      await commands.resumeReferenceServer('signin');
    }
  });

  it('after a password change keeps undelivered entries: asks for the previous password, then re-wraps', async () => {
    // A key wrapped under an old password, with an undelivered entry in the cache.
    const old = await signIn({ username: 'demo', password: 'demo' }, deps());
    const entry = (await keyring.users.get('u-demo'))!;
    const { key, raw } = await createCacheKey();
    await keyring.users.put({
      ...entry,
      keyWrap: await protectInBrowser(encodeWrap(await wrapWithPassword(raw, 'alt-passwort'))),
    });
    const db = new CacheDb(cacheDbName('u-demo'));
    const session = openSession(old.user, key);
    await db.outbox.add({
      id: 'm1',
      kind: 'mutation',
      caseId: 'c1',
      entity: 'note',
      entityId: 'n1',
      op: 'put',
      createdAt: new Date().toISOString(),
      attempts: 0,
      status: 'pending',
      sealed: await session.cipher.sealJson({ text: 'Vermerk' }, 'outbox/m1'),
    });

    const asked = await failure(signIn({ username: 'demo', password: 'demo' }, deps()));
    expect(asked.code).toBe('password-changed');
    expect(await db.outbox.count()).toBe(1);

    const recovered = await signIn({ username: 'demo', password: 'demo', previousPassword: 'alt-passwort' }, deps());
    const record = (await db.outbox.get({ id: 'm1' }))!;
    await expect(
      openSession(recovered.user, recovered.cacheKey).cipher.openJson(
        record.sealed,
        'outbox/m1',
        z.object({ text: z.string() }),
      ),
    ).resolves.toEqual({ text: 'Vermerk' });
    // Now wrapped under the new password: the next sign-in needs no previous password.
    await expect(signIn({ username: 'demo', password: 'demo' }, deps())).resolves.toMatchObject({ offline: false });
    db.close();
    session.close();
  });
});
