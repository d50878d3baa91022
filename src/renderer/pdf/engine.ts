/**
 * The one door to pdf.js. The parser worker is set up once per window and shared by every
 * document; a document that does not open in time takes the worker down with it, and the next
 * document gets a fresh one, so a hostile file cannot wedge the window.
 *
 * Hardening: pdf.js 6 has no eval code path any more (the old `isEvalSupported` switch is gone)
 * and the CSP forbids it anyway; embedded JavaScript is never run because neither the scripting
 * sandbox nor pdf.js's form layer is loaded here; image size and canvas area are capped.
 */
import { getDocument, GlobalWorkerOptions, PDFDataRangeTransport, PDFWorker, VerbosityLevel } from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import rendererUrl from 'pdfjs-dist/build/pdf.renderer.min.mjs?url';
import { classifyPdfError, PdfOpenError } from './errors.ts';
import { PDF_LIMITS } from './limits.ts';
import { PdfDocument } from './pdf-document.ts';

GlobalWorkerOptions.workerSrc = workerUrl;
GlobalWorkerOptions.rendererSrc = rendererUrl;

let resourceBase: string | null = null;
let sharedWorker: PDFWorker | null = null;

/**
 * Where cmaps, standard fonts, wasm decoders and colour profiles are served from (a folder with
 * `cmaps/`, `standard_fonts/`, `wasm/`, `iccs/`). The build copies them to `pdfjs/` beside the
 * pages; tests running from sources point it at the package folder.
 */
export function setPdfResourceBase(base: string): void {
  resourceBase = new URL(base, document.baseURI).href;
}

function resources(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string; iccUrl: string } {
  const base = resourceBase ?? new URL('pdfjs/', document.baseURI).href;
  return {
    cMapUrl: `${base}cmaps/`,
    standardFontDataUrl: `${base}standard_fonts/`,
    wasmUrl: `${base}wasm/`,
    iccUrl: `${base}iccs/`,
  };
}

function worker(): PDFWorker {
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new PDFWorker({ verbosity: VerbosityLevel.ERRORS });
  return sharedWorker;
}

/** Starts the parser worker ahead of the first document, so opening one does not wait for it. */
export function warmUpPdfWorker(): Promise<void> {
  return worker().promise;
}

/** Drops the shared worker, e.g. after it stopped answering; the next document starts a new one. */
function recycleWorker(): void {
  sharedWorker?.destroy();
  sharedWorker = null;
}

let openDocuments = 0;

/**
 * Bookkeeping of open documents. The worker is kept warm between documents on purpose: a fresh
 * one would give back ~20–70 MB after a long scan, but costs the next document a cold start
 * (measured about +250 ms to its first page).
 */
