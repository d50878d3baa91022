/**
 * The worker that prepares a document's first view off every window's thread: it opens the bytes
 * with pdf.js as the viewer would, records the view index, and draws page 1 into an
 * OffscreenCanvas at the size the document will open with, returning it as PNG. Started by the
 * sync worker (first-view-drawer.ts), one document at a time.
 *
 * The picture must be the viewer's own drawing, pixel for pixel. The viewer's pages are drawn by
 * pdf.js's renderer worker into an OffscreenCanvas, with an opaque 2D context that is read often
 * (software), fonts loaded into the worker's font set, no SVG filters, and the window's pixel
 * ratio; pdf.js draws here with exactly those, on this thread. Options as in engine.ts.
 */
import { getDocument, GlobalWorkerOptions, PDFWorker, VerbosityLevel, version } from 'pdfjs-dist';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import parserUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { ChunkTransport } from './chunk-transport.ts';
import { classifyPdfError, PdfOpenError } from './errors.ts';
import { encodePreview, openingRequest, type OpeningView } from './first-view.ts';
import { drawRequestSchema, type DrawFailure, type DrawRequest, type DrawResult } from './first-view-protocol.ts';
import { PDF_LIMITS } from './limits.ts';
import { canvasSize, drawingViewport, pageInfoOf } from './page-viewport.ts';
import { pdfResourceUrls } from './resources.ts';

type Job = Extract<DrawRequest, { type: 'prepare' }>;

/** The parts of the worker's scope used here (the renderer project compiles against DOM types). */
const scope = self as unknown as {
  postMessage(message: DrawResult, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
};

/** The same context pdf.js's renderer worker draws the viewer's pages into. */
class OffscreenCanvasFactory {
  create(width: number, height: number) {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  }
  reset(target: { canvas: OffscreenCanvas | null }, width: number, height: number): void {
    if (!target.canvas || width <= 0 || height <= 0) throw new Error('Invalid canvas');
    target.canvas.width = width;
    target.canvas.height = height;
  }
  destroy(target: { canvas: OffscreenCanvas | null; context: unknown }): void {
    if (target.canvas) target.canvas.width = target.canvas.height = 0;
    target.canvas = null;
    target.context = null;
  }
  getNoAlphaContext(canvas: OffscreenCanvas) {
    return canvas.getContext('2d', { alpha: false, willReadFrequently: true });
  }
}

/** No SVG filters in a worker: pdf.js's renderer worker has none either. */
class NoFilters {
  addFilter = () => 'none';
  addHCMFilter = () => 'none';
  addAlphaFilter = () => 'none';
  addLuminosityFilter = () => 'none';
  addKnockoutFilter = () => 'none';
  addHighlightHCMFilter = () => 'none';
  addSelectionHCMFilter = () => 'none';
  addSelectionFilter = () => 'none';
  createSelectionStyle = () => null;
  destroy = () => undefined;
}

/**
 * pdf.js chooses image smoothing by the device pixel ratio, which a worker does not have; the
 * window's is set for the drawing (as pdf.js hands it to its renderer worker).
 */
function usePixelRatio(ratio: number): void {
  Object.defineProperty(globalThis, 'devicePixelRatio', { value: ratio, configurable: true, writable: true });
}

let parser: { port: Worker; pdf: PDFWorker } | null = null;

/** pdf.js's parser worker, started here from its module (pdf.js's own start needs a window). */
function parserWorker(): PDFWorker {
  if (!parser || parser.pdf.destroyed) {
    GlobalWorkerOptions.workerSrc = parserUrl;
    const port = new Worker(parserUrl, { type: 'module' });
    // pdf.js takes a Worker as its port; its types only allow null there.
    parser = { port, pdf: new PDFWorker({ port: port as unknown as null, verbosity: VerbosityLevel.ERRORS }) };
  }
  return parser.pdf;
}

/** A parser that stopped answering (hostile file) is replaced for the next document. */
function dropParser(): void {
  parser?.pdf.destroy();
  parser?.port.terminate();
  parser = null;
}

function limited<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout();
        reject(new PdfOpenError('timeout'));
      }, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

let current: { id: number; cancel: () => void } | null = null;

