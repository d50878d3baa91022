/**
 * The in-page half of `npm run bench -- sync`: the client's own sync code in Chromium, driven by
 * bench/sync.ts through `window.syncBench`.
 */
import { Dexie } from 'dexie';
import type { ChangesResponse } from '../../src/shared/api/changes.ts';
import { createCacheKey } from '../../src/renderer/data/crypto/key-wrap.ts';
import { CacheDb, CURRENT_SCHEMA } from '../../src/renderer/data/db.ts';
import { createApiClient } from '../../src/renderer/api/api-client.ts';
import {
  CONTENT_CHUNK_BYTES,
  documentsWithBytes,
  freshContent,
  TABLE_OF,
  writePage,
} from '../../src/renderer/sync/apply-changes.ts';
import { readFeedPages } from '../../src/renderer/sync/feed-pages.ts';
import { recordOf } from '../../src/renderer/data/repos/entity-records.ts';
import { engineOutbox } from '../../src/renderer/data/repos/outbox-store.ts';
import { SyncEngine } from '../../src/renderer/sync/engine.ts';
import { pull } from '../../src/renderer/sync/pull.ts';
import { createStorageRoom } from '../../src/renderer/sync/storage-room.ts';
import { CacheCipher } from '../../src/renderer/data/crypto/cipher.ts';
import { createContentsRepo } from '../../src/renderer/data/repos/contents.ts';

/** A Dexie key path ('[a+b]' is compound) as IndexedDB takes it. */
function keyPath(spec: string): string | string[] {
  return spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec;
}

async function session(serverUrl: string, name: string) {
  let token = '';
  const api = createApiClient({ baseUrl: serverUrl, getToken: () => token });
  token = (await api.login('demo', 'demo')).accessToken;
  await Dexie.delete(name);
  const db = new CacheDb(name);
  const cipher = new CacheCipher((await createCacheKey()).keys);
  return { api, db, cipher };
}

/** Cold metadata sync (the whole change feed into an empty cache), timed. */
async function coldMetadata(serverUrl: string): Promise<{ ms: number; changes: number; requests: number }> {
  const { api, db, cipher } = await session(serverUrl, 'bench-cold');
  const started = performance.now();
  const result = await pull(api, db, cipher);
  const ms = performance.now() - started;
  db.close();
  return { ms, changes: result.changes, requests: result.requests };
}

/** The best of `runs` cold syncs, each into an empty cache (the machine is shared with other work). */
async function bestColdMetadata(
  serverUrl: string,
  runs: number,
): Promise<{ ms: number; changes: number; requests: number }> {
  let best = await coldMetadata(serverUrl);
  for (let run = 1; run < runs; run++) {
    const next = await coldMetadata(serverUrl);
    if (next.ms < best.ms) best = next;
  }
  return best;
}

/**
 * The pages through the engine's apply as pull runs it (feed-pages.ts: each page sealed as it
 * "arrives", up to two ahead of the one being written), from memory instead of the network.
 */
async function applyAll(pages: readonly ChangesResponse[], cipher: CacheCipher, name: string): Promise<number> {
  await Dexie.delete(name);
  const db = new CacheDb(name);
  await db.open();
  const byCursor = new Map(pages.map((page, k) => [k === 0 ? '' : pages[k - 1]!.cursor, page]));
  const started = performance.now();
  const feed = readFeedPages({
    api: { changes: async (cursor) => byCursor.get(cursor ?? '')! },
    cipher,
    pageSize: 1000,
    from: undefined,
    withBytes: () => documentsWithBytes(db),
  });
  for (let more = true; more;) {
    const { page, prepared } = await feed.next();
    await writePage(db, await prepared, page.cursor, 1);
    more = page.hasMore;
  }
  const ms = performance.now() - started;
  db.close();
  return ms;
}

type RawPage = { store: string; value: unknown; content: unknown }[];

