/**
 * The worker that prepares first views in the background draws page 1 exactly as the viewer does:
 * the same pixels at the size a document opens with, and the view index the viewer would record.
 */
import { afterEach, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { createFirstViewDrawer } from '../../../src/renderer/pdf/first-view-drawer.ts';
import { decodePreview } from '../../../src/renderer/features/viewer/page-preview.ts';
import { PAGE_GAP } from '../../../src/renderer/features/viewer/page-layout.ts';
import { decodeViewIndex } from '../../../src/renderer/pdf/view-index.ts';
import { mountViewer, type MountedViewer } from '../support/mount-viewer.tsx';
import { canvasPixels } from '../support/pixels.ts';
import { makeTestScan } from '../support/scanned-pdf.ts';
import { openTestSession, seedDocument, testUser } from '../support/seed.ts';

const CHUNK = 16 * 1024;
const RESOURCES = new URL('/node_modules/pdfjs-dist/', location.href).href;
let mounted: MountedViewer | null = null;
const drawer = createFirstViewDrawer();
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

async function pixelsOfPng(png: Blob): Promise<Uint8ClampedArray> {
  const bitmap = await createImageBitmap(png);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('bitmaprenderer')!.transferFromImageBitmap(bitmap);
  return canvasPixels(canvas);
}

it('draws page 1 at the opening size pixel for pixel as the viewer draws it', async () => {
  await page.viewport(1280, 900);
  const { session } = await openTestSession(testUser(`u-fvw-${Date.now()}`));
  const bytes = await makeTestScan(6);
  await seedDocument(session, bytes, { id: 'doc-fv', pageCount: 6, chunkSize: CHUNK });
  mounted = mountViewer(session, 'doc-fv');
  await expect
    .poll(() => document.querySelector('[data-page="1"]')?.getAttribute('data-rendered'), { timeout: 10_000 })
    .toBe('true');
  const shown = canvasPixels(document.querySelector<HTMLCanvasElement>('[data-page="1"] canvas')!);
  const pane = document.querySelector<HTMLElement>('.viewer-pages')!;
  const view = { fitWidth: Math.max(100, pane.clientWidth - 2 * PAGE_GAP), pixelRatio: devicePixelRatio };

  const outcome = await drawer.prepare({
    bytes: bytes.slice(),
    chunkSize: CHUNK,
    recordIndex: true,
    view,
    resources: RESOURCES,
  });
  expect(outcome.status).toBe('prepared');
  if (outcome.status !== 'prepared') return;
  const preview = decodePreview(outcome.preview!)!;
  expect(preview.header.pageCount).toBe(6);
  const drawn = await pixelsOfPng(preview.image);
  expect(drawn.length).toBe(shown.length);
  let differing = 0;
  for (let i = 0; i < drawn.length; i++) if (drawn[i] !== shown[i]) differing++;
  expect(differing).toBe(0);
  const index = decodeViewIndex(outcome.viewIndex!);
  expect(index?.length).toBe(bytes.byteLength);
  expect(index?.chunks.length).toBeGreaterThan(0);
});
