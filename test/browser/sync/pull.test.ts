/** Pull against the real reference server: cold sync, incremental sync, revocation, 410, bad answers. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { changesResponseSchema } from '../../../src/shared/api/changes.ts';
import { annotationSchema } from '../../../src/shared/domain/annotation.ts';
import { ContractError } from '../../../src/renderer/api/api-errors.ts';
import { applyChangesPage } from '../../../src/renderer/sync/apply-changes.ts';
import { pull } from '../../../src/renderer/sync/pull.ts';
import { signedIn, startServer, stopServer, type Harness } from './harness.ts';

let serverUrl: string;
let h: Harness;

beforeAll(async () => {
  serverUrl = await startServer('pull');
});
afterEach(async () => {
  await h?.admin('/faults', 'POST', {});
  await h?.close();
});
afterAll(async () => {
  await stopServer('pull');
});

/** What the server's snapshot holds, read straight from the feed. */
async function serverSnapshot(token: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let cursor: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${serverUrl}/api/v1/changes?${query.toString()}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const page = changesResponseSchema.parse(await response.json());
    for (const change of page.changes)
      if (change.op === 'put') counts.set(change.entity, (counts.get(change.entity) ?? 0) + 1);
    cursor = page.cursor;
    if (!page.hasMore) return counts;
  }
}

async function cachedCounts(): Promise<Map<string, number>> {
  const db = h.session.db;
  return new Map([
    ['case', await db.cases.count()],
    ['person', await db.persons.count()],
    ['document', await db.documents.count()],
    ['annotation', await db.annotations.count()],
    ['note', await db.notes.count()],
    ['followUp', await db.followUps.count()],
    ['letter', await db.letters.count()],
  ]);
}