async function prepare(job: Job): Promise<DrawResult> {
  const { bytes, chunkSize } = job;
  if (bytes.byteLength === 0) return { type: 'failed', id: job.id, code: 'broken' };
  if (bytes.byteLength > PDF_LIMITS.maxBytes) return { type: 'failed', id: job.id, code: 'too-large' };
  const data = bytes;
  const transport = job.recordIndex
    ? new ChunkTransport(
        {
          length: data.byteLength,
          chunkSize,
          readChunk: async (i) => data.slice(i * chunkSize, (i + 1) * chunkSize),
        },
        { record: true },
      )
    : null;
  let cancelled = false;
  let passwordAsked = false;
  let task: PDFDocumentLoadingTask | null = null;
  let render: RenderTask | null = null;
  current = {
    id: job.id,
    cancel: () => {
      cancelled = true;
      render?.cancel();
      void task?.destroy();
    },
  };
  try {
    task = getDocument({
      ...(transport
        ? { range: transport, rangeChunkSize: transport.pieceSize, disableAutoFetch: true, disableStream: true }
        : { data }),
      worker: parserWorker(),
      ...pdfResourceUrls(job.resources),
      // The parser fetches these itself; deciding it here would look at a document there is none of.
      useWorkerFetch: true,
      ownerDocument: globalThis as unknown as Document,
      CanvasFactory: OffscreenCanvasFactory,
      FilterFactory: NoFilters,
      maxImageSize: PDF_LIMITS.maxImageSize,
      canvasMaxAreaInBytes: PDF_LIMITS.canvasMaxAreaInBytes,
      enableXfa: false,
      verbosity: VerbosityLevel.ERRORS,
      isImageDecoderSupported: false,
    });
    // Nobody is there to type a password: a protected file is reported, and opened by the viewer.
    task.onPassword = () => {
      passwordAsked = true;
      void task?.destroy();
    };
    const opening = task;
    const doc = await limited(opening.promise, PDF_LIMITS.openTimeoutMs, () => {
      void opening.destroy();
      dropParser();
    });
    if (doc.numPages > PDF_LIMITS.maxPages) throw new PdfOpenError('too-large', `${doc.numPages} pages`);
    transport?.opened();
    const preview = await drawPageOne(doc, job.view, (r) => (render = r));
    const viewIndex = transport ? transport.recordedIndex() : null;
    return { type: 'prepared', id: job.id, viewIndex, preview };
  } catch (error) {
    if (cancelled) return { type: 'failed', id: job.id, code: 'cancelled' };
    if (error instanceof Unavailable) return { type: 'failed', id: job.id, code: 'unavailable' };
    const code: DrawFailure = passwordAsked ? 'encrypted' : classifyPdfError(error).code;
    return { type: 'failed', id: job.id, code };
  } finally {
    current = null;
    await task?.destroy().catch(() => undefined);
  }
}

/** The worker itself could not finish (no PNG encoder answered): not the document's fault. */
class Unavailable extends Error {}

/** Page 1 at the size the document opens with, as the encoded first-view record; null without a layout. */
async function drawPageOne(
  doc: PDFDocumentProxy,
  view: OpeningView | null,
  started: (task: RenderTask) => void,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const page = await limited(doc.getPage(1), PDF_LIMITS.openTimeoutMs, () => undefined);
  const firstPage = pageInfoOf(page);
  // Without a layout the page is still drawn small: the view index then records page 1's chunks.
  const request = view ? openingRequest(view, firstPage) : { scale: 0.1, rotation: 0, pixelRatio: 1 };
  const viewport = drawingViewport(page, request);
  const { width, height } = canvasSize(viewport);
  const canvas = new OffscreenCanvas(width, height);
  try {
    usePixelRatio(request.pixelRatio);
    const task = page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport });
    started(task);
    await limited(task.promise, PDF_LIMITS.renderTimeoutMs, () => task.cancel());
    if (!view) return null;
    const png = await limited(canvas.convertToBlob({ type: 'image/png' }), 10_000, () => undefined).catch(() => {
      throw new Unavailable('no PNG');
    });
    const header = { engine: version, pageCount: doc.numPages, firstPage, request, width, height };
    return encodePreview(header, new Uint8Array(await png.arrayBuffer()));
  } finally {
    canvas.width = canvas.height = 0;
    page.cleanup();
  }
}

scope.addEventListener('message', (event) => {
  const parsed = drawRequestSchema.safeParse(event.data);
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.type === 'cancel') {
    if (current?.id === message.id) current.cancel();
    return;
  }
  void prepare(message).then((result) => {
    const transfer: Transferable[] = [];
    if (result.type === 'prepared') {
      if (result.viewIndex) transfer.push(result.viewIndex.buffer);
      if (result.preview) transfer.push(result.preview.buffer);
    }
    scope.postMessage(result, transfer);
  });
});
