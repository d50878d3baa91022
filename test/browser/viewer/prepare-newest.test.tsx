/**
 * While a document is read, the viewer prepares the other documents of its case that a case
 * worker is likely to open next: the newest twenty, not the oldest.
 */
import { afterEach, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { VIEW_PREVIEW_CHUNK } from '../../../src/renderer/data/repos/contents.ts';
import { PREPARE_AT_MOST } from '../../../src/renderer/features/viewer/prepare-view.ts';
import { mountViewer, type MountedViewer } from '../support/mount-viewer.tsx';
import { makeTestScan } from '../support/scanned-pdf.ts';
import { openTestSession, seedDocument, testUser } from '../support/seed.ts';

let mounted: MountedViewer | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

it('with 25 documents in a case prepares the newest 20 of the others while one is read', async () => {
  await page.viewport(1280, 900);
  const { session } = await openTestSession(testUser(`u-newest-${Date.now()}`));
  const bytes = await makeTestScan(1);
  // doc-01 received on 1 March, doc-25 on 25 March; seeded in a shuffled order.
  const ids = Array.from({ length: 25 }, (_, i) => `doc-${String(i + 1).padStart(2, '0')}`);
  for (const id of [...ids].sort((a, b) => (a.endsWith('7') ? -1 : b.endsWith('7') ? 1 : b.localeCompare(a)))) {
    await seedDocument(session, bytes, { id, receivedOn: `2025-03-${id.slice(-2)}`, title: `Schreiben ${id}` });
  }
  // The one read is in the middle of the case.
  mounted = mountViewer(session, 'doc-12');
  await expect.poll(() => document.querySelector('[data-page="1"][data-rendered]'), { timeout: 10_000 }).toBeTruthy();

  const others = ids.filter((id) => id !== 'doc-12');
  const newest = others.slice(-PREPARE_AT_MOST);
  const prepared = async () =>
    (await Promise.all(others.map((id) => session.db.contentChunks.get([id, VIEW_PREVIEW_CHUNK])))).flatMap((c, i) =>
      c ? [others[i]!] : [],
    );
  await expect.poll(prepared, { timeout: 45_000, interval: 250 }).toEqual(newest);
  // And it stops there: the four oldest are left as they were.
  await new Promise((r) => setTimeout(r, 1500));
  expect(await prepared()).toEqual(newest);
  expect(newest).not.toContain('doc-01');
  expect(newest).toContain('doc-25');
}, 90_000);