/** The raw baseline: object stores with the cache schema's keys and indexes, bare puts, a transaction per page. */
async function putAllRaw(pages: readonly RawPage[], name: string): Promise<number> {
  await Dexie.delete(name);
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      for (const [store, spec] of Object.entries(CURRENT_SCHEMA)) {
        if (spec === null) continue;
        const [primary = '', ...indexes] = spec.split(',').map((part) => part.trim());
        const created = open.result.createObjectStore(store, {
          keyPath: keyPath(primary.replace(/^\+\+/, '')),
          autoIncrement: primary.startsWith('++'),
        });
        for (const index of indexes) {
          const indexName = index.replace(/^[&*]/, '');
          created.createIndex(indexName, keyPath(indexName), {
            unique: index.startsWith('&'),
            multiEntry: index.startsWith('*'),
          });
        }
      }
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('open'));
  });
  const stores = Object.entries(CURRENT_SCHEMA).flatMap(([store, spec]) => (spec === null ? [] : [store]));
  const started = performance.now();
  for (const page of pages) {
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction(stores, 'readwrite');
      for (const { store, value, content } of page) {
        tx.objectStore(store).put(value);
        if (content) tx.objectStore('contents').put(content);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('tx'));
    });
  }
  const ms = performance.now() - started;
  raw.close();
  return ms;
}

/**
 * Apply of the feed's pages through the engine's code against raw IndexedDB puts of the very
 * records apply writes; alternated five times (the machine is shared), the best of each, so that
 * neither profits from running second.
 */
async function applyVersusRaw(
  serverUrl: string,
): Promise<{ applyMs: number; rawMs: number; sealMs: number; changes: number }> {
  const { api, cipher } = await session(serverUrl, 'bench-apply');
  const pages: ChangesResponse[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await api.changes(cursor, 1000);
    pages.push(page);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const changes = pages.reduce((n, p) => n + p.changes.length, 0);
  const sealStart = performance.now();
  const rawPages: RawPage[] = await Promise.all(
    pages.map((page) =>
      Promise.all(
        page.changes
          .flatMap((c) => (c.op === 'put' ? [c] : []))
          .map(async (c) => ({
            store: TABLE_OF[c.entity],
            value: { ...(await recordOf(cipher, c)), epoch: 1 },
            content: c.entity === 'document' ? freshContent(c) : null,
          })),
      ),
    ),
  );
  const sealMs = performance.now() - sealStart;
  const applyRuns: number[] = [];
  const rawRuns: number[] = [];
  for (let round = 0; round < 5; round++) {
    rawRuns.push(await putAllRaw(rawPages, 'bench-raw'));
    applyRuns.push(await applyAll(pages, cipher, 'bench-apply'));
  }
  return { applyMs: Math.min(...applyRuns), rawMs: Math.min(...rawRuns), sealMs, changes };
}

/** Content prefetch through the engine for a time window; bytes received in it. */
async function prefetch(serverUrl: string, windowMs: number): Promise<{ bytes: number; ms: number }> {
  const { api, db, cipher } = await session(serverUrl, 'bench-prefetch');
  await pull(api, db, cipher);
  const estimate = async () => navigator.storage.estimate();
  let bytes = 0;
  let first = 0;
  const engine = new SyncEngine({
    api,
    db,
    cipher,
    contents: createContentsRepo(db, cipher),
    ...engineOutbox(db, cipher, () => Date.now()),
    room: createStorageRoom({ db, policyBudget: 8 * 1024 ** 3, estimate }),
    publish: (status) => {
      if (status.progress.bytes > 0 && !first) first = performance.now();
      bytes = Math.max(bytes, status.progress.bytes);
    },
    isOnline: () => true,
    estimate,
    persisted: async () => null,
    intervalMs: 600_000,
  });
  void engine.run();
  const started = performance.now();
  while (performance.now() - started < windowMs) await new Promise((r) => setTimeout(r, 200));
  const ms = performance.now() - (first || started);
  engine.stop();
  return { bytes, ms };
}

declare global {
  interface Window {
    syncBench: {
      coldMetadata: typeof bestColdMetadata;
      applyVersusRaw: typeof applyVersusRaw;
      prefetch: typeof prefetch;
      chunkBytes: number;
    };
  }
}
window.syncBench = { coldMetadata: bestColdMetadata, applyVersusRaw, prefetch, chunkBytes: CONTENT_CHUNK_BYTES };
