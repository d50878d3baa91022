/**
 * Documents prepared as they arrive by sync, in the sync engine against the real reference
 * server: never opened, yet the first open shows page 1 at once, the very picture pdf.js draws;
 * preparing leaves the eviction order and the audit trail as they were.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { VIEW_PREVIEW_CHUNK } from '../../../src/renderer/data/repos/contents.ts';
import { createOpeningViewRepo } from '../../../src/renderer/data/repos/opening-view.ts';
import { createFirstViewDrawer } from '../../../src/renderer/pdf/first-view-drawer.ts';
import { openActivityChannel } from '../../../src/renderer/platform/activity-channel.ts';
import type { SyncEngine } from '../../../src/renderer/sync/engine.ts';
import type { PrepareOutcome } from '../../../src/renderer/sync/prepare-document.ts';
import { signedIn, startServer, stopServer, testEngine, waitFor, type Harness } from '../sync/harness.ts';
import { mountViewer, type MountedViewer } from '../support/mount-viewer.tsx';
import { canvasPixels } from '../support/pixels.ts';
import { makeTestScan } from '../support/scanned-pdf.ts';
import { openTestSession, seedDocument, testUser } from '../support/seed.ts';

const RESOURCES = new URL('/node_modules/pdfjs-dist/', location.href).href;
let serverUrl: string;
let h: Harness | undefined;
let engine: SyncEngine | undefined;
let mounted: MountedViewer | null = null;

let running: Promise<void> | null = null;

beforeAll(async () => {
  serverUrl = await startServer('prepare-arrival');
});
afterEach(async () => {
  mounted?.unmount();
  mounted = null;
  engine?.stop();
  // Its last round may still be reading: the database closes only once the engine has ended.
  await running;
  await h?.close();
});
afterAll(() => stopServer('prepare-arrival'));

const slot = (n: number) => document.querySelector(`[data-page="${n}"]`);
async function shownAs(n: number, how: 'true' | 'preview'): Promise<void> {
  await expect.poll(() => slot(n)?.getAttribute('data-rendered'), { timeout: 10_000 }).toBe(how);
}
const pixelsOf = (n: number): Uint8ClampedArray => canvasPixels(slot(n)!.querySelector('canvas')!);

/** The layout the viewer window reports after showing a document (here one of another cache). */
async function reportedLayout() {
  const { session } = await openTestSession(testUser(`u-layout-${Date.now()}`));
  await seedDocument(session, await makeTestScan(2), { id: 'doc-layout', pageCount: 2 });
  mounted = mountViewer(session, 'doc-layout');
  const repo = createOpeningViewRepo(session.db);
  await expect.poll(() => repo.load(), { timeout: 15_000 }).not.toBeNull();
  mounted.unmount();
  mounted = null;
  const view = (await repo.load())!;
  session.close();
  return view;
}

function startEngine(harness: Harness, outcomes: Map<string, PrepareOutcome>): SyncEngine {
  const openingView = createOpeningViewRepo(harness.session.db);
  const started = testEngine(harness, {
    random: () => 0,
    // Six downloads at a time, as the app runs them.
    contentConcurrency: 6,
    onUserActivity: (listener) => {
      const channel = openActivityChannel();
      const stop = channel.onActivity(listener);
      return () => {
        stop();
        channel.close();
      };
    },
    firstViews: {
      drawer: createFirstViewDrawer(),
      resources: RESOURCES,
      view: () => openingView.load(),
      quietAfterMs: 300,
      onOutcome: (id, outcome) => outcomes.set(id, outcome),
    },
  });
  running = started.run();
  return started;
}

it('prepares a document that arrives by sync without opening it; its first open shows that picture', async () => {
  await page.viewport(1280, 900);
  const view = await reportedLayout();
  h = await signedIn(serverUrl);
  await createOpeningViewRepo(h.session.db).save(view);
  const outcomes = new Map<string, PrepareOutcome>();
  engine = startEngine(h, outcomes);
  await waitFor(
    () => engine!.current.counts.documents > 0 && engine!.current.counts.contentsMissing === 0,
    30_000,
    'the first sync with all contents',
  );
  const [someCase] = await h.session.cases.list();
  const arrived = (await (await h.admin('/inbox', 'POST', { caseId: someCase!.case.id, pages: 3 })).json()) as {
    documentId: string;
  };
  engine.trigger('sync-now');
  await waitFor(() => outcomes.get(arrived.documentId) === 'prepared', 45_000, 'the new document prepared');
  expect(await h.session.db.contentChunks.get([arrived.documentId, VIEW_PREVIEW_CHUNK])).toBeTruthy();

  // Not a use: no document's place in the eviction order moved (all still "never opened").
  const contents = await h.session.db.contents.toArray();
  expect(contents.filter((c) => c.state === 'complete').length).toBe(contents.length);
  expect(contents.map((c) => c.lastAccessAt)).toEqual(contents.map(() => 0));
  // What is kept beside the chunks counts in the cache budget.
  expect((await h.session.db.contents.get(arrived.documentId))?.viewBytes).toBeGreaterThan(10_000);
  // Not a view: no audit event, neither waiting in the outbox nor delivered to the service.
  expect(await h.session.db.outbox.where('kind').equals('audit').count()).toBe(0);
  const state = (await (await h.admin('/state', 'GET')).json()) as { audit: Record<string, unknown> };
  expect(Object.keys(state.audit)).toEqual([]);

  // The first open shows page 1 as prepared, and it is the same picture pdf.js draws.
  mounted = mountViewer(h.session, arrived.documentId);
  await shownAs(1, 'preview');
  const prepared = pixelsOf(1);
  mounted.unmount();
  await h.session.db.contentChunks.delete([arrived.documentId, VIEW_PREVIEW_CHUNK]);
  mounted = mountViewer(h.session, arrived.documentId);
  await shownAs(1, 'true');
  const drawn = pixelsOf(1);
  expect(drawn.length).toBe(prepared.length);
  let differing = 0;
  for (let i = 0; i < drawn.length; i++) if (drawn[i] !== prepared[i]) differing++;
  expect(differing).toBe(0);
}, 120_000);
