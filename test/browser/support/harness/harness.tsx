/**
 * A page that drives the real viewer window from Playwright (benchmarks, the corpus run and the
 * two-window end-to-end test): it signs in a test user, seeds the encrypted cache and mounts the
 * viewer, and offers bare pdf.js as the baseline for the benchmark.
 */
import { getDocument, GlobalWorkerOptions, PDFWorker } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { importCacheKeys } from '../../../../src/renderer/data/crypto/cache-keys.ts';
import { VIEW_INDEX_CHUNK, VIEW_PREVIEW_CHUNK } from '../../../../src/renderer/data/repos/contents.ts';
import { createOpeningViewRepo } from '../../../../src/renderer/data/repos/opening-view.ts';
import { createFirstViewDrawer } from '../../../../src/renderer/pdf/first-view-drawer.ts';
import { prepareDocument, type PrepareOutcome } from '../../../../src/renderer/sync/prepare-document.ts';
import type { OpenedSession as Session } from '../../../../src/renderer/session/session.ts';
import { warmUpPdfWorker } from '../../../../src/renderer/pdf/index.ts';
import { mountViewer, type MountedViewer } from '../mount-viewer.tsx';
import { openTestSession, seedDocument, testUser } from '../seed.ts';

export type OpenOutcome = {
  outcome: 'rendered' | 'error';
  ms: number;
  code?: string;
  /** Page 1 was shown from what the viewer remembered of an earlier view. */
  fromPreview?: boolean;
};

let session: Session | null = null;
/** The sync worker's drawer of first views, here in the page. */
const drawer = createFirstViewDrawer();
let viewer: MountedViewer | null = null;
/** Of the last bare run: ms until page 1 was parsed, before drawing it. */
let bareOpenMs = 0;

