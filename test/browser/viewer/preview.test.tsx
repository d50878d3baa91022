/**
 * What the viewer remembers of a document's first view: page count, page size and page 1 as
 * drawn. The next open shows page 1 from it at once, exactly as pdf.js drew it; it is sealed like
 * the chunks and goes whenever the document's bytes go or change.
 */
import { afterEach, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { dropContentBytes, VIEW_INDEX_CHUNK, VIEW_PREVIEW_CHUNK } from '../../../src/renderer/data/repos/contents.ts';
import {
  decodePreview,
  encodePreview,
  previewMatches,
  type PreviewHeader,
} from '../../../src/renderer/features/viewer/page-preview.ts';
import { PDF_ENGINE_VERSION } from '../../../src/renderer/pdf/index.ts';
import { mountViewer, type MountedViewer } from '../support/mount-viewer.tsx';
import { canvasPixels } from '../support/pixels.ts';
import { makeTestScan } from '../support/scanned-pdf.ts';
import type { OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import { openTestSession, seedDocument, testUser } from '../support/seed.ts';

const CHUNK = 16 * 1024;
let mounted: MountedViewer | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const slot = (n: number) => document.querySelector(`[data-page="${n}"]`);
async function shownAs(n: number, how: 'true' | 'preview'): Promise<void> {
  await expect.poll(() => slot(n)?.getAttribute('data-rendered'), { timeout: 10_000 }).toBe(how);
}

/** The pixels of a page as shown on screen. */
const pixelsOf = (n: number): Uint8ClampedArray => canvasPixels(slot(n)!.querySelector('canvas')!);

/** A scan viewed once: drawn by pdf.js, its page 1 remembered, the viewer closed again. */
async function viewedOnce(id: string, pages: number): Promise<Session> {
  await page.viewport(1280, 900);
  const { session } = await openTestSession(testUser(`u-${id}-${Date.now()}`));
  await seedDocument(session, await makeTestScan(pages), { id, pageCount: pages, chunkSize: CHUNK });
  mounted = mountViewer(session, id);
  await shownAs(1, 'true');
  await expect.poll(() => session.db.contentChunks.get([id, VIEW_PREVIEW_CHUNK]), { timeout: 10_000 }).toBeTruthy();
  mounted.unmount();
  mounted = null;
  return session;
}

function differingBytes(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  if (a.length !== b.length) return Math.max(a.length, b.length);
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
  return differing;
}

it('is kept after the first view, shows page 1 exactly as drawn next time, and goes with the bytes', async () => {
  await page.viewport(1280, 900);
  const { session } = await openTestSession(testUser(`u-preview-${Date.now()}`));
  const bytes = await makeTestScan(20);
  await seedDocument(session, bytes, { id: 'doc-pre', pageCount: 20, chunkSize: CHUNK });
  const stored = () => session.db.contentChunks.get(['doc-pre', VIEW_PREVIEW_CHUNK]);

  mounted = mountViewer(session, 'doc-pre');
  await shownAs(1, 'true');
  const drawn = pixelsOf(1);
  await expect.poll(stored, { timeout: 10_000 }).toBeTruthy();
  // Sealed like the chunks: the picture's PNG signature is not readable in the cache.
  const sealed = new TextDecoder('latin1').decode((await stored())!.sealed);
  expect(sealed).not.toContain('PNG');
  mounted.unmount();

  mounted = mountViewer(session, 'doc-pre');
  await shownAs(1, 'preview');
  expect(differingBytes(pixelsOf(1), drawn)).toBe(0);
  // The rest of the document comes from pdf.js as usual.
  await shownAs(2, 'true');
  await expect.element(page.getByText('von 20', { exact: false }).first()).toBeInTheDocument();
  mounted.unmount();

  // Another window size draws page 1 anew, and remembers that instead.
  const before = decodePreview((await session.contents.openChunked('doc-pre')).preview!)!.header;
  await page.viewport(1000, 900);
  mounted = mountViewer(session, 'doc-pre');
  await shownAs(1, 'true');
  await expect
    .poll(async () => decodePreview((await session.contents.openChunked('doc-pre')).preview!)?.header.width, {
      timeout: 10_000,
    })
    .toBeLessThan(before.width);
  mounted.unmount();
  mounted = null;

  // Remembered for other bytes: not used. Evicting the bytes drops it with them.
  await session.db.contents.update('doc-pre', { sha256Mac: 'f'.repeat(64) });
  expect((await session.contents.openChunked('doc-pre')).preview).toBeNull();
  await dropContentBytes(session.db, ['doc-pre']);
  expect(await stored()).toBeUndefined();
});

it('a stored picture that cannot be shown is drawn by pdf.js and replaced', async () => {
  const session = await viewedOnce('doc-bad', 4);
  const remembered = async () => {
    const bytes = (await session.contents.openChunked('doc-bad')).preview;
    return bytes ? decodePreview(bytes) : null;
  };

  // A record that matches this view but whose picture does not decode.
  const good = (await remembered())!;
  const content = await session.contents.openChunked('doc-bad');
  await content.savePreview(encodePreview(good.header, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])));
  expect((await remembered())?.image.size).toBe(7);

  mounted = mountViewer(session, 'doc-bad');
  await shownAs(1, 'true');
  await expect.poll(async () => (await remembered())?.image.size, { timeout: 10_000 }).toBe(good.image.size);
});

