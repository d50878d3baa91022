/**
 * An open PDF as the viewer needs it: page sizes, drawing a page into a canvas within the pixel
 * cap and a time limit, the text of a page in page coordinates, and closing. Hides pdf.js types
 * from the rest of the renderer.
 */
import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import { PdfOpenError } from './errors.ts';
import { PDF_LIMITS } from './limits.ts';
import { canvasSize, drawingViewport, pageInfoOf } from './page-viewport.ts';

/** Size of the unrotated page in PDF points and the rotation the file itself asks for. */
export type PageInfo = { readonly width: number; readonly height: number; readonly rotate: 0 | 90 | 180 | 270 };

/** A run of text on a page; the box is in PDF points, origin top-left of the unrotated page. */
export type TextRun = {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
};

export type RenderRequest = {
  /** CSS pixels per PDF point. */
  readonly scale: number;
  /** The viewer's rotation, added to the page's own. */
  readonly rotation: number;
  /** Device pixels per CSS pixel. */
  readonly pixelRatio: number;
  /**
   * Draw the page as it will be printed: without what the file marks as screen-only, and without
   * waiting for the next animation frame before each slice of drawing (pdf.js does that for the
   * screen; a letter preview is ready up to a frame sooner). Between slices the thread is free.
   */
  readonly asPrinted?: boolean;
};

export type RenderJob = { readonly done: Promise<void>; cancel(): void };

export class PdfDocument {
  readonly pageCount: number;
  readonly #proxy: PDFDocumentProxy;
  readonly #pages = new Map<number, Promise<PDFPageProxy>>();
  readonly #onHang: () => void;
  readonly #onClosed: () => void;
  /** How many views (page slot, thumbnail) hold each page; its resources are freed at zero. */
  readonly #holders = new Map<number, number>();
  #destroyed = false;

  constructor(proxy: PDFDocumentProxy, hooks: { onHang: () => void; onClosed: () => void }) {
    this.#proxy = proxy;
    this.pageCount = proxy.numPages;
    this.#onHang = hooks.onHang;
    this.#onClosed = hooks.onClosed;
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  #page(pageNumber: number): Promise<PDFPageProxy> {
    let page = this.#pages.get(pageNumber);
    if (!page) {
      // A page whose data never arrives (hostile or damaged file) fails instead of waiting forever.
      page = Promise.race([
        this.#proxy.getPage(pageNumber),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new PdfOpenError('timeout', `page ${pageNumber}`)), PDF_LIMITS.openTimeoutMs),
        ),
      ]);
      // A failed lookup is not cached, so a later attempt can try again.
      page.catch(() => this.#pages.delete(pageNumber));
      this.#pages.set(pageNumber, page);
    }
    return page;
  }

  async pageInfo(pageNumber: number): Promise<PageInfo> {
    return pageInfoOf(await this.#page(pageNumber));
  }

  /**
   * Draws a page into `canvas` (sized here, see page-viewport.ts) and resolves when it is painted.
   */
  render(pageNumber: number, canvas: HTMLCanvasElement, request: RenderRequest): RenderJob {
    let task: RenderTask | null = null;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const draw = async () => {
      const page = await this.#page(pageNumber);
      if (cancelled) throw new PdfOpenError('timeout', 'cancelled');
      const viewport = drawingViewport(page, request);
      const size = canvasSize(viewport);
      canvas.width = size.width;
      canvas.height = size.height;
      task = page.render({ canvas, viewport, ...(request.asPrinted ? { intent: 'print' } : {}) });
      // For print pdf.js runs its slices back to back; between them the thread is given back, so
      // that a key pressed meanwhile is handled (the screen intent waits for a frame instead). A
      // scheduler task, not a timer: timers that follow each other are held back 4 ms each.
      if (request.asPrinted) task.onContinue = (next: () => void) => void scheduler.postTask(next);
      await task.promise;
    };
    // The limit covers fetching the page too: a page whose data never arrives must not wait forever.
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        cancelled = true;
        task?.cancel();
        reject(new PdfOpenError('timeout', `page ${pageNumber}`));
      }, PDF_LIMITS.renderTimeoutMs);
    });
    const done = Promise.race([draw(), limit]).finally(() => clearTimeout(timer));
    return {
      done,
      cancel: () => {
        cancelled = true;
        task?.cancel();
        clearTimeout(timer);
      },
    };
  }

  /** The page's text runs (OCR layer of scans), for find. */
  async text(pageNumber: number): Promise<TextRun[]> {
    const page = await this.#page(pageNumber);
    const [x0 = 0, , , y1 = 792] = page.view;
    const content = await page.getTextContent();
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.length === 0) continue;
      const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform as number[];
      const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
      const width = item.width || size * item.str.length * 0.5;
      runs.push({ text: item.str, x: e - x0, y: y1 - f - size * 0.85, width, height: size * 1.1 });
    }
    return runs;
  }

  /** Marks a page as in use by a view, so that its decoded images are kept while it is shown. */
  holdPage(pageNumber: number): void {
    this.#holders.set(pageNumber, (this.#holders.get(pageNumber) ?? 0) + 1);
  }

  /**
   * A view lets go of a page; when no view holds it any more, what pdf.js keeps for it (operator
   * list, decoded images) is freed. Without this, paging through a long scan keeps every decoded
   * page image in memory.
   */
  releasePage(pageNumber: number): void {
    const held = (this.#holders.get(pageNumber) ?? 1) - 1;
    if (held > 0) {
      this.#holders.set(pageNumber, held);
      return;
    }
    this.#holders.delete(pageNumber);
    void this.#pages.get(pageNumber)?.then(
      (page) => {
        if (!this.#holders.has(pageNumber) && !this.#destroyed) page.cleanup();
      },
      () => undefined,
    );
  }

  /** Reports a worker that stopped answering, so the next document gets a fresh one. */
  reportHang(): void {
    this.#onHang();
  }

  /**
   * Closes the document. The parser worker confirms the close; if it does not within the time
   * limit (busy with a hostile file, or starved), it is replaced, so closing never waits long.
   */
  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#pages.clear();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const confirmed = this.#proxy.loadingTask.destroy().then(
      () => true,
      () => false,
    );
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), PDF_LIMITS.closeTimeoutMs);
    });
    try {
      if (!(await Promise.race([confirmed, late]))) this.#onHang();
    } finally {
      clearTimeout(timer);
      this.#onClosed();
    }
  }
}