async function fetchBytes(url: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Resolves when page 1 is painted or an error shows. `typedPassword`: a password was just typed
 * into the viewer's password dialog, so the dialog itself is not the outcome, only its refusal.
 */
function waitForOutcome(started: number, { typedPassword = false } = {}): Promise<OpenOutcome> {
  return new Promise((resolve) => {
    const done = (outcome: OpenOutcome) => {
      observer.disconnect();
      document.removeEventListener('viewer:first-page-painted', painted);
      resolve(outcome);
    };
    const painted = (event: Event) =>
      done({
        outcome: 'rendered',
        ms: performance.now() - started,
        fromPreview: !!(event as CustomEvent<{ fromPreview?: boolean }>).detail?.fromPreview,
      });
    const check = () => {
      const refused = document.querySelector('[data-wrong-attempts]:not([data-wrong-attempts="0"])');
      if (typedPassword && refused) {
        done({ outcome: 'error', ms: performance.now() - started, code: 'wrong-password' });
        return;
      }
      const error = document.querySelector(
        typedPassword ? '[data-error-code]:not([data-error-code="encrypted"])' : '[data-error-code]',
      );
      if (error)
        done({ outcome: 'error', ms: performance.now() - started, code: error.getAttribute('data-error-code') ?? '' });
      else if (document.querySelector('[data-page="1"] .page-error'))
        done({ outcome: 'error', ms: performance.now() - started, code: 'page' });
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    document.addEventListener('viewer:first-page-painted', painted);
  });
}

/** Whether a record the viewer keeps beside a document's chunks appears within the time. */
async function waitForViewRecord(id: string, chunk: number, timeoutMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (await session?.db.contentChunks.get([id, chunk])) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

const harness = {
  /** Signs in a test user; pass the raw cache key (hex) to share the cache with another page. */
  async signIn(userId: string, displayName: string, keyHex?: string): Promise<void> {
    const key = keyHex
      ? await importCacheKeys(new Uint8Array(keyHex.match(/../g)!.map((h) => parseInt(h, 16))))
      : undefined;
    session = (await openTestSession(testUser(userId, displayName), key)).session;
    await warmUpPdfWorker();
  },
  async seed(url: string, id: string, pageCount = 1, title?: string): Promise<void> {
    if (!session) throw new Error('signIn first');
    await seedDocument(session, await fetchBytes(url), { id, pageCount, ...(title ? { title } : {}) });
  },
  /** Mounts the viewer on a document and resolves when its first page is painted or an error shows. */
  open(id: string): Promise<OpenOutcome> {
    harness.close();
    performance.clearMarks();
    performance.mark('viewer:mount');
    const started = performance.now();
    const outcome = waitForOutcome(started);
    viewer = mountViewer(session, id, './pdfjs/');
    return outcome;
  },
  /**
   * Types a password into the viewer's password dialog and submits it; resolves when page 1 is
   * painted, the password is refused, or another error shows.
   */
  submitPassword(password: string): Promise<OpenOutcome> {
    const input = document.querySelector<HTMLInputElement>('.viewer-password input[type="password"]');
    if (!input) return Promise.resolve({ outcome: 'error', ms: 0, code: 'no-password-dialog' });
    const started = performance.now();
    const outcome = waitForOutcome(started, { typedPassword: true });
    // As typing does: React follows the native value setter and the input event.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, password);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    setTimeout(() => input.form?.requestSubmit(), 0);
    return outcome;
  },
  /** Milliseconds to read a cached document's bytes whole, and chunk by chunk in parallel. */
  async readTimes(id: string): Promise<{ whole: number; chunks: number; decryptOnly: number }> {
    if (!session) throw new Error('signIn first');
    let t = performance.now();
    await session.contents.read(id);
    const whole = performance.now() - t;
    t = performance.now();
    const content = await session.contents.openChunked(id);
    const n = Math.ceil(content.byteSize / content.chunkSize);
    await Promise.all(Array.from({ length: n }, (_, i) => content.readChunk(i)));
    const chunks = performance.now() - t;
    const raw = await session.db.contentChunks.where('documentId').equals(id).toArray();
    t = performance.now();
    await Promise.all(raw.map((c) => session!.cipher.openBytes(c.sealed, `contentChunks/${id}/${c.index}`)));
    return { whole, chunks, decryptOnly: performance.now() - t };
  },
  bareOpenMs(): number {
    return Math.round(bareOpenMs);
  },
  /** The viewer's marks of the last open, in ms after mounting (where the time to first page goes). */
  marks(): Record<string, number> {
    const mount = performance.getEntriesByName('viewer:mount')[0]?.startTime ?? 0;
    return Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('viewer:') && m.name !== 'viewer:mount')
        .map((m) => [m.name.slice('viewer:'.length), Math.round(m.startTime - mount)]),
    );
  },
  /** Resolves once the viewer has stored the document's view index (it does so after the first page). */
  waitForViewIndex(id: string, timeoutMs = 15_000): Promise<boolean> {
    return waitForViewRecord(id, VIEW_INDEX_CHUNK, timeoutMs);
  },
  /**
   * Prepares a document as the sync worker does when its bytes arrive (view index and page 1 for
   * the layout the viewer last reported), through the same drawing worker, without opening it.
   */
  async prepareOnArrival(id: string): Promise<PrepareOutcome> {
    if (!session) throw new Error('signIn first');
    const view = await createOpeningViewRepo(session.db).load();
    if (!view) throw new Error('the viewer has reported no layout yet');
    return prepareDocument(
      { contents: session.contents, drawer, view, resources: new URL('./pdfjs/', location.href).href },
      { documentId: id, index: true, picture: true },
      new AbortController().signal,
    );
  },
  /** Resolves once the viewer has reported the layout documents open in (it does after a first page). */
  async waitForOpeningView(timeoutMs = 15_000): Promise<boolean> {
    const until = performance.now() + timeoutMs;
    while (performance.now() < until) {
      if (session && (await createOpeningViewRepo(session.db).load())) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  },
  /** Drops what the viewer remembered of the document's first view (page 1's picture). */
  async forgetPreview(id: string): Promise<void> {
    await session?.db.contentChunks.delete([id, VIEW_PREVIEW_CHUNK]);
  },
  /** Resolves once the viewer has remembered page 1 of the document. */
  waitForPreview(id: string, timeoutMs = 15_000): Promise<boolean> {
    return waitForViewRecord(id, VIEW_PREVIEW_CHUNK, timeoutMs);
  },
  close(): void {
    viewer?.unmount();
    viewer = null;
  },
  /** Bare pdf.js: getDocument and render page 1 at the given CSS width, timed in the page. */
  async bare(url: string, cssWidth: number, isImageDecoderSupported?: boolean): Promise<number> {
    const bytes = await fetchBytes(url);
    GlobalWorkerOptions.workerSrc = workerUrl;
    const worker = new PDFWorker();
    await worker.promise;
    const started = performance.now();
    const task = getDocument({
      data: bytes,
      worker,
      wasmUrl: new URL('./pdfjs/wasm/', location.href).href,
      ...(isImageDecoderSupported === undefined ? {} : { isImageDecoderSupported }),
    });
    const pdf = await task.promise;
    const page = await pdf.getPage(1);
    bareOpenMs = performance.now() - started;
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: (cssWidth / base.width) * devicePixelRatio });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    document.body.append(canvas);
    await page.render({ canvas, viewport }).promise;
    const ms = performance.now() - started;
    canvas.remove();
    await task.destroy();
    worker.destroy();
    return ms;
  },
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
document.body.dataset['ready'] = 'true';
