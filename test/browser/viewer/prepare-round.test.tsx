/**
 * Preparing first views in the background, over a real cache and the real drawing worker: a large
 * document gets its view index too, and what is kept counts in the cache budget; a file that does
 * not open is not tried again until its bytes change; and nothing is drawn while the user pages
 * in the viewer (the windows say so on the activity channel) — work in progress stops at once.
 */
import { afterEach, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { VIEW_FAILURE_CHUNK, VIEW_INDEX_CHUNK, VIEW_PREVIEW_CHUNK } from '../../../src/renderer/data/repos/contents.ts';
import { createFirstViewDrawer, type FirstViewDrawer } from '../../../src/renderer/pdf/first-view-drawer.ts';
import { openActivityChannel } from '../../../src/renderer/platform/activity-channel.ts';
import type { OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import type { PrepareOutcome } from '../../../src/renderer/sync/prepare-document.ts';
import { prepareRound, type PrepareRoundDeps } from '../../../src/renderer/sync/prepare-round.ts';
import { createQuiet } from '../../../src/renderer/sync/quiet.ts';
import { cachedContentBytes, createStorageRoom } from '../../../src/renderer/sync/storage-room.ts';
import { mountViewer, type MountedViewer } from '../support/mount-viewer.tsx';
import { makeTestScan } from '../support/scanned-pdf.ts';
import { openTestSession, seedDocument, testUser } from '../support/seed.ts';

const RESOURCES = new URL('/node_modules/pdfjs-dist/', location.href).href;
const VIEW = { fitWidth: 900, pixelRatio: 1 };
let mounted: MountedViewer | null = null;
const drawer = createFirstViewDrawer();
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

function roundDeps(session: Session, over: Partial<PrepareRoundDeps> = {}): PrepareRoundDeps {
  return {
    db: session.db,
    contents: session.contents,
    drawer,
    view: async () => VIEW,
    resources: RESOURCES,
    quiet: createQuiet(),
    room: createStorageRoom({ db: session.db, policyBudget: 2 * 1024 ** 3, estimate: async () => null }),
    signal: new AbortController().signal,
    ...over,
  };
}
const stored = (session: Session, id: string, chunk: number) => session.db.contentChunks.get([id, chunk]);

it('records a large document’s view index with its picture, and counts both in the cache budget', async () => {
  const { session } = await openTestSession(testUser(`u-round-${Date.now()}`));
  await seedDocument(session, await makeTestScan(12), { id: 'doc-large', pageCount: 12, chunkSize: 16 * 1024 });
  const before = await cachedContentBytes(session.db);
  const outcomes: [string, PrepareOutcome][] = [];
  const result = await prepareRound(roundDeps(session, { onOutcome: (id, o) => outcomes.push([id, o]) }));
  expect(result).toEqual({ prepared: 1, failed: 0, full: false });
  expect(outcomes).toEqual([['doc-large', 'prepared']]);
  const index = await stored(session, 'doc-large', VIEW_INDEX_CHUNK);
  const picture = await stored(session, 'doc-large', VIEW_PREVIEW_CHUNK);
  expect(index && picture).toBeTruthy();
  const kept = index!.sealed.byteLength + picture!.sealed.byteLength;
  expect((await session.db.contents.get('doc-large'))?.viewBytes).toBe(kept);
  expect(await cachedContentBytes(session.db)).toBe(before + kept);
  // Done is done: the next round has nothing to do.
  expect(await prepareRound(roundDeps(session))).toEqual({ prepared: 0, failed: 0, full: false });

  // No room in the budget for the picture: nothing is stored, and nothing is evicted for it.
  const { session: tight } = await openTestSession(testUser(`u-round-tight-${Date.now()}`));
  await seedDocument(tight, await makeTestScan(2), { id: 'doc-tight', pageCount: 2 });
  const used = await cachedContentBytes(tight.db);
  const room = createStorageRoom({ db: tight.db, policyBudget: used + 100, estimate: async () => null });
  expect(await prepareRound(roundDeps(tight, { room }))).toEqual({ prepared: 0, failed: 0, full: true });
  expect(await stored(tight, 'doc-tight', VIEW_PREVIEW_CHUNK)).toBeUndefined();
  expect((await tight.db.contents.get('doc-tight'))?.state).toBe('complete');
});

it('marks a file that does not open against its bytes and leaves it alone until they change', async () => {
  const { session } = await openTestSession(testUser(`u-round-bad-${Date.now()}`));
  const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage');
  await seedDocument(session, broken, { id: 'doc-bad' });
  const outcomes: PrepareOutcome[] = [];
  const onOutcome = (_id: string, o: PrepareOutcome) => outcomes.push(o);
  expect(await prepareRound(roundDeps(session, { onOutcome }))).toEqual({ prepared: 0, failed: 1, full: false });
  expect(await stored(session, 'doc-bad', VIEW_FAILURE_CHUNK)).toBeTruthy();
  expect((await session.contents.openChunked('doc-bad', { markUsed: false })).failure).toBe('broken');
  // Not tried again.
  await prepareRound(roundDeps(session, { onOutcome }));
  expect(outcomes).toEqual(['failed']);

  // New bytes (a corrected scan): prepared.
  await seedDocument(session, await makeTestScan(1), { id: 'doc-bad' });
  await prepareRound(roundDeps(session, { onOutcome }));
  expect(outcomes).toEqual(['failed', 'prepared']);
  expect(await stored(session, 'doc-bad', VIEW_FAILURE_CHUNK)).toBeUndefined();
});

it('draws nothing while the user pages in the viewer, stops what it was drawing, and goes on once they pause', async () => {
  await page.viewport(1280, 900);
  const { session } = await openTestSession(testUser(`u-round-busy-${Date.now()}`));
  await seedDocument(session, await makeTestScan(30), { id: 'doc-read', pageCount: 30 });
  // Newer mail than the one on screen, so that it is the first in line.
  await seedDocument(session, await makeTestScan(3), {
    id: 'doc-arrived',
    pageCount: 3,
    caseId: 'case-2',
    receivedOn: '2025-06-10',
  });
  mounted = mountViewer(session, 'doc-read');
  await expect.poll(() => document.querySelector('[data-page="1"][data-rendered]'), { timeout: 10_000 }).toBeTruthy();
  const scroller = document.querySelector<HTMLElement>('.viewer-pages')!;
  const pageDown = () => scroller.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true }));

  // The engine's wiring: the windows' announcements make it busy (worker.ts does the same).
  const quiet = createQuiet({ quietAfterMs: 800 });
  const channel = openActivityChannel();
  channel.onActivity(() => quiet.activity());
  let drawing: () => void = () => undefined;
  const startedDrawing = new Promise<void>((resolve) => (drawing = resolve));
  const watched: FirstViewDrawer = {
    prepare: (job, signal) => {
      if (job.view) drawing();
      return drawer.prepare(job, signal);
    },
    close: () => undefined,
  };
  const outcomes: PrepareOutcome[] = [];
  const round = prepareRound(
    // The document on screen is left out: the viewer remembers its own first view.
    roundDeps(session, { drawer: watched, quiet, onOutcome: (id, o) => id === 'doc-arrived' && outcomes.push(o) }),
  );

  // The user starts paging just as the drawing starts: it is stopped, not finished.
  await startedDrawing;
  pageDown();
  await expect.poll(() => outcomes, { timeout: 5000 }).toEqual(['cancelled']);
  // While they keep paging, nothing is drawn.
  const until = performance.now() + 2500;
  while (performance.now() < until) {
    pageDown();
    await new Promise((r) => setTimeout(r, 150));
  }
  expect(outcomes).toEqual(['cancelled']);
  expect(await stored(session, 'doc-arrived', VIEW_PREVIEW_CHUNK)).toBeUndefined();
  // They pause: the document is prepared.
  expect((await round).prepared).toBe(1);
  expect(outcomes).toEqual(['cancelled', 'prepared']);
  expect(await stored(session, 'doc-arrived', VIEW_PREVIEW_CHUNK)).toBeTruthy();
  channel.close();
}, 60_000);
