/** Closing a document never waits on a parser worker that does not answer. */
import { afterEach, expect, it, vi } from 'vitest';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { PdfDocument } from '../../../../src/renderer/pdf/pdf-document.ts';
import { PDF_LIMITS } from '../../../../src/renderer/pdf/limits.ts';

afterEach(() => vi.useRealTimers());

function documentWhoseClose(destroy: () => Promise<void>) {
  const hooks = { onHang: vi.fn(), onClosed: vi.fn() };
  const proxy = { numPages: 3, loadingTask: { destroy } } as unknown as PDFDocumentProxy;
  return { doc: new PdfDocument(proxy, hooks), hooks };
}

it('closes at once when the worker confirms, and keeps the worker', async () => {
  const { doc, hooks } = documentWhoseClose(async () => undefined);
  await doc.destroy();
  expect(doc.destroyed).toBe(true);
  expect(hooks.onClosed).toHaveBeenCalledOnce();
  expect(hooks.onHang).not.toHaveBeenCalled();
});

it('replaces a worker that does not confirm the close within the limit, and still closes', async () => {
  vi.useFakeTimers();
  const { doc, hooks } = documentWhoseClose(() => new Promise<void>(() => undefined));
  let closed = false;
  void doc.destroy().then(() => (closed = true));
  await vi.advanceTimersByTimeAsync(PDF_LIMITS.closeTimeoutMs - 1);
  expect(closed).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(closed).toBe(true);
  expect(hooks.onHang).toHaveBeenCalledOnce();
  expect(hooks.onClosed).toHaveBeenCalledOnce();
});

it('replaces a worker whose close fails', async () => {
  const { doc, hooks } = documentWhoseClose(() => Promise.reject(new Error('worker gone')));
  await doc.destroy();
  expect(hooks.onHang).toHaveBeenCalledOnce();
  expect(hooks.onClosed).toHaveBeenCalledOnce();
});
