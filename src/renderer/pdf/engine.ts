/**
 * The one door to pdf.js. The parser worker is set up once per window and shared by every
 * document; a document that does not open in time takes the worker down with it, and the next
 * document gets a fresh one, so a hostile file cannot wedge the window.
 *
 * Hardening: pdf.js 6 has no eval code path any more (the old `isEvalSupported` switch is gone)
 * and the CSP forbids it anyway; embedded JavaScript is never run because neither the scripting
 * sandbox nor pdf.js's form layer is loaded here; image size and canvas area are capped.
 */
import { getDocument, GlobalWorkerOptions, PasswordResponses, PDFWorker, VerbosityLevel, version } from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import rendererUrl from 'pdfjs-dist/build/pdf.renderer.min.mjs?url';
import { classifyPdfError, PdfOpenError, type PdfErrorCode } from './errors.ts';
import { PDF_LIMITS } from './limits.ts';
import { ChunkTransport, type ChunkSource } from './chunk-transport.ts';
import { PdfDocument } from './pdf-document.ts';
import { decodeViewIndex } from './view-index.ts';
import { prepareRenderer, setRendererSource, takeRenderer } from './renderer-worker.ts';
import { pdfResourceBase, pdfResourceUrls } from './resources.ts';

export type { ChunkSource } from './chunk-transport.ts';

export type OpenOptions = {
  readonly signal?: AbortSignal;
  /**
   * The password the user typed for a protected file. It goes to pdf.js for this open only and
   * is never kept here.
   */
  readonly password?: string;
  /**
   * Draw the pages on this thread instead of in a renderer worker of their own. For small
   * generated documents drawn once each, such as the composer's letter previews: starting a
   * renderer, loading the fonts there as well and sending each page's picture back cost more
   * than drawing two text pages here (measured about 60 against 38 ms for a two-page letter).
   * pdf.js draws in slices of about 15 ms, so typing goes on meanwhile.
   */
  readonly drawHere?: boolean;
};

/** The pdf.js version that draws pages; pictures of pages kept from an earlier view name it. */
export const PDF_ENGINE_VERSION: string = version;

GlobalWorkerOptions.workerSrc = workerUrl;
// pdf.js's own renderer start stays as the fallback when ours cannot start.
GlobalWorkerOptions.rendererSrc = rendererUrl;
setRendererSource(rendererUrl);

let sharedWorker: PDFWorker | null = null;

function resources() {
  return pdfResourceUrls(pdfResourceBase());
}

function worker(): PDFWorker {
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new PDFWorker({ verbosity: VerbosityLevel.ERRORS });
  return sharedWorker;
}

/**
 * Starts the workers ahead of the next document, so opening one does not wait for them; only the
 * parser when the next document is drawn on this thread (`drawHere`).
 */
export function warmUpPdfWorker(options: Pick<OpenOptions, 'drawHere'> = {}): Promise<void> {
  if (!options.drawHere) prepareRenderer();
  return worker().promise;
}

/**
 * Documents open (or opening) per worker. The worker stays warm while documents follow each
 * other: a fresh one costs the next document a cold start (measured about +250 ms to its first
 * page). But a worker that has parsed a long scan keeps tens of MB after it is closed (about
 * 20–70 MB for 300 pages), so once the viewer has had no document for a while, it is swapped for
 * a fresh one, started at once so that the next document still finds it warm.
 */
const openOn = new Map<PDFWorker, number>();
/** Workers that stopped answering: no new document goes to them; they end with their last one. */
const retired = new WeakSet<PDFWorker>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

function documentOpening(on: PDFWorker): void {
  clearTimeout(refreshTimer);
  openOn.set(on, (openOn.get(on) ?? 0) + 1);
}

function documentClosed(on: PDFWorker): void {
  const left = (openOn.get(on) ?? 1) - 1;
  if (left > 0) {
    openOn.set(on, left);
    return;
  }
  openOn.delete(on);
  if (retired.has(on)) on.destroy();
  else if (on === sharedWorker) refreshWhenIdle(on);
}

