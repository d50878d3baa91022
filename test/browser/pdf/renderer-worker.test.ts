/**
 * The viewer's own renderer workers in real Chromium: a scanned page's decoded image is moved to
 * the renderer, not copied, in the messages pdf.js really sends; the page still draws the same.
 */
import { afterEach, beforeAll, expect, it } from 'vitest';
import { openPdf, setPdfResourceBase } from '../../../src/renderer/pdf/index.ts';
import { pageImageOf, transferPageImages } from '../../../src/renderer/pdf/renderer-worker.ts';
import { canvasPixels } from '../support/pixels.ts';
import { makeTestScan } from '../support/scanned-pdf.ts';

beforeAll(() => setPdfResourceBase('/node_modules/pdfjs-dist/'));

type Sent = { action: unknown; transfer: readonly unknown[] };
// Taken off the prototype to be put back; it is always called with a worker as `this`.
// eslint-disable-next-line @typescript-eslint/unbound-method
const realPost = Worker.prototype.postMessage;
afterEach(() => {
  Worker.prototype.postMessage = realPost;
});

/** Records what this thread sends to workers started from now on (pdf.js's and ours). */
function recordSent(): Sent[] {
  const sent: Sent[] = [];
  Worker.prototype.postMessage = function (this: Worker, message: unknown, transfer?: unknown): void {
    const action = typeof message === 'object' && message !== null ? (message as { action?: unknown }).action : null;
    sent.push({ action, transfer: Array.isArray(transfer) ? transfer : [] });
    (realPost as (this: Worker, message: unknown, transfer?: Transferable[]) => void).call(
      this,
      message,
      transfer as Transferable[],
    );
  } as Worker['postMessage'];
  return sent;
}

it('moves each decoded page image to the renderer instead of copying it', async () => {
  const bytes = await makeTestScan(2);
  const sent = recordSent();
  const doc = await openPdf(bytes.slice());
  const canvas = document.createElement('canvas');
  await doc.render(2, canvas, { scale: 1, rotation: 0, pixelRatio: 1 }).done;
  await doc.destroy();
  const images = sent.filter((s) => s.action === 'obj');
  expect(images.length).toBeGreaterThan(0);
  for (const image of images)
    expect(image.transfer.some((t) => t instanceof ImageBitmap || t instanceof ArrayBuffer)).toBe(true);

  // The drawing is the same as pdf.js's own, which copies the images to a renderer it starts.
  Worker.prototype.postMessage = realPost;
  const { getDocument, GlobalWorkerOptions } = await import('pdfjs-dist');
  expect(GlobalWorkerOptions.rendererPorts).toEqual([]);
  const ours = canvasPixels(canvas);
  const task = getDocument({ data: bytes.slice(), isImageDecoderSupported: false });
  const page = await (await task.promise).getPage(2);
  const viewport = page.getViewport({ scale: 1 });
  const again = document.createElement('canvas');
  again.width = Math.floor(viewport.width);
  again.height = Math.floor(viewport.height);
  await page.render({ canvas: again, viewport }).promise;
  await task.destroy();
  expect([again.width, again.height]).toEqual([canvas.width, canvas.height]);
  expect(canvasPixels(again)).toEqual(ours);
});

it('a moved bitmap is gone from this thread and arrives whole in the worker', async () => {
  const source = `self.onmessage = (e) => { const b = e.data.data[3].bitmap; self.postMessage([b.width, b.height]); };`;
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  transferPageImages(worker);
  const bitmap = await createImageBitmap(new ImageData(40, 30));
  const received = new Promise<unknown>((resolve) => (worker.onmessage = (e) => resolve(e.data)));
  worker.postMessage({ action: 'obj', data: ['img_1', 1, 'Image', { width: 40, height: 30, bitmap }] });
  expect(bitmap.width).toBe(0);
  expect(await received).toEqual([40, 30]);
  worker.terminate();
});

it('recognises only decoded images; other messages are sent as pdf.js sent them', async () => {
  const bitmap = await createImageBitmap(new ImageData(4, 4));
  const pixels = new Uint8ClampedArray(64);
  expect(pageImageOf({ action: 'obj', data: ['i', 1, 'Image', { bitmap }] })).toBe(bitmap);
  expect(pageImageOf({ action: 'commonobj', data: ['i', 'Image', { data: pixels }] })).toBe(pixels.buffer);
  expect(pageImageOf({ action: 'obj', data: ['i', 1, 'Pattern', ['Mesh']] })).toBeNull();
  expect(pageImageOf({ action: 'commonobj', data: ['f', 'Font', { data: pixels }] })).toBeNull();
  expect(pageImageOf({ action: 'obj', data: ['i', 1, 'Image', { data: pixels.subarray(8) }] })).toBeNull();
  expect(pageImageOf({ action: 'RenderPage', data: {} })).toBeNull();
  expect(pageImageOf('ready')).toBeNull();
  bitmap.close();
});

it('ends each document’s renderer with the document, also when opening fails', async () => {
  const bytes = await makeTestScan(1);
  // Put back below; it is always called with a worker as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const realTerminate = Worker.prototype.terminate;
  let ended = 0;
  Worker.prototype.terminate = function (this: Worker) {
    ended++;
    realTerminate.call(this);
  };
  try {
    for (let i = 0; i < 3; i++) {
      const doc = await openPdf(bytes.slice());
      await doc.render(1, document.createElement('canvas'), { scale: 0.3, rotation: 0, pixelRatio: 1 }).done;
      await doc.destroy();
    }
    await openPdf(crypto.getRandomValues(new Uint8Array(2048))).catch(() => undefined);
    expect(ended).toBe(4);
  } finally {
    Worker.prototype.terminate = realTerminate;
  }
});