describe('pull', () => {
  it('cold-syncs the whole caseload, and an incremental sync without changes costs one request', async () => {
    h = await signedIn(serverUrl);
    const expected = await serverSnapshot(h.token);
    const first = await pull(h.api, h.session.db, h.session.cipher, undefined, 50);
    expect(first.snapshot).toBe(true);
    expect(first.pages).toBeGreaterThan(1);
    const cached = await cachedCounts();
    for (const [entity, count] of expected) expect(cached.get(entity), entity).toBe(count);
    expect(await h.session.db.contents.count()).toBe(expected.get('document'));
    const cases = await h.session.cases.list();
    expect(cases[0]?.applicant?.lastName).toMatch(/\p{L}+/u);

    const again = await pull(h.api, h.session.db, h.session.cipher);
    expect(again).toMatchObject({ requests: 1, changes: 0, snapshot: false });
    expect(await cachedCounts()).toEqual(cached);
  });

  it('brings newly scanned mail incrementally', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const [someCase] = await h.session.cases.list();
    const arrived = (await (await h.admin('/inbox', 'POST', { caseId: someCase!.case.id, pages: 2 })).json()) as {
      documentId: string;
    };
    const result = await pull(h.api, h.session.db, h.session.cipher);
    expect(result.snapshot).toBe(false);
    expect(await h.session.documents.get(arrived.documentId)).toMatchObject({ status: 'new', pageCount: 2 });
    expect(await h.session.db.contents.get(arrived.documentId)).toMatchObject({ state: 'missing' });
  });

  it('purges a case that leaves the assignment, keeps its undelivered changes, and brings a newly assigned one', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const db = h.session.db;
    const [victim] = await h.session.cases.list();
    const caseId = victim!.case.id;
    const [doc] = await h.session.documents.listForCase(caseId);
    // Something cached and something typed under the case.
    await db.contents.update(doc!.id, { storedBytes: 3, state: 'partial' });
    await db.contentChunks.put(
      await h.session.contents.sealChunk(
        { documentId: doc!.id, bytesVersion: 1, sha256Mac: 'a'.repeat(64) },
        0,
        new Uint8Array([1, 2, 3]),
      ),
    );
    await h.session.annotations.create({
      caseId,
      documentId: doc!.id,
      page: 1,
      rect: { x: 1, y: 1, width: 10, height: 10 },
      kind: 'note',
      text: 'Rückruf',
    });

    const other = await signedIn(serverUrl, 'demo2');
    const cached = new Set(await h.session.db.cases.toCollection().primaryKeys());
    const foreign = (await other.api.me()).caseIds.find((id) => !cached.has(id));
    await other.close();
    expect(foreign).toBeDefined();
    expect(await (await h.admin('/assignments', 'DELETE', { userId: h.user.id, caseId })).text()).toBeDefined();
    expect((await h.admin('/assignments', 'POST', { userId: h.user.id, caseId: foreign, role: 'substitute' })).ok).toBe(
      true,
    );

    const result = await pull(h.api, db, h.session.cipher);
    expect(result.revokedCases).toEqual([caseId]);
    expect(await db.cases.get(caseId)).toBeUndefined();
    for (const table of ['persons', 'documents', 'annotations', 'notes', 'followUps', 'letters', 'contents'] as const) {
      expect(await db.table(table).where('caseId').equals(caseId).count(), table).toBe(0);
    }
    expect(await db.contentChunks.where('documentId').equals(doc!.id).count()).toBe(0);
    const kept = await db.outbox.where('caseId').equals(caseId).toArray();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ status: 'undeliverable' });
    expect(kept[0]!.lastError).toEqual({ code: 'case-revoked' });
    expect(kept[0]!.undeliverableSince).toBeDefined();

    expect(await db.cases.get(foreign!)).toBeDefined();
    expect(await db.documents.where('caseId').equals(foreign!).count()).toBeGreaterThan(0);
  });

  it('starts a fresh snapshot on 410 without touching the outbox', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const [c] = await h.session.cases.list();
    const [doc] = await h.session.documents.listForCase(c!.case.id);
    await h.session.annotations.create({
      caseId: c!.case.id,
      documentId: doc!.id,
      page: 1,
      rect: { x: 0, y: 0, width: 5, height: 5 },
      kind: 'highlight',
    });
    const outboxBefore = await h.session.db.outbox.toArray();
    const casesBefore = await h.session.db.cases.count();
    await h.admin('/reset-cursors');
    const result = await pull(h.api, h.session.db, h.session.cipher);
    expect(result.snapshot).toBe(true);
    expect(await h.session.db.outbox.toArray()).toEqual(outboxBefore);
    expect(await h.session.db.cases.count()).toBe(casesBefore);
    // The local annotation, not yet on the server, survives the snapshot's sweep.
    const mine = await h.session.annotations.listForDocument(doc!.id);
    expect(mine.some((a) => annotationSchema.parse(a).kind === 'highlight' && a.authorId === h.user.id)).toBe(true);
  });

  it('does not overwrite an entity that has undelivered local changes with server state', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const [someCase] = await h.session.cases.list();
    const [doc] = await h.session.documents.listForCase(someCase!.case.id);
    const mine = await h.session.annotations.create({
      caseId: someCase!.case.id,
      documentId: doc!.id,
      page: 1,
      rect: { x: 10, y: 10, width: 50, height: 20 },
      kind: 'note',
      text: 'Meine Notiz',
    });
    // The same annotation arrives from the server with other content (as after a colleague's edit).
    const serverVersion = { ...mine, text: 'Fremde Fassung', version: 7 };
    const cursor = (await h.session.db.syncState.get('cursor'))!.value as string;
    await applyChangesPage(
      h.session.db,
      h.session.cipher,
      [{ entity: 'annotation', op: 'put', id: mine.id, caseId: mine.caseId, version: 7, data: serverVersion }],
      cursor,
      1,
    );
    const [kept] = await h.session.annotations
      .listForDocument(doc!.id)
      .then((all) => all.filter((a) => a.id === mine.id));
    expect(kept?.text).toBe('Meine Notiz');
    // Once nothing is pending for it, server state wins again.
    await h.session.db.outbox.clear();
    await applyChangesPage(
      h.session.db,
      h.session.cipher,
      [{ entity: 'annotation', op: 'put', id: mine.id, caseId: mine.caseId, version: 7, data: serverVersion }],
      cursor,
      1,
    );
    const [replaced] = await h.session.annotations
      .listForDocument(doc!.id)
      .then((all) => all.filter((a) => a.id === mine.id));
    expect(replaced?.text).toBe('Fremde Fassung');
  });

  it('rejects a change-feed answer outside the contract and writes nothing', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const [c] = await h.session.cases.list();
    await h.admin('/inbox', 'POST', { caseId: c!.case.id, pages: 1 });
    const before = { docs: await h.session.db.documents.count(), cursor: await h.session.db.syncState.get('cursor') };
    await h.admin('/faults', 'POST', { malformedFeed: true });
    const error = await pull(h.api, h.session.db, h.session.cipher).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect(String((error as ContractError).params['what'])).toContain('/changes');
    expect({ docs: await h.session.db.documents.count(), cursor: await h.session.db.syncState.get('cursor') }).toEqual(
      before,
    );
    // The next answer is sound again, and the new document arrives.
    await pull(h.api, h.session.db, h.session.cipher);
    expect(await h.session.db.documents.count()).toBe(before.docs + 1);
  });
});
