/** The sync engine against the real reference server: it keeps working offline and catches up by itself. */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { engineOutbox } from '../../../src/renderer/data/repos/outbox-store.ts';
import { SyncEngine } from '../../../src/renderer/sync/engine.ts';
import type { SyncStatus } from '../../../src/renderer/sync/status.ts';
import { createStorageRoom } from '../../../src/renderer/sync/storage-room.ts';
import { signedIn, startServer, stopServer, waitFor, type Harness } from './harness.ts';

let serverUrl: string;
let h: Harness;
let engine: SyncEngine | undefined;

beforeAll(async () => {
  serverUrl = await startServer('engine');
});
afterEach(async () => {
  engine?.stop();
  await h?.close();
});
afterAll(() => stopServer('engine'));

it('syncs, keeps everything readable while the server is down, and catches up by itself when it is back', async () => {
  h = await signedIn(serverUrl);
  const statuses: SyncStatus[] = [];
  const estimate = async () => navigator.storage.estimate();
  engine = new SyncEngine({
    api: h.api,
    db: h.session.db,
    cipher: h.session.cipher,
    contents: h.session.contents,
    ...engineOutbox(h.session.db, h.session.cipher, () => Date.now()),
    room: createStorageRoom({ db: h.session.db, policyBudget: 2 * 1024 ** 3, estimate }),
    publish: (s) => statuses.push(s),
    isOnline: () => true,
    estimate,
    persisted: async () => navigator.storage.persisted(),
    intervalMs: 400,
    random: () => 0,
  });
  void engine.run();
  await waitFor(
    () =>
      engine!.current.phase === 'idle' &&
      engine!.current.counts.contentsMissing === 0 &&
      engine!.current.counts.documents > 0,
    30_000,
    'first sync with all contents',
  );
  const status = engine.current;
  expect(status.counts.contentsComplete).toBe(status.counts.documents);
  expect(status.lastSuccessAt).not.toBeNull();
  expect(statuses.some((s) => s.phase === 'pulling')).toBe(true);
  expect(statuses.some((s) => s.phase === 'fetching' && s.progress.bytesTotal > 0)).toBe(true);
  const [someCase] = await h.session.cases.list();
  const [someDoc] = await h.session.documents.listForCase(someCase!.case.id);

  await commands.stopReferenceServer('engine');
  await waitFor(() => engine!.current.phase === 'offline', 10_000, 'offline phase');
  expect(engine.current.lastError?.code).toBe('network');
  // Everything cached stays readable.
  expect((await h.session.cases.list()).length).toBe(status.counts.cases);
  expect(new TextDecoder().decode((await h.session.contents.read(someDoc!.id)).slice(0, 5))).toBe('%PDF-');

  await commands.resumeReferenceServer('engine');
  const arrived = (await (await h.admin('/inbox', 'POST', { caseId: someCase!.case.id, pages: 1 })).json()) as {
    documentId: string;
  };
  await waitFor(
    async () => (await h.session.db.contents.get(arrived.documentId))?.state === 'complete',
    30_000,
    'catch-up',
  );
  expect(engine.current.lastError).toBeNull();
  expect(engine.current.phase).toMatch(/idle|fetching|pulling/);
}, 90_000);
