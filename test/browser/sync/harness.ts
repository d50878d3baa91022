/**
 * Page-side helpers for sync tests: a signed-in session against the real reference server (the
 * test's own instance), admin calls, and raw dumps of what IndexedDB holds.
 */
import { Dexie } from 'dexie';
import { commands } from 'vitest/browser';
import type { User } from '../../../src/shared/domain/user.ts';
import type { Clock } from '../../../src/shared/util/clock.ts';
import { createCacheKey } from '../../../src/renderer/data/crypto/key-wrap.ts';
import { cacheDbName } from '../../../src/renderer/data/db.ts';
import { createApiClient, type ApiClient } from '../../../src/renderer/api/api-client.ts';
import { engineOutbox } from '../../../src/renderer/data/repos/outbox-store.ts';
import { openSession, type OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import { SyncEngine, type EngineDeps } from '../../../src/renderer/sync/engine.ts';
import { createStorageRoom } from '../../../src/renderer/sync/storage-room.ts';
import type { TestServerOptions } from '../../support/reference-server-commands.ts';

export type Harness = {
  serverUrl: string;
  api: ApiClient;
  token: string;
  user: User;
  session: Session;
  admin(path: string, method?: string, body?: unknown): Promise<Response>;
  /** Records the Range header of every content request. */
  ranges: string[];
  /** When set, rewrites the next content response (e.g. to corrupt it). */
  tamperNextContent: ((bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>) | null;
  close(): Promise<void>;
};

export async function startServer(name: string, options?: TestServerOptions): Promise<string> {
  return (await commands.startReferenceServer(name, undefined, options)).url;
}

export async function stopServer(name: string): Promise<void> {
  await commands.stopReferenceServer(name);
}

/** `clock` is the device's clock for the session (the service keeps its own). */
export async function signedIn(
  serverUrl: string,
  username = 'demo',
  { clock }: { clock?: Clock } = {},
): Promise<Harness> {
  let token = '';
  const harness: Partial<Harness> & { ranges: string[] } = { ranges: [], tamperNextContent: null };
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/content')) {
      harness.ranges.push(new Headers(init?.headers).get('Range') ?? '');
      const tamper = harness.tamperNextContent;
      if (tamper) {
        harness.tamperNextContent = null;
        const response = await fetch(input, init);
        const bytes = tamper(new Uint8Array(await response.arrayBuffer()));
        return new Response(bytes, { status: response.status, headers: response.headers });
      }
    }
    return fetch(input, init);
  };
  const api = createApiClient({ baseUrl: serverUrl, getToken: () => token, fetch: recordingFetch });
  const login = await api.login(username, 'demo');
  token = login.accessToken;
  await Dexie.delete(cacheDbName(login.user.id));
  const session = openSession(login.user, (await createCacheKey()).keys, clock ? { clock } : {});
  return Object.assign(harness, {
    serverUrl,
    api,
    token,
    user: login.user,
    session,
    admin: (path: string, method = 'POST', body?: unknown) =>
      fetch(`${serverUrl}/admin${path}`, {
        method,
        ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
      }),
    close: async () => {
      session.close();
      await Dexie.delete(cacheDbName(login.user.id));
    },
  }) as Harness;
}

/** Every value of every object store of a database, as text (bytes as Latin-1), to search for plaintext. */
export async function dumpDatabase(name: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
  });
  const parts: string[] = [];
  const show = (value: unknown): string => {
    if (value instanceof Uint8Array) return Array.from(value, (b) => String.fromCharCode(b)).join('');
    if (value instanceof ArrayBuffer) return show(new Uint8Array(value));
    if (Array.isArray(value)) return value.map(show).join('|');
    if (value && typeof value === 'object')
      return Object.entries(value)
        .map(([k, v]) => `${k}=${show(v)}`)
        .join(';');
    return String(value);
  };
  for (const storeName of Array.from(db.objectStoreNames)) {
    const values = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(storeName).objectStore(storeName).getAll();
      request.onsuccess = () => resolve(request.result as unknown[]);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
    parts.push(...values.map(show));
  }
  db.close();
  return parts.join('\n');
}

export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * A sync engine over the harness's session as the browser tests run it: the real outbox, the
 * real storage room under a 2 GB budget, always online, quick rounds, no jitter; `overrides`
 * changes what a test needs otherwise.
 */
export function testEngine(h: Harness, overrides: Partial<EngineDeps> = {}): SyncEngine {
  const estimate = async () => navigator.storage.estimate();
  const { db, cipher, contents } = h.session;
  return new SyncEngine({
    api: h.api,
    db,
    cipher,
    contents,
    ...engineOutbox(db, cipher, () => Date.now()),
    room: createStorageRoom({ db, policyBudget: 2 * 1024 ** 3, estimate }),
    publish: () => undefined,
    isOnline: () => true,
    estimate,
    persisted: async () => null,
    intervalMs: 500,
    random: () => 0.2,
    contentConcurrency: 1,
    ...overrides,
  });
}