it('a stored copy that no longer reads behind a remembered page 1 ends in a clear message at once', async () => {
  const session = await viewedOnce('doc-gone', 8);

  // The stored bytes are damaged (a flipped bit fails the chunk's authentication).
  const chunk = (await session.db.contentChunks.get(['doc-gone', 0]))!;
  const damaged = chunk.sealed.slice();
  damaged[40] = (damaged[40] ?? 0) ^ 1;
  await session.db.contentChunks.put({ ...chunk, sealed: damaged });

  mounted = mountViewer(session, 'doc-gone');
  const started = performance.now();
  await expect
    .poll(() => document.querySelector('[data-error-code]')?.getAttribute('data-error-code'), { timeout: 10_000 })
    .toBe('unreadable');
  // At once, not after pdf.js's time limit of several seconds.
  expect(performance.now() - started).toBeLessThan(3000);
  expect(document.querySelector('[role="alert"]')?.textContent).toContain('beim nächsten Abgleich neu geladen');
  // The damaged copy is dropped, so that the next sync fetches the document again.
  await expect.poll(async () => (await session.db.contents.get('doc-gone'))?.state).toBe('missing');
  expect(await session.db.contentChunks.where('documentId').equals('doc-gone').count()).toBe(0);
});

it('refuses a damaged record, one from another pdf.js version, and tells when it matches a view', () => {
  const header: PreviewHeader = {
    engine: PDF_ENGINE_VERSION,
    pageCount: 12,
    firstPage: { width: 595.28, height: 841.89, rotate: 0 },
    request: { scale: 1.5, rotation: 0, pixelRatio: 1 },
    width: 893,
    height: 1263,
  };
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  const decoded = decodePreview(encodePreview(header, png));
  expect(decoded?.header).toEqual(header);
  expect(decoded?.image.size).toBe(png.length);

  expect(decodePreview(encodePreview({ ...header, engine: '0.0.1' }, png))).toBeNull();
  expect(decodePreview(encodePreview({ ...header, pageCount: 0 }, png))).toBeNull();
  expect(decodePreview(encodePreview({ ...header, request: { ...header.request, rotation: 45 } }, png))).toBeNull();
  const cut = encodePreview(header, png).slice(0, 20);
  expect(decodePreview(cut)).toBeNull();
  expect(decodePreview(new Uint8Array([255, 255, 255, 255, 0]))).toBeNull();

  expect(previewMatches(header, { scale: 1.5, rotation: 0, pixelRatio: 1 })).toBe(true);
  expect(previewMatches(header, { scale: 1.25, rotation: 0, pixelRatio: 1 })).toBe(false);
  expect(previewMatches(header, { scale: 1.5, rotation: 90, pixelRatio: 1 })).toBe(false);
  expect(previewMatches(header, { scale: 1.5, rotation: 0, pixelRatio: 2 })).toBe(false);
});

it('prepares the other documents of the case while one is read, so their first open is at once', async () => {
  await page.viewport(1280, 900);
  const { session } = await openTestSession(testUser(`u-prep-${Date.now()}`));
  const reading = await seedDocument(session, await makeTestScan(4), {
    id: 'doc-read',
    pageCount: 4,
    chunkSize: CHUNK,
  });
  await seedDocument(session, await makeTestScan(6), { id: 'doc-next', pageCount: 6, chunkSize: CHUNK });
  await seedDocument(session, await makeTestScan(2), { id: 'doc-other-case', pageCount: 2, caseId: 'case-2' });
  const usedBefore = (await session.contents.get('doc-next'))?.lastAccessAt;
  mounted = mountViewer(session, reading.id);
  await shownAs(1, 'true');
  // Prepared in the background, after this document's own first page and thumbnails.
  await expect
    .poll(() => session.db.contentChunks.get(['doc-next', VIEW_PREVIEW_CHUNK]), { timeout: 15_000 })
    .toBeTruthy();
  // Its view index too (it is read in pieces), so that pdf.js opens it quickly behind page 1.
  await expect
    .poll(() => session.db.contentChunks.get(['doc-next', VIEW_INDEX_CHUNK]), { timeout: 15_000 })
    .toBeTruthy();
  // Only the case on screen, and preparing is not using: the eviction order stays as it was.
  expect(await session.db.contentChunks.get(['doc-other-case', VIEW_PREVIEW_CHUNK])).toBeUndefined();
  expect((await session.contents.get('doc-next'))?.lastAccessAt).toBe(usedBefore);
  mounted.unmount();

  // Its very first open shows page 1 as prepared, the same picture pdf.js draws.
  mounted = mountViewer(session, 'doc-next');
  await shownAs(1, 'preview');
  const prepared = pixelsOf(1);
  mounted.unmount();
  await session.db.contentChunks.delete(['doc-next', VIEW_PREVIEW_CHUNK]);
  mounted = mountViewer(session, 'doc-next');
  await shownAs(1, 'true');
  expect(differingBytes(pixelsOf(1), prepared)).toBe(0);
});