function documentClosed(): void {
  openDocuments = Math.max(0, openDocuments - 1);
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

/** A document stored in equal chunks (the last may be short) that can be read one at a time. */
export type ChunkSource = {
  readonly length: number;
  readonly chunkSize: number;
  readChunk(index: number): Promise<Uint8Array<ArrayBuffer>>;
};

/**
 * Feeds pdf.js the byte ranges it asks for from a chunked source: opening a large file reads its
 * header, cross-reference table and first page, not the whole file.
 */
class ChunkTransport extends PDFDataRangeTransport {
  readonly #source: ChunkSource;
  readonly #waiting: { begin: number; end: number }[] = [];
  #active = 0;
  #aborted = false;
  constructor(source: ChunkSource, first: Uint8Array<ArrayBuffer>) {
    super(source.length, first);
    this.#source = source;
  }
  override requestDataRange(begin: number, end: number): void {
    this.#waiting.push({ begin, end: Math.min(end, this.#source.length) });
    this.#pump();
  }
  /**
   * pdf.js asks for many ranges at once (walking the page tree), but consumes them front to back;
   * serving the lowest range first lets its parsing overlap with reading the cache.
   */
  #pump(): void {
    while (this.#active < 2 && this.#waiting.length > 0 && !this.#aborted) {
      this.#waiting.sort((a, b) => a.begin - b.begin);
      const next = this.#waiting.shift()!;
      this.#active++;
      // A range pdf.js no longer waits for (document closing) is dropped; the next one is served.
      void this.#serve(next.begin, next.end)
        .catch(() => undefined)
        .finally(() => {
          this.#active--;
          this.#pump();
        });
    }
  }
  async #serve(begin: number, end: number): Promise<void> {
    const { chunkSize } = this.#source;
    const firstIndex = Math.floor(begin / chunkSize);
    const lastIndex = Math.ceil(end / chunkSize) - 1;
    const reads: Promise<Uint8Array<ArrayBuffer>>[] = [];
    for (let i = firstIndex; i <= lastIndex; i++) reads.push(this.#source.readChunk(i));
    let parts: Uint8Array<ArrayBuffer>[];
    try {
      parts = await Promise.all(reads);
    } catch {
      // A missing chunk leaves the request open; the time limits turn it into a message.
      return;
    }
    if (this.#aborted) return;
    const offset = begin - firstIndex * chunkSize;
    if (parts.length === 1 && offset === 0 && parts[0]!.byteLength === end - begin) {
      this.onDataRange(begin, parts[0]!);
      return;
    }
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    let at = 0;
    for (const part of parts) {
      joined.set(part, at);
      at += part.byteLength;
    }
    this.onDataRange(begin, joined.slice(offset, offset + (end - begin)));
  }
  override abort(): void {
    this.#aborted = true;
    this.#waiting.length = 0;
  }
}

/**
 * Opens a PDF from bytes. The bytes are handed to the worker (the buffer is transferred), so the
 * caller must not use them afterwards. Throws PdfOpenError.
 */
export function openPdf(bytes: Uint8Array, options: { signal?: AbortSignal } = {}): Promise<PdfDocument> {
  if (bytes.byteLength > PDF_LIMITS.maxBytes)
    return Promise.reject(new PdfOpenError('too-large', `${bytes.byteLength} bytes`));
  if (bytes.byteLength === 0) return Promise.reject(new PdfOpenError('broken', 'empty file'));
  return open({ data: bytes }, options);
}

/** Opens a PDF read chunk by chunk from its source (see ChunkTransport). Throws PdfOpenError. */
export async function openPdfChunked(
  source: ChunkSource,
  options: { signal?: AbortSignal } = {},
): Promise<PdfDocument> {
  if (source.length > PDF_LIMITS.maxBytes) throw new PdfOpenError('too-large', `${source.length} bytes`);
  if (source.length === 0) throw new PdfOpenError('broken', 'empty file');
  const first = await source.readChunk(0);
  return open(
    {
      range: new ChunkTransport(source, first),
      rangeChunkSize: source.chunkSize,
      disableAutoFetch: true,
      disableStream: true,
    },
    options,
  );
}

async function open(
  input:
    | { data: Uint8Array }
    | { range: PDFDataRangeTransport; rangeChunkSize: number; disableAutoFetch: true; disableStream: true },
  options: { signal?: AbortSignal },
): Promise<PdfDocument> {
  // Counted from the start, so that a document closing meanwhile does not replace the worker under it.
  openDocuments++;
  try {
    return await load(input, options);
  } catch (error) {
    documentClosed();
    throw error;
  }
}

async function load(input: Parameters<typeof open>[0], options: { signal?: AbortSignal }): Promise<PdfDocument> {
  const task = getDocument({
    ...input,
    worker: worker(),
    ...resources(),
    maxImageSize: PDF_LIMITS.maxImageSize,
    canvasMaxAreaInBytes: PDF_LIMITS.canvasMaxAreaInBytes,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
    // Chromium's ImageDecoder path keeps decoded frames far beyond the page's life: paging
    // through a 300-page scan grew the window to about 1 GB. pdf.js's own decoder stays flat.
    isImageDecoderSupported: false,
  });
  // A password prompt would wait forever; an encrypted file is reported instead.
  let passwordAsked = false;
  task.onPassword = () => {
    passwordAsked = true;
    void task.destroy();
  };
  const abort = () => void task.destroy();
  options.signal?.addEventListener('abort', abort, { once: true });
  let proxy: PDFDocumentProxy;
  try {
    proxy = await withTimeout(task.promise, PDF_LIMITS.openTimeoutMs, () => {
      void task.destroy();
      recycleWorker();
    });
  } catch (error) {
    if (passwordAsked) throw new PdfOpenError('encrypted');
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
  return new PdfDocument(proxy, { onHang: recycleWorker, onClosed: documentClosed });
}
