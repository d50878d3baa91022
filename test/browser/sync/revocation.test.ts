/**
 * Nothing of a revoked case survives, against the real reference server: not the bytes of a
 * document being downloaded at that moment, not its view index or first-view picture, not its
 * annotations — and not those of a document that was moved to the case before it was revoked.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseId, DocumentId, MutationId } from '../../../src/shared/domain/ids.ts';
import { VIEW_INDEX_CHUNK, VIEW_PREVIEW_CHUNK } from '../../../src/renderer/data/repos/contents.ts';
import { fetchContent } from '../../../src/renderer/sync/content-fetch.ts';
import { pull } from '../../../src/renderer/sync/pull.ts';
import { signedIn, startServer, stopServer, waitFor, type Harness } from './harness.ts';

let serverUrl: string;
let h: Harness;

beforeAll(async () => {
  serverUrl = await startServer('revocation');
});
afterEach(async () => {
  await h?.admin('/faults', 'POST', {});
  await h?.close();
});
afterAll(() => stopServer('revocation'));

const deps = () => ({ api: h.api, db: h.session.db, cipher: h.session.cipher, contents: h.session.contents });

/** Every row the cache holds for these documents (bytes, index, picture included) or for this case. */
async function rowsLeft(caseId: string, documentIds: readonly string[]) {
  const db = h.session.db;
  return {
    documents: await db.documents.where('caseId').equals(caseId).count(),
    documentsById: (await db.documents.bulkGet([...documentIds])).filter(Boolean).length,
    contents: (await db.contents.bulkGet([...documentIds])).filter(Boolean).length,
    contentsOfCase: await db.contents.where('caseId').equals(caseId).count(),
    chunks: await db.contentChunks
      .where('documentId')
      .anyOf([...documentIds])
      .count(),
    annotations: await db.annotations
      .where('documentId')
      .anyOf([...documentIds])
      .count(),
    annotationsOfCase: await db.annotations.where('caseId').equals(caseId).count(),
  };
}

const nothing = {
  documents: 0,
  documentsById: 0,
  contents: 0,
  contentsOfCase: 0,
  chunks: 0,
  annotations: 0,
  annotationsOfCase: 0,
};

/** An annotation made by a colleague at the service, so that it arrives through the feed. */
async function annotateAtService(caseId: string, documentId: string): Promise<void> {
  const result = await h.api.mutations([
    {
      id: crypto.randomUUID() as MutationId,
      entity: 'annotation',
      op: 'put',
      caseId: caseId as CaseId,
      data: {
        id: crypto.randomUUID() as never,
        documentId: documentId as DocumentId,
        page: 1,
        rect: { x: 10, y: 10, width: 80, height: 20 },
        kind: 'highlight',
      },
    },
  ]);
  expect(result.results[0]?.status).toBe('applied');
}

/** Fetches a document completely and keeps a view index and a first-view picture beside it. */
async function cacheWithViewRecords(documentId: string): Promise<void> {
  await fetchContent(deps(), documentId);
  const content = await h.session.contents.openChunked(documentId, { markUsed: false });
  await content.saveViewIndex(new Uint8Array([1, 2, 3]));
  await content.savePreview(new Uint8Array([4, 5, 6]));
  expect(await h.session.db.contentChunks.get([documentId, VIEW_INDEX_CHUNK])).toBeDefined();
  expect(await h.session.db.contentChunks.get([documentId, VIEW_PREVIEW_CHUNK])).toBeDefined();
}

