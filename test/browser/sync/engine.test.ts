/** The sync engine against the real reference server: it keeps working offline and catches up by itself. */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { contentIdsInStates, countContentsInStates } from '../../../src/renderer/data/repos/contents.ts';
import { engineOutbox } from '../../../src/renderer/data/repos/outbox-store.ts';
import { SyncEngine } from '../../../src/renderer/sync/engine.ts';
import type { SyncStatus } from '../../../src/renderer/sync/status.ts';
import { createStorageRoom } from '../../../src/renderer/sync/storage-room.ts';
import { signedIn, startServer, stopServer, testEngine, waitFor, type Harness } from './harness.ts';

let serverUrl: string;
let h: Harness;
let engine: SyncEngine | undefined;
/** The engine's run: awaited before the database closes, so that no round reads a closed one. */
let running: Promise<void> | undefined;

beforeAll(async () => {
  serverUrl = await startServer('engine');
});
afterEach(async () => {
  engine?.stop();
  await running?.catch(() => undefined);
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
  running = engine.run();
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

it('pulls after delivering a change, and not after delivering only audit events', async () => {
  h = await signedIn(serverUrl);
  let pulls = 0;
  const api = { ...h.api, changes: (...args: Parameters<typeof h.api.changes>) => (pulls++, h.api.changes(...args)) };
  // No pull on an interval within the test: every pull after the first was asked for.
  // How often the bytes on the device are counted (every document's record read).
  const room = createStorageRoom({ db: h.session.db, policyBudget: 2 * 1024 ** 3, estimate: async () => null });
  let budgets = 0;
  const counting = { ...room, budget: () => (budgets++, room.budget()) };
  // The engine's clock stands still: the full count ten seconds on (see refreshCounts) never comes.
  const now = Date.now();
  engine = testEngine(h, { api, intervalMs: 600_000, room: counting, clock: () => now });
  running = engine.run();
  // Idle with every document on the device: the content round, which counts the bytes too, is over.
  await waitFor(
    () =>
      engine!.current.phase === 'idle' &&
      pulls > 0 &&
      engine!.current.counts.contentsMissing === 0 &&
      engine!.current.counts.contentsComplete > 0,
    30_000,
    'first sync with its downloads',
  );
  const [someCase] = await h.session.cases.list();
  const caseId = someCase!.case.id;
  const delivered = async () => (await h.session.db.outbox.count()) === 0;

  const before = pulls;
  const counts = engine.current.counts;
  const budgetsBefore = budgets;
  await h.session.audit.record({ action: 'case.open', caseId });
  engine.trigger('local-change');
  await waitFor(delivered, 10_000, 'the audit event delivered');
  await new Promise((r) => setTimeout(r, 500));
  expect(pulls).toBe(before);
  // After a delivery round only the outbox's counts are read again; the others stay as they were.
  expect(engine.current.counts).toEqual({ ...counts, auditPending: 0, outboxPending: 0 });
  expect(counts.cases).toBeGreaterThan(0);
  expect(budgets, 'the bytes on the device not counted again').toBe(budgetsBefore);

  await h.session.notes.create(caseId, 'Rückruf vereinbart');
  engine.trigger('local-change');
  await waitFor(delivered, 10_000, 'the note delivered');
  await waitFor(() => pulls > before, 10_000, 'the pull that follows the delivery');
}, 60_000);

it('delivers once the user pauses, at once when asked to, and after five seconds at most', async () => {
  h = await signedIn(serverUrl);
  const listeners = new Set<() => void>();
  engine = testEngine(h, {
    intervalMs: 600_000,
    onUserActivity: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  running = engine.run();
  // The first sync done and no delivery round under way, so that the entries below wait for one.
  await waitFor(
    () => engine!.current.phase === 'idle' && engine!.current.push.state === 'idle' && listeners.size > 0,
    30_000,
    'first sync',
  );
  const [someCase] = await h.session.cases.list();
  // A click announces itself before the case view records its audit event.
  const click = () => listeners.forEach((l) => l());
  click();
  const clicking = setInterval(click, 100);
  const caseId = someCase!.case.id;
  const delivered = async () => (await h.session.db.outbox.count()) === 0;
  try {
    await h.session.audit.record({ action: 'case.open', caseId });
    engine.trigger('local-change');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await h.session.db.outbox.count()).toBe(1);
    // "Jetzt abgleichen" delivers at once, clicking or not.
    engine.trigger('sync-now');
    await waitFor(delivered, 3_000, 'delivered on "Jetzt abgleichen"');
    // Clicking without a break holds delivery back for five seconds at most.
    await h.session.audit.record({ action: 'case.open', caseId });
    engine.trigger('local-change');
    const queued = Date.now();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await h.session.db.outbox.count()).toBe(1);
    await waitFor(delivered, 8_000, 'delivered after at most five seconds of clicking');
    expect(Date.now() - queued).toBeGreaterThanOrEqual(4_500);
  } finally {
    clearInterval(clicking);
  }
  await h.session.audit.record({ action: 'case.open', caseId });
  engine.trigger('local-change');
  await waitFor(delivered, 5_000, 'delivered after the pause');
}, 60_000);

it('downloads side by side but writes their chunks one at a time, so that a read waits behind one write', async () => {
  h = await signedIn(serverUrl);
  const room = createStorageRoom({ db: h.session.db, policyBudget: 2 * 1024 ** 3, estimate: async () => null });
  let writing = 0;
  let most = 0;
  let writes = 0;
  const counting = {
    ...room,
    withQuota: async (write: () => Promise<void>, keep: ReadonlySet<string>) => {
      most = Math.max(most, ++writing);
      try {
        await room.withQuota(write, keep);
      } finally {
        writing--;
        writes++;
      }
    },
  };
  engine = testEngine(h, { room: counting, contentConcurrency: 6 });
  running = engine.run();
  await waitFor(
    () => engine!.current.phase === 'idle' && engine!.current.counts.documents > 0 && writes >= 12,
    30_000,
    'a dozen chunk writes',
  );
  expect(most).toBe(1);
}, 60_000);

it('holds every write of a download, its completion too, while the user clicks — except the document they open — and finishes once they pause', async () => {
  h = await signedIn(serverUrl);
  const listeners = new Set<() => void>();
  const click = () => listeners.forEach((l) => l());
  let clicking: ReturnType<typeof setInterval> | undefined;
  const room = createStorageRoom({ db: h.session.db, policyBudget: 2 * 1024 ** 3, estimate: async () => null });
  const clickFromFirstChunk = {
    ...room,
    withQuota: async (write: () => Promise<void>, keep: ReadonlySet<string>) => {
      // The user starts clicking as the first chunk is written: that chunk goes through, but its
      // document must not be marked complete (a write over documents and contents) meanwhile.
      if (!clicking) {
        click();
        clicking = setInterval(click, 100);
      }
      await room.withQuota(write, keep);
    },
  };
  engine = testEngine(h, {
    room: clickFromFirstChunk,
    onUserActivity: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  const complete = () => countContentsInStates(h.session.db, ['complete']);
  try {
    running = engine.run();
    await waitFor(() => clicking !== undefined, 30_000, 'the first chunk written');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await complete(), 'no document completed while the user clicks').toBe(0);
    // The document the user opens meanwhile is not held up behind the writes that wait.
    const [opened] = await contentIdsInStates(h.session.db, ['missing']);
    engine.requestContent(opened!);
    await waitFor(
      async () => (await h.session.contents.get(opened!))?.state === 'complete',
      5_000,
      'the opened document complete while the user goes on clicking',
    );
    expect(await complete(), 'only the opened document').toBe(1);
  } finally {
    clearInterval(clicking);
  }
  await waitFor(
    async () => engine!.current.counts.documents > 0 && (await complete()) === engine!.current.counts.documents,
    30_000,
    'every document complete once the user paused',
  );
}, 60_000);
