/**
 * Sign-in and unlock against the real reference server, online and offline, and every way a
 * sign-in can go: wrong password, changed password, a key store that lost its key (with and
 * without undelivered entries), a clock set back. None loses an entry silently, none locks the
 * user out.
 */
import { Dexie } from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { z } from 'zod';
import type { JournalEntry } from '../../../src/shared/journal/journal-log.ts';
import type { CacheKeys } from '../../../src/renderer/data/crypto/cache-keys.ts';
import { decodeWrap, PBKDF2_ITERATIONS } from '../../../src/renderer/data/crypto/key-wrap.ts';
import { cacheDbName, CacheDb } from '../../../src/renderer/data/db.ts';
import { journalEntryOf, restoreFromJournal, type JournalPort } from '../../../src/renderer/data/journal.ts';
import { KeyringDb } from '../../../src/renderer/data/keyring.ts';
import type { OutboxRecord } from '../../../src/renderer/data/records.ts';
import { createApiClient } from '../../../src/renderer/api/api-client.ts';
import { observeTime } from '../../../src/renderer/session/keyring-entry.ts';
import { countUndelivered, setAsidePending } from '../../../src/renderer/session/set-aside.ts';
import { SignInError } from '../../../src/renderer/session/sign-in-errors.ts';
import { signIn, type DeviceProtection, type SignInDeps } from '../../../src/renderer/session/sign-in.ts';
import { protectInBrowser, unprotectInBrowser } from '../../../src/renderer/platform/browser-secrets.ts';
import { openSession } from '../../../src/renderer/session/session.ts';
import { dumpDatabase, startServer } from './harness.ts';

let serverUrl: string;
let keyring: KeyringDb;
let journal: JournalEntry[];
const device: DeviceProtection = {
  isAvailable: async () => true,
  protect: protectInBrowser,
  unprotect: unprotectInBrowser,
};
/** The operating system's key store after it lost its entries: nothing sealed before opens. */
const lostKeyStore: DeviceProtection = {
  ...device,
  unprotect: () => Promise.reject(new Error('no such entry')),
};
const DAY = 24 * 3600 * 1000;

const memoryJournal: JournalPort = {
  append: async (entries) => {
    journal.push(...entries);
  },
  acknowledge: async (ids) => {
    journal = journal.filter((e) => !ids.includes(e.id));
  },
  read: async () => [...journal],
};

const deleteCache = (userId: string) => Dexie.delete(cacheDbName(userId));