function refreshWhenIdle(on: PDFWorker): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    if (sharedWorker !== on || openOn.size > 0) return;
    sharedWorker = null;
    on.destroy();
    // Both workers for the next document start now, while nothing else is going on.
    void warmUpPdfWorker().catch(() => undefined);
  }, PDF_LIMITS.workerRefreshAfterMs);
}

/**
 * A document's worker stopped answering (a hostile file, or starved): the next document gets a
 * fresh one. Others still open on it keep it until they close, instead of losing it under them.
 */
function recycleWorker(on: PDFWorker): void {
  if (sharedWorker === on) sharedWorker = null;
  retired.add(on);
  if (!openOn.has(on)) on.destroy();
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout();
      reject(new PdfOpenError('timeout'));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Opens a PDF from bytes. The bytes are handed to the worker (the buffer is transferred), so the
 * caller must not use them afterwards. Throws PdfOpenError.
 */
export function openPdf(bytes: Uint8Array, options: OpenOptions = {}): Promise<PdfDocument> {
  if (bytes.byteLength > PDF_LIMITS.maxBytes)
    return Promise.reject(new PdfOpenError('too-large', `${bytes.byteLength} bytes`));
  if (bytes.byteLength === 0) return Promise.reject(new PdfOpenError('broken', 'empty file'));
  return open({ data: bytes }, options);
}

/**
 * Opens a PDF read piece by piece from its stored chunks (see ChunkTransport): with the
 * document's view index, opening a large scan reads the index and page 1's chunk, not the file.
 * Throws PdfOpenError.
 */
export async function openPdfChunked(
  source: ChunkSource,
  options: OpenOptions & { viewIndex?: Uint8Array | null } = {},
): Promise<PdfDocument> {
  if (source.length > PDF_LIMITS.maxBytes) throw new PdfOpenError('too-large', `${source.length} bytes`);
  if (source.length === 0) throw new PdfOpenError('broken', 'empty file');
  const index = options.viewIndex ? decodeViewIndex(options.viewIndex) : null;
  return openTransport(new ChunkTransport(source, { index }), options);
}

/**
 * Records the view index of a document whose bytes are at hand (just downloaded, or read whole
 * once): opens it as the viewer would, stored in chunks of `chunkSize`, and draws page 1 small.
 * Null when the file does not open; the viewer then simply opens it without an index.
 */
export async function recordViewIndex(
  bytes: Uint8Array<ArrayBuffer>,
  chunkSize: number,
  options: { signal?: AbortSignal } = {},
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (bytes.byteLength === 0 || bytes.byteLength > PDF_LIMITS.maxBytes) return null;
  const source: ChunkSource = {
    length: bytes.byteLength,
    chunkSize,
    readChunk: async (i) => bytes.slice(i * chunkSize, (i + 1) * chunkSize),
  };
  const transport = new ChunkTransport(source, { record: true });
  let doc: PdfDocument | null = null;
  try {
    doc = await openTransport(transport, options);
    const canvas = document.createElement('canvas');
    await doc.render(1, canvas, { scale: 0.1, rotation: 0, pixelRatio: 1 }).done;
    canvas.width = 0;
    return transport.recordedIndex();
  } catch {
    return null;
  } finally {
    await doc?.destroy();
  }
}

function openTransport(transport: ChunkTransport, options: OpenOptions): Promise<PdfDocument> {
  return open(
    { range: transport, rangeChunkSize: transport.pieceSize, disableAutoFetch: true, disableStream: true },
    options,
    transport,
  );
}

async function open(
  input:
    | { data: Uint8Array }
    | { range: ChunkTransport; rangeChunkSize: number; disableAutoFetch: true; disableStream: true },
  options: OpenOptions,
  transport?: ChunkTransport,
): Promise<PdfDocument> {
  // Counted from the start, so that a document closing meanwhile does not replace the worker under it.
  const on = worker();
  documentOpening(on);
  try {
    return await load(input, on, options, transport);
  } catch (error) {
    documentClosed(on);
    throw error;
  }
}

async function load(
  input: Parameters<typeof open>[0],
  on: PDFWorker,
  options: OpenOptions,
  transport: ChunkTransport | undefined,
): Promise<PdfDocument> {
  // The document's own renderer (see renderer-worker.ts), ended when the document is.
  const renderer = options.drawHere ? null : handOverRenderer(takeRenderer());
  try {
    return await loadWith(input, on, renderer, options, transport);
  } catch (error) {
    renderer?.terminate();
    throw error;
  }
}

/** Offers the renderer to the next getDocument; null when pdf.js will start its own instead. */
function handOverRenderer(renderer: Worker | null): Worker | null {
  if (!renderer) return null;
  try {
    GlobalWorkerOptions.rendererPorts = [renderer];
    return renderer;
  } catch {
    // Refused (not a Worker of this window as pdf.js sees it): pdf.js starts one from rendererSrc.
    renderer.terminate();
    return null;
  }
}

function getDocumentWith(params: Parameters<typeof getDocument>[0]) {
  try {
    return getDocument(params);
  } finally {
    GlobalWorkerOptions.rendererPorts = [];
  }
}

async function loadWith(
  input: Parameters<typeof open>[0],
  on: PDFWorker,
  renderer: Worker | null,
  options: OpenOptions,
  transport: ChunkTransport | undefined,
): Promise<PdfDocument> {
  const task = getDocumentWith({
    ...input,
    ...(options.password !== undefined ? { password: options.password } : {}),
    worker: on,
    ...resources(),
    maxImageSize: PDF_LIMITS.maxImageSize,
    canvasMaxAreaInBytes: PDF_LIMITS.canvasMaxAreaInBytes,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
    // Chromium's ImageDecoder path keeps decoded frames far beyond the page's life: paging
    // through a 300-page scan grew the window to about 1 GB. pdf.js's own decoder stays flat.
    isImageDecoderSupported: false,
    ...(options.drawHere ? { disableWorkerRendering: true } : {}),
  });
  // pdf.js would wait for a password forever: the file is reported as needing one (or as given
  // the wrong one), and the viewer asks the user and opens it again with what they typed.
  let passwordAsked: PdfErrorCode | null = null;
  task.onPassword = (_update: unknown, reason: number) => {
    passwordAsked = reason === PasswordResponses.INCORRECT_PASSWORD ? 'wrong-password' : 'encrypted';
    void task.destroy();
  };
  const abort = () => void task.destroy();
  options.signal?.addEventListener('abort', abort, { once: true });
  let proxy: PDFDocumentProxy;
  try {
    const opened = transport ? Promise.race([task.promise, transport.readFailure]) : task.promise;
    proxy = await withTimeout(opened, PDF_LIMITS.openTimeoutMs, () => {
      void task.destroy();
      recycleWorker(on);
    });
  } catch (error) {
    if (passwordAsked) throw new PdfOpenError(passwordAsked);
    if (transport?.failedToRead) {
      void task.destroy();
      throw new PdfOpenError('unreadable', error instanceof Error ? error.message : String(error));
    }
    throw classifyPdfError(error);
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  if (proxy.numPages > PDF_LIMITS.maxPages) {
    void task.destroy();
    throw new PdfOpenError('too-large', `${proxy.numPages} pages`);
  }
  if (proxy.numPages < 1) {
    void task.destroy();
    throw new PdfOpenError('broken', 'no pages');
  }
  transport?.opened();
  return new PdfDocument(proxy, {
    onHang: () => recycleWorker(on),
    onClosed: () => {
      renderer?.terminate();
      documentClosed(on);
    },
  });
}
