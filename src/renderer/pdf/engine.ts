/**
 * The one door to pdf.js. The parser worker is set up once per window and shared by every
 * document; a document that does not open in time takes the worker down with it, and the next
 * document gets a fresh one, so a hostile file cannot wedge the window.
 *
 * Hardening: pdf.js 6 has no eval code path any more (the old `isEvalSupported` switch is gone)
 * and the CSP forbids it anyway; embedded JavaScript is never run because neither the scripting
 * sandbox nor pdf.js's form layer is loaded here; image size and canvas area are capped.
 */
import { getDocument, GlobalWorkerOptions, PDFWorker, VerbosityLevel } from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { classifyPdfError, PdfOpenError } from './errors.ts';
import { PDF_LIMITS } from './limits.ts';
import { PdfDocument } from './pdf-document.ts';

GlobalWorkerOptions.workerSrc = workerUrl;

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
export async function openPdf(bytes: Uint8Array, options: { signal?: AbortSignal } = {}): Promise<PdfDocument> {
  if (bytes.byteLength > PDF_LIMITS.maxBytes) throw new PdfOpenError('too-large', `${bytes.byteLength} bytes`);
  if (bytes.byteLength === 0) throw new PdfOpenError('broken', 'empty file');
  const task = getDocument({
    data: bytes,
    worker: worker(),
    ...resources(),
    maxImageSize: PDF_LIMITS.maxImageSize,
    canvasMaxAreaInBytes: PDF_LIMITS.canvasMaxAreaInBytes,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
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
  return new PdfDocument(proxy, recycleWorker);
}