function deps(overrides: Partial<SignInDeps> = {}): SignInDeps {
  const api = createApiClient({ baseUrl: serverUrl, getToken: () => null });
  return {
    login: (u, p) => api.login(u, p),
    device,
    keyring,
    maxOfflineDays: 14,
    pendingOutbox: (userId) => countUndelivered(keyring, memoryJournal, userId),
    setAside: (userId, reason, wrap) =>
      setAsidePending({ keyring, journal: memoryJournal, deleteCache }, userId, reason, wrap),
    deleteCache,
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

/** An undelivered note in the user's cache under `keys`, also in the journal. */
async function pendingNote(keys: CacheKeys, id: string = crypto.randomUUID()): Promise<OutboxRecord> {
  const session = openSession({ id: 'u-demo', username: 'demo', displayName: 'x', roles: [] } as never, keys);
  const entry: OutboxRecord = {
    id,
    kind: 'mutation',
    caseId: 'c1',
    entity: 'note',
    entityId: `n-${id}`,
    op: 'put',
    createdAt: new Date().toISOString(),
    attempts: 0,
    status: 'pending',
    sealed: await session.cipher.sealJson({ text: 'Vermerk' }, `outbox/${id}`),
  };
  await session.db.outbox.add(entry);
  journal.push(await journalEntryOf(session.cipher, entry));
  session.close();
  return entry;
}

async function probeOpens(keys: CacheKeys, sealed: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const session = openSession({ id: 'u-demo' } as never, keys);
  try {
    return (await session.cipher.openJson(sealed, 'probe', z.string()).catch(() => null)) === 'geheim';
  } finally {
    session.close();
  }
}

async function sealProbe(keys: CacheKeys): Promise<Uint8Array<ArrayBuffer>> {
  const session = openSession({ id: 'u-demo' } as never, keys);
  const sealed = await session.cipher.sealJson('geheim', 'probe');
  session.close();
  return sealed;
}

beforeAll(async () => {
  serverUrl = await startServer('signin');
});
beforeEach(async () => {
  keyring = new KeyringDb(`eakte-keyring-test-${crypto.randomUUID()}`);
  journal = [];
  await Dexie.delete(cacheDbName('u-demo'));
});
afterEach(async () => {
  keyring.close();
  await Dexie.delete(keyring.name);
});
afterAll(() => commands.stopReferenceServer('signin'));

describe('sign-in', () => {
  it('signs in online, wraps the cache key under the password and the device, names no one in the keyring, and refuses a wrong password', async () => {
    const first = await signIn({ username: 'demo', password: 'demo' }, deps());
    expect(first).toMatchObject({ offline: false, notice: null, user: { id: 'u-demo', username: 'demo' } });
    expect(first.token?.accessToken.length).toBeGreaterThan(20);
    const entry = (await keyring.users.get('u-demo'))!;
    expect(entry.deviceSealed).toBe(true);
    const wrap = decodeWrap(await unprotectInBrowser(entry.keyWrap));
    expect(wrap.iterations).toBeGreaterThanOrEqual(PBKDF2_ITERATIONS);
    // No user name, display name or time in the clear: only the id and a keyed hash.
    const dump = await dumpDatabase(keyring.name);
    expect(dump).not.toContain(first.user.displayName);
    expect(dump).not.toMatch(/=demo(;|\n|$)/);
    expect(dump).not.toMatch(/20\d\d-\d\d-\d\dT/);
    expect(entry.usernameMac).toMatch(/^[0-9a-f]{64}$/);

    // What is sealed under the first sign-in's key opens under the next one's.
    const sealed = await sealProbe(first.keys);
    const second = await signIn({ username: 'demo', password: 'demo' }, deps());
    expect(await probeOpens(second.keys, sealed)).toBe(true);

    const entryNow = (await keyring.users.get('u-demo'))!;
    const wrong = await failure(signIn({ username: 'demo', password: 'falsch' }, deps()));
    expect(wrong).toMatchObject({ code: 'wrong-credentials', params: {} });
    expect(wrong.message).not.toMatch(/Passwort/);
    expect(await keyring.users.get('u-demo')).toEqual(entryNow);
  });

  it('signs in offline by user name within the allowed days, and not with a wrong password, after too long, or for a stranger', async () => {
    const online = await signIn({ username: 'demo', password: 'demo' }, deps());
    const sealed = await sealProbe(online.keys);
    await commands.stopReferenceServer('signin');
    try {
      const offline = await signIn({ username: ' Demo ', password: 'demo' }, deps());
      expect(offline).toMatchObject({
        offline: true,
        token: null,
        notice: null,
        user: { id: 'u-demo', username: 'demo', displayName: online.user.displayName, roles: online.user.roles },
      });
      expect(await probeOpens(offline.keys, sealed)).toBe(true);

      const entryBefore = await keyring.users.get('u-demo');
      expect((await failure(signIn({ username: 'demo', password: 'nope' }, deps()))).code).toBe('wrong-credentials');
      expect(await keyring.users.get('u-demo')).toEqual(entryBefore);

      const late = await failure(
        signIn({ username: 'demo', password: 'demo' }, deps({ now: () => new Date(Date.now() + 15 * DAY) })),
      );
      expect(late).toMatchObject({ code: 'offline-expired', params: { days: 14 } });

      expect((await failure(signIn({ username: 'demo2', password: 'demo' }, deps()))).code).toBe(
        'offline-unknown-user',
      );
    } finally {
      await commands.resumeReferenceServer('signin');
    }
  });

  it('catches a clock set back before a time already seen, at sign-in or while a session ran, and then needs the network', async () => {
    const now = Date.now();
    const online = await signIn({ username: 'demo', password: 'demo' }, deps());
    await commands.stopReferenceServer('signin');
    try {
      const at = (offset: number) => deps({ now: () => new Date(now + offset) });
      // Before the last online sign-in.
      expect((await failure(signIn({ username: 'demo', password: 'demo' }, at(-2 * DAY)))).code).toBe(
        'offline-clock-back',
      );
      // An offline sign-in on day 5 is seen; going back to day 2 afterwards is caught.
      await expect(signIn({ username: 'demo', password: 'demo' }, at(5 * DAY))).resolves.toMatchObject({
        offline: true,
      });
      expect((await failure(signIn({ username: 'demo', password: 'demo' }, at(2 * DAY)))).code).toBe(
        'offline-clock-back',
      );
      // A running session saw day 9: day 7 is caught too; day 10 is fine.
      const session = openSession(online.user, online.keys);
      await observeTime(keyring, session.cipher, 'u-demo', now + 9 * DAY);
      session.close();
      expect((await failure(signIn({ username: 'demo', password: 'demo' }, at(7 * DAY)))).code).toBe(
        'offline-clock-back',
      );
      await expect(signIn({ username: 'demo', password: 'demo' }, at(10 * DAY))).resolves.toMatchObject({
        offline: true,
      });
      // Setting the clock back cannot make the 14 days last longer either: day 15 is too late.
      expect((await failure(signIn({ username: 'demo', password: 'demo' }, at(15 * DAY)))).code).toBe(
        'offline-expired',
      );
    } finally {
      await commands.resumeReferenceServer('signin');
    }
    // Online always works, and sets the clock anew.
    await expect(signIn({ username: 'demo', password: 'demo' }, deps())).resolves.toMatchObject({ offline: false });
  });

  it('anchors the offline period to the service clock: a clock set back before the online sign-in gains nothing', async () => {
    const monthAgo = () => new Date(Date.now() - 30 * DAY);
    const online = await signIn({ username: 'demo', password: 'demo' }, deps({ now: monthAgo }));
    expect(online.offline).toBe(false);
    await commands.stopReferenceServer('signin');
    try {
      const offline = await failure(
        signIn({ username: 'demo', password: 'demo' }, deps({ now: () => new Date(monthAgo().getTime() + DAY) })),
      );
      expect(offline.code).toBe('offline-clock-back');
    } finally {
      await commands.resumeReferenceServer('signin');
    }
  });

  it('after a password change asks for the previous password, says when that is wrong too, then re-wraps', async () => {
    // The cache key wrapped under an old password, with an undelivered entry in the cache.
    const old = await signIn({ username: 'demo', password: 'alt-passwort' }, deps({ login: realLoginAs('demo') }));
    const entry = await pendingNote(old.keys, 'm1');

    const asked = await failure(signIn({ username: 'demo', password: 'demo' }, deps()));
    expect(asked).toMatchObject({ code: 'password-changed', params: { pending: 1 } });
    const wrongPrevious = await failure(
      signIn({ username: 'demo', password: 'demo', previousPassword: 'auch-falsch' }, deps()),
    );
    expect(wrongPrevious).toMatchObject({ code: 'previous-password-wrong', params: { pending: 1 } });
    const db = new CacheDb(cacheDbName('u-demo'));
    expect(await db.outbox.count()).toBe(1);

    const recovered = await signIn({ username: 'demo', password: 'demo', previousPassword: 'alt-passwort' }, deps());
    const record = (await db.outbox.get({ id: 'm1' }))!;
    const session = openSession(recovered.user, recovered.keys);
    await expect(session.cipher.openJson(record.sealed, 'outbox/m1', z.object({ text: z.string() }))).resolves.toEqual({
      text: 'Vermerk',
    });
    expect(record).toEqual({ ...entry, seq: record.seq });
    // Now wrapped under the new password: the next sign-in needs no previous password.
    await expect(signIn({ username: 'demo', password: 'demo' }, deps())).resolves.toMatchObject({ notice: null });
    db.close();
    session.close();
  });

  it('after a password change, without the previous password, sets the entries aside for IT and starts a fresh cache', async () => {
    const old = await signIn({ username: 'demo', password: 'alt' }, deps({ login: realLoginAs('demo') }));
    const entry = await pendingNote(old.keys, 'm2');
    expect((await failure(signIn({ username: 'demo', password: 'demo' }, deps()))).code).toBe('password-changed');

    const fresh = await signIn({ username: 'demo', password: 'demo', setAsidePending: true }, deps());
    expect(fresh.notice).toEqual({ code: 'pending-set-aside', params: { count: 1, reason: 'password-unknown' } });
    const [aside] = await keyring.setAside.toArray();
    expect(aside).toMatchObject({ userId: 'u-demo', reason: 'password-unknown', entryIds: ['m2'] });
    // Kept exactly as it was, with the wrap that opens it (should the old password turn up).
    expect(aside!.outbox).toEqual([{ ...entry, seq: aside!.outbox[0]!.seq }]);
    expect(aside!.keyWrap).not.toBe((await keyring.users.get('u-demo'))!.keyWrap);
    // The cache starts afresh; the journal keeps its copy, which the new key leaves alone.
    const db = new CacheDb(cacheDbName('u-demo'));
    expect(await db.outbox.count()).toBe(0);
    const session = openSession(fresh.user, fresh.keys);
    const restore = await restoreFromJournal(session.db, session.cipher, memoryJournal);
    expect(restore).toEqual({ journaled: [], restored: 0, unreadable: 1 });
    expect(journal.map((e) => e.id)).toEqual(['m2']);
    // No longer pending: the next sign-ins just work.
    expect(await countUndelivered(keyring, memoryJournal, 'u-demo')).toBe(0);
    await expect(signIn({ username: 'demo', password: 'demo' }, deps())).resolves.toMatchObject({ notice: null });
    db.close();
    session.close();
  });

  it('when the key store lost the key: online starts a fresh cache and says so, offline says to sign in online', async () => {
    const first = await signIn({ username: 'demo', password: 'demo' }, deps());
    const sealed = await sealProbe(first.keys);
    await commands.stopReferenceServer('signin');
    try {
      expect((await failure(signIn({ username: 'demo', password: 'demo' }, deps({ device: lostKeyStore })))).code).toBe(
        'device-key-unavailable',
      );
    } finally {
      await commands.resumeReferenceServer('signin');
    }
    const online = await signIn({ username: 'demo', password: 'demo' }, deps({ device: lostKeyStore }));
    expect(online.notice).toEqual({ code: 'device-key-lost' });
    expect(await probeOpens(online.keys, sealed)).toBe(false);
    expect(await keyring.setAside.count()).toBe(0);
    // Wrapped again under the (working) key store: the next sign-in, online or offline, is plain.
    await expect(signIn({ username: 'demo', password: 'demo' }, deps())).resolves.toMatchObject({ notice: null });
  });

  it('when the key store lost the key and entries are undelivered, sets them aside instead of asking for a password forever', async () => {
    const first = await signIn({ username: 'demo', password: 'demo' }, deps());
    await pendingNote(first.keys, 'm3');
    // One more that only the journal still has (IndexedDB lost it).
    const session = openSession(first.user, first.keys);
    journal.push(
      await journalEntryOf(session.cipher, {
        id: 'm4',
        kind: 'audit',
        caseId: 'c1',
        createdAt: new Date().toISOString(),
        attempts: 0,
        status: 'pending',
        sealed: await session.cipher.sealJson({ x: 1 }, 'outbox/m4'),
      }),
    );
    session.close();

    const online = await signIn({ username: 'demo', password: 'demo' }, deps({ device: lostKeyStore }));
    expect(online.notice).toEqual({ code: 'pending-set-aside', params: { count: 2, reason: 'device-key-lost' } });
    const [aside] = await keyring.setAside.toArray();
    expect(aside).toMatchObject({ reason: 'device-key-lost', entryIds: ['m3', 'm4'] });
    expect(aside!.journal.map((e) => e.id)).toEqual(['m4']);
    expect(await countUndelivered(keyring, memoryJournal, 'u-demo')).toBe(0);
    // The second time is an ordinary sign-in.
    await expect(signIn({ username: 'demo', password: 'demo' }, deps())).resolves.toMatchObject({ notice: null });
  });

  it('when the keyring is gone but a cache with undelivered entries is still there, sets them aside and starts afresh', async () => {
    const first = await signIn({ username: 'demo', password: 'demo' }, deps());
    await pendingNote(first.keys, 'm5');
    await keyring.users.clear();
    const again = await signIn({ username: 'demo', password: 'demo' }, deps());
    expect(again.notice).toEqual({ code: 'pending-set-aside', params: { count: 1, reason: 'device-key-lost' } });
    expect((await keyring.setAside.toArray())[0]).toMatchObject({ entryIds: ['m5'], keyWrap: '' });
    const db = new CacheDb(cacheDbName('u-demo'));
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('a keyring from before version 2 loses the names it held in the clear, keeps the key, and is completed online', async () => {
    const first = await signIn({ username: 'demo', password: 'demo' }, deps());
    const sealed = await sealProbe(first.keys);
    const entry = (await keyring.users.get('u-demo'))!;
    keyring.close();
    await Dexie.delete(keyring.name);
    const v1 = new Dexie(keyring.name);
    v1.version(1).stores({ users: 'userId, &username' });
    await v1.table('users').put({
      userId: 'u-demo',
      username: 'demo',
      displayName: 'Jana Becker',
      roles: ['caseworker'],
      keyWrap: entry.keyWrap,
      deviceSealed: true,
      lastOnlineSignInAt: new Date().toISOString(),
    });
    v1.close();

    keyring = new KeyringDb(keyring.name);
    const migrated = (await keyring.users.get('u-demo'))!;
    expect(Object.keys(migrated).sort()).toEqual(['deviceSealed', 'keyWrap', 'userId']);
    await commands.stopReferenceServer('signin');
    try {
      expect((await failure(signIn({ username: 'demo', password: 'demo' }, deps()))).code).toBe('offline-unknown-user');
    } finally {
      await commands.resumeReferenceServer('signin');
    }
    const online = await signIn({ username: 'demo', password: 'demo' }, deps());
    expect(await probeOpens(online.keys, sealed)).toBe(true);
    await commands.stopReferenceServer('signin');
    try {
      await expect(signIn({ username: 'demo', password: 'demo' }, deps())).resolves.toMatchObject({ offline: true });
    } finally {
      await commands.resumeReferenceServer('signin');
    }
  });
});

/** The service accepting any password for this user (as after a password change elsewhere). */
function realLoginAs(username: string): SignInDeps['login'] {
  const api = createApiClient({ baseUrl: serverUrl, getToken: () => null });
  return () => api.login(username, 'demo');
}