describe('revocation', () => {
  it('a case revoked while one of its documents is downloading leaves no chunk, index, picture or annotation', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const db = h.session.db;
    const documents = await db.documents.toArray();
    // The case with the largest document; another of its documents is cached with view records.
    const largest = documents.sort((a, b) => b.byteSize - a.byteSize)[0]!;
    const caseId = largest.caseId;
    const others = documents.filter((d) => d.caseId === caseId && d.id !== largest.id);
    expect(others.length).toBeGreaterThan(0);
    await cacheWithViewRecords(others[0]!.id);
    await annotateAtService(caseId, largest.id);
    await pull(h.api, db, h.session.cipher);
    expect(await db.annotations.where('documentId').equals(largest.id).count()).toBe(1);
    // A chunk the purge would not find by any id (as a viewer write landing in between would).
    await db.contentChunks.put({ documentId: 'd-ghost', index: 0, sealed: new Uint8Array([7]) });

    // Small chunks and a slow line: the download is still running when the case goes.
    const chunkSize = 8 * 1024;
    expect(largest.byteSize).toBeGreaterThan(6 * chunkSize);
    await db.contents.update(largest.id, { chunkSize });
    await h.admin('/faults', 'POST', { bandwidthBytesPerSec: 40_000, pathPrefix: '/api/v1/documents/' });
    const download = fetchContent(deps(), largest.id).then(
      () => 'ended',
      (error: unknown) => error,
    );
    await waitFor(async () => ((await db.contents.get(largest.id))?.storedBytes ?? 0) >= 2 * chunkSize, 20_000);

    expect((await h.admin('/assignments', 'DELETE', { userId: h.user.id, caseId })).status).toBe(204);
    const result = await pull(h.api, db, h.session.cipher);
    expect(result.revokedCases).toEqual([caseId]);
    expect(await download).toBe('ended');

    const ids = documents.filter((d) => d.caseId === caseId).map((d) => d.id);
    expect(await rowsLeft(caseId, ids)).toEqual(nothing);
    expect(await db.cases.get(caseId)).toBeUndefined();
    // Nothing anywhere without its document.
    const documentIds = new Set(await db.documents.toCollection().primaryKeys());
    const chunkOwners = (await db.contentChunks.orderBy('documentId').uniqueKeys()) as string[];
    expect(chunkOwners.filter((id) => !documentIds.has(id))).toEqual([]);
    expect((await db.contents.toCollection().primaryKeys()).filter((id) => !documentIds.has(id))).toEqual([]);
  });

  it('a document moved to another case goes with that case when it is revoked, bytes, index, picture and annotations', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const db = h.session.db;
    const cases = await db.cases.toCollection().primaryKeys();
    expect(cases.length).toBeGreaterThan(1);
    const [from, to] = cases as [string, string];
    const [doc] = await db.documents.where('caseId').equals(from).toArray();
    await annotateAtService(from, doc!.id);
    await pull(h.api, db, h.session.cipher);
    await cacheWithViewRecords(doc!.id);

    const moved = await h.admin('/move-document', 'POST', { documentId: doc!.id, caseId: to });
    expect(await moved.json()).toMatchObject({ documentId: doc!.id, caseId: to, annotations: 1 });
    await pull(h.api, db, h.session.cipher);
    expect(await db.documents.get(doc!.id)).toMatchObject({ caseId: to });
    expect(await db.contents.get(doc!.id)).toMatchObject({ caseId: to, state: 'complete' });
    expect(await db.annotations.where('documentId').equals(doc!.id).first()).toMatchObject({ caseId: to });
    // The same bytes: still cached, index and picture still readable.
    const content = await h.session.contents.openChunked(doc!.id, { markUsed: false });
    expect([content.viewIndex, content.preview]).toEqual([new Uint8Array([1, 2, 3]), new Uint8Array([4, 5, 6])]);

    expect((await h.admin('/assignments', 'DELETE', { userId: h.user.id, caseId: to })).status).toBe(204);
    expect((await pull(h.api, db, h.session.cipher)).revokedCases).toEqual([to]);
    expect(await rowsLeft(to, [doc!.id])).toEqual(nothing);
    // The case it came from keeps everything else.
    expect(await db.cases.get(from)).toBeDefined();
    expect(await db.contents.where('caseId').equals(from).count()).toBe(
      await db.documents.where('caseId').equals(from).count(),
    );
  });
});
