/** A document laid out before pdf.js has opened it: calls wait for it, and fail with its error. */
import { expect, it, vi } from 'vitest';
import { DeferredPdfDocument } from '../../../../src/renderer/pdf/deferred-document.ts';
import { PdfOpenError } from '../../../../src/renderer/pdf/errors.ts';
import type { PdfDocument, RenderJob } from '../../../../src/renderer/pdf/pdf-document.ts';

function fakeDocument() {
  const render = vi.fn((): RenderJob => ({ done: Promise.resolve(), cancel: vi.fn() }));
  const doc = {
    pageCount: 3,
    destroyed: false,
    pageInfo: vi.fn(async () => ({ width: 595, height: 842, rotate: 0 as const })),
    text: vi.fn(async () => []),
    holdPage: vi.fn(),
    releasePage: vi.fn(),
    render,
  };
  return doc;
}

function opening() {
  let resolve!: (doc: PdfDocument) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<PdfDocument>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const canvas = {} as HTMLCanvasElement;
const request = { scale: 1, rotation: 0, pixelRatio: 1 };

it('knows its page count at once and hands calls to the document once it is open', async () => {
  const open = opening();
  const deferred = new DeferredPdfDocument(3, open.promise);
  expect(deferred.pageCount).toBe(3);
  expect(deferred.destroyed).toBe(false);
  const job = deferred.render(2, canvas, request);
  const info = deferred.pageInfo(1);
  const real = fakeDocument();
  open.resolve(real as unknown as PdfDocument);
  await job.done;
  expect(real.render).toHaveBeenCalledWith(2, canvas, request);
  expect(await info).toEqual({ width: 595, height: 842, rotate: 0 });
  // Once open, calls go straight through.
  deferred.render(3, canvas, request);
  expect(real.render).toHaveBeenCalledTimes(2);
});

it('hands on the pages held before opening, less those already let go', async () => {
  const open = opening();
  const deferred = new DeferredPdfDocument(3, open.promise);
  deferred.holdPage(1);
  deferred.holdPage(2);
  deferred.holdPage(2);
  deferred.releasePage(2);
  deferred.holdPage(3);
  deferred.releasePage(3);
  const real = fakeDocument();
  open.resolve(real as unknown as PdfDocument);
  await deferred.pageInfo(1);
  expect(real.holdPage.mock.calls).toEqual([[1], [2]]);
  deferred.releasePage(1);
  expect(real.releasePage).toHaveBeenCalledWith(1);
});

it('does not draw a page whose drawing was cancelled while the document was opening', async () => {
  const open = opening();
  const deferred = new DeferredPdfDocument(3, open.promise);
  const job = deferred.render(1, canvas, request);
  job.cancel();
  const real = fakeDocument();
  open.resolve(real as unknown as PdfDocument);
  await expect(job.done).rejects.toBeInstanceOf(PdfOpenError);
  expect(real.render).not.toHaveBeenCalled();
});

it('fails every waiting call with the error of opening, and counts as closed', async () => {
  const open = opening();
  const deferred = new DeferredPdfDocument(3, open.promise);
  const job = deferred.render(1, canvas, request);
  const text = deferred.text(1);
  open.reject(new PdfOpenError('broken'));
  await expect(job.done).rejects.toMatchObject({ code: 'broken' });
  await expect(text).rejects.toMatchObject({ code: 'broken' });
  expect(deferred.destroyed).toBe(true);
});
