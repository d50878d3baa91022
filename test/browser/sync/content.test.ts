/** Document bytes against the real reference server: resume with Range, checksum, budget, encryption. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cacheDbName } from '../../../src/renderer/data/db.ts';
import { ContentNotCachedError } from '../../../src/renderer/data/repos/contents.ts';
import { ChecksumMismatchError, NetworkError, StorageFullError } from '../../../src/renderer/api/api-errors.ts';
import { applyChangesPage } from '../../../src/renderer/sync/apply-changes.ts';
import { fetchContent } from '../../../src/renderer/sync/content-fetch.ts';
import { pull } from '../../../src/renderer/sync/pull.ts';
import { createStorageRoom } from '../../../src/renderer/sync/storage-room.ts';
import { dumpDatabase, signedIn, startServer, stopServer, type Harness } from './harness.ts';

let serverUrl: string;
let h: Harness;

beforeAll(async () => {
  serverUrl = await startServer('content');
});
afterEach(async () => {
  await h?.admin('/faults', 'POST', {});
  await h?.close();
});
afterAll(() => stopServer('content'));

async function largestDocument(): Promise<{ id: string; byteSize: number }> {
  const docs = await h.session.db.documents.orderBy('receivedOn').toArray();
  const largest = docs.sort((a, b) => b.byteSize - a.byteSize)[0]!;
  return { id: largest.id, byteSize: largest.byteSize };
}

const deps = () => ({ api: h.api, db: h.session.db, cipher: h.session.cipher, contents: h.session.contents });

describe('content', () => {
  it('resumes a download dropped midway with Range from the last stored chunk, not from zero', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const doc = await largestDocument();
    const chunkSize = 16 * 1024;
    expect(doc.byteSize).toBeGreaterThan(4 * chunkSize);
    await h.session.db.contents.update(doc.id, { chunkSize });
    const dropAfter = Math.floor(doc.byteSize / 2);
    await h.admin('/faults', 'POST', { resetRate: 1, resetAfterBytes: dropAfter, pathPrefix: '/api/v1/documents/' });

    await expect(fetchContent(deps(), doc.id)).rejects.toBeInstanceOf(NetworkError);
    const partial = await h.session.db.contents.get(doc.id);
    expect(partial?.state).toBe('partial');
    expect(partial!.storedBytes).toBeGreaterThan(0);
    expect(partial!.storedBytes % chunkSize).toBe(0);
    expect(partial!.storedBytes).toBeLessThanOrEqual(dropAfter);

    await h.admin('/faults', 'POST', {});
    await fetchContent(deps(), doc.id);
    expect(h.ranges).toEqual([`bytes=0-${doc.byteSize - 1}`, `bytes=${partial!.storedBytes}-${doc.byteSize - 1}`]);
    expect(await h.session.db.contents.get(doc.id)).toMatchObject({
      state: 'complete',
      storedBytes: doc.byteSize,
      failures: 0,
    });
    const bytes = await h.session.contents.read(doc.id);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
    expect(digest).toBe((await h.session.documents.get(doc.id))?.sha256);
  });

  it('refuses bytes whose sha256 does not match and fetches them again', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const doc = await largestDocument();
    h.tamperNextContent = (bytes) => {
      const copy = bytes.slice();
      copy[copy.length >> 1] = (copy[copy.length >> 1]! + 1) & 255;
      return copy;
    };
    await expect(fetchContent(deps(), doc.id)).rejects.toBeInstanceOf(ChecksumMismatchError);
    expect(await h.session.db.contents.get(doc.id)).toMatchObject({ state: 'missing', storedBytes: 0, failures: 1 });
    expect(await h.session.db.contentChunks.where('documentId').equals(doc.id).count()).toBe(0);
    await expect(h.session.contents.read(doc.id)).rejects.toBeInstanceOf(ContentNotCachedError);

    await fetchContent(deps(), doc.id);
    expect(await h.session.db.contents.get(doc.id)).toMatchObject({ state: 'complete', failures: 0 });
    expect(h.ranges).toHaveLength(2);
  });

  it('keeps contents within the byte budget by evicting the least recently used, never pinned ones', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const docs = (await h.session.db.documents.toArray()).sort((a, b) => a.byteSize - b.byteSize).slice(0, 4);
    for (const d of docs) await fetchContent(deps(), d.id);
    const [a, b, c, d] = docs;
    await h.session.db.contents.update(a!.id, { lastAccessAt: 1, pinned: 1 });
    await h.session.db.contents.update(b!.id, { lastAccessAt: 2 });
    await h.session.db.contents.update(c!.id, { lastAccessAt: 3 });
    await h.session.db.contents.update(d!.id, { lastAccessAt: 4 });
    const used = docs.reduce((n, x) => n + x.byteSize, 0);
    const room = createStorageRoom({ db: h.session.db, policyBudget: used, estimate: async () => null });
    expect(await room.makeRoom(b!.byteSize, new Set())).toBe(true);
    const states = await Promise.all(docs.map(async (x) => (await h.session.db.contents.get(x.id))?.state));
    expect(states).toEqual(['complete', 'missing', 'complete', 'complete']);
    expect(await h.session.db.contentChunks.where('documentId').equals(b!.id).count()).toBe(0);
    // Only the pinned one and the kept one are left to evict: no room for more.
    expect(await room.makeRoom(used, new Set([c!.id, d!.id]))).toBe(false);
  });

  it('on a full disk evicts cached documents and retries, and says so when nothing is left to evict', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const docs = (await h.session.db.documents.toArray()).sort((a, b) => a.byteSize - b.byteSize).slice(0, 4);
    for (const d of docs) await fetchContent(deps(), d.id);
    await h.session.annotations.create({
      caseId: docs[0]!.caseId as never,
      documentId: docs[0]!.id as never,
      page: 1,
      rect: { x: 0, y: 0, width: 1, height: 1 },
      kind: 'highlight',
    });
    const room = createStorageRoom({ db: h.session.db, policyBudget: 1e12, estimate: async () => null });
    let attempts = 0;
    const quota = () => new DOMException('Speicher erschöpft', 'QuotaExceededError');
    await room.withQuota(async () => {
      if (attempts++ === 0) throw quota();
    }, new Set());
    expect(attempts).toBe(2);
    expect(await h.session.db.contents.where('state').equals('missing').count()).toBeGreaterThan(0);
    const full = await room.withQuota(async () => Promise.reject(quota()), new Set()).catch((e: unknown) => e);
    expect(full).toBeInstanceOf(StorageFullError);
    // The outbox is never touched by eviction.
    expect(await h.session.db.outbox.count()).toBe(1);
  });

  it('keeps stored bytes for a new version with the same sha256, and drops them for one with other bytes', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const [small] = (await h.session.db.documents.toArray()).sort((a, b) => a.byteSize - b.byteSize);
    await fetchContent(deps(), small!.id);
    const doc = (await h.session.documents.get(small!.id))!;
    const cursor = (await h.session.db.syncState.get('cursor'))!.value as string;
    const put = (version: number, sha256: string) =>
      applyChangesPage(
        h.session.db,
        h.session.cipher,
        [{ entity: 'document', op: 'put', id: doc.id, caseId: doc.caseId, version, data: { ...doc, version, sha256 } }],
        cursor,
        1,
      );
    await put(doc.version + 1, doc.sha256);
    expect(await h.session.db.contents.get(doc.id)).toMatchObject({ state: 'complete', bytesVersion: doc.version });
    expect(await h.session.contents.read(doc.id)).toHaveLength(doc.byteSize);

    await put(doc.version + 2, 'f'.repeat(64));
    expect(await h.session.db.contents.get(doc.id)).toMatchObject({
      state: 'missing',
      storedBytes: 0,
      bytesVersion: doc.version + 2,
    });
    expect(await h.session.db.contentChunks.where('documentId').equals(doc.id).count()).toBe(0);
  });

  it('stores no personal data and no PDF in plain text', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const docs = (await h.session.db.documents.toArray()).slice(0, 6);
    for (const d of docs) await fetchContent(deps(), d.id);
    const persons = (await h.session.cases.list()).flatMap((c) => (c.applicant ? [c.applicant] : []));
    expect(persons.length).toBeGreaterThan(0);
    const dump = await dumpDatabase(cacheDbName(h.user.id));
    expect(dump.length).toBeGreaterThan(100_000);
    const secrets = persons
      .flatMap((p) => [p.lastName, p.firstName, p.address.street, p.birthDate])
      .filter((s) => s.length >= 4);
    for (const secret of secrets) expect(dump.includes(secret), secret).toBe(false);
    expect(dump.includes('%PDF-')).toBe(false);
    const titles = await Promise.all(docs.map(async (d) => (await h.session.documents.get(d.id))!.title));
    for (const title of titles) expect(dump.includes(title), title).toBe(false);
  });
});
