/**
 * The view index in the cache: the viewer leaves one behind after a large document's first page,
 * the next open uses it, and it goes whenever the document's bytes go or change.
 */
import { afterEach, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { dropContentBytes, VIEW_INDEX_CHUNK } from '../../../src/renderer/data/repos/contents.ts';
import { mountViewer, type MountedViewer } from '../support/mount-viewer.tsx';
import { makeTestScan } from '../support/scanned-pdf.ts';
import { openTestSession, seedDocument, testUser } from '../support/seed.ts';

const CHUNK = 16 * 1024;
let mounted: MountedViewer | null = null;
afterEach(() => mounted?.unmount());

async function painted(): Promise<void> {
  await expect.poll(() => document.querySelector('[data-page="1"][data-rendered]'), { timeout: 10_000 }).toBeTruthy();
}

it('is stored after the first view, used by the next open, and dropped with the bytes', async () => {
  await page.viewport(1280, 900);
  const { session } = await openTestSession(testUser(`u-index-${Date.now()}`));
  const bytes = await makeTestScan(20);
  await seedDocument(session, bytes, { id: 'doc-big', pageCount: 20, chunkSize: CHUNK });
  const indexChunk = () => session.db.contentChunks.get(['doc-big', VIEW_INDEX_CHUNK]);
  expect(await indexChunk()).toBeUndefined();

  mounted = mountViewer(session, 'doc-big');
  await painted();
  await expect.poll(indexChunk, { timeout: 10_000 }).toBeTruthy();
  // Sealed like the chunks: no PDF syntax readable in it.
  const sealed = new TextDecoder('latin1').decode((await indexChunk())!.sealed);
  expect(sealed).not.toMatch(/\/Type\s*\/Page|obj/);
  // Reading the document whole ignores it.
  expect(await session.contents.read('doc-big')).toEqual(bytes);
  mounted.unmount();

  const content = await session.contents.openChunked('doc-big');
  expect(content.viewIndex).not.toBeNull();
  mounted = mountViewer(session, 'doc-big');
  await painted();
  await expect.element(page.getByText('von 20', { exact: false }).first()).toBeInTheDocument();
  mounted.unmount();
  mounted = null;

  // An index recorded for other bytes is not used.
  await session.db.contents.update('doc-big', { sha256Mac: 'f'.repeat(64) });
  expect((await session.contents.openChunked('doc-big')).viewIndex).toBeNull();
  // Evicting the bytes drops the index with them.
  await dropContentBytes(session.db, ['doc-big']);
  expect(await indexChunk()).toBeUndefined();
});

it('is not stored for bytes that changed while the document was shown', async () => {
  const { session } = await openTestSession(testUser(`u-index-stale-${Date.now()}`));
  await seedDocument(session, await makeTestScan(6), { id: 'doc-stale', pageCount: 6, chunkSize: CHUNK });
  const content = await session.contents.openChunked('doc-stale');
  await session.db.contents.update('doc-stale', { sha256Mac: 'e'.repeat(64) });
  await content.saveViewIndex(new Uint8Array([1, 2, 3]));
  expect(await session.db.contentChunks.get(['doc-stale', VIEW_INDEX_CHUNK])).toBeUndefined();
});
