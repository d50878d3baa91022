/**
 * A document whose pages can be laid out before pdf.js has finished opening it: the page count
 * is known from what the viewer remembered of an earlier view, so the page column mounts at once
 * and calls wait for the real document. If opening fails, the calls fail with its error.
 */
import { PdfOpenError } from './errors.ts';
import type { PageInfo, PdfDocument, RenderJob, RenderRequest, TextRun } from './pdf-document.ts';

/** What a view of a document uses of it. */
export type ViewDocument = Pick<
  PdfDocument,
  'pageCount' | 'destroyed' | 'pageInfo' | 'render' | 'text' | 'holdPage' | 'releasePage'
>;

export class DeferredPdfDocument implements ViewDocument {
  readonly pageCount: number;
  readonly #opening: Promise<PdfDocument>;
  #doc: PdfDocument | null = null;
  #failed = false;
  /** Holds taken before the document was open, handed on once it is. */
  readonly #held = new Map<number, number>();

  constructor(pageCount: number, opening: Promise<PdfDocument>) {
    this.pageCount = pageCount;
    this.#opening = opening.then(
      (doc) => {
        this.#doc = doc;
        for (const [page, count] of this.#held) for (let i = 0; i < count; i++) doc.holdPage(page);
        this.#held.clear();
        return doc;
      },
      (error: unknown) => {
        this.#failed = true;
        throw error;
      },
    );
    // Failures reach whoever waits on a page; the document itself just stops.
    this.#opening.catch(() => undefined);
  }

  get destroyed(): boolean {
    return this.#doc ? this.#doc.destroyed : this.#failed;
  }

  async pageInfo(pageNumber: number): Promise<PageInfo> {
    return (await this.#opening).pageInfo(pageNumber);
  }

  async text(pageNumber: number): Promise<TextRun[]> {
    return (await this.#opening).text(pageNumber);
  }

  holdPage(pageNumber: number): void {
    if (this.#doc) this.#doc.holdPage(pageNumber);
    else this.#held.set(pageNumber, (this.#held.get(pageNumber) ?? 0) + 1);
  }

  releasePage(pageNumber: number): void {
    if (this.#doc) {
      this.#doc.releasePage(pageNumber);
      return;
    }
    const held = (this.#held.get(pageNumber) ?? 1) - 1;
    if (held > 0) this.#held.set(pageNumber, held);
    else this.#held.delete(pageNumber);
  }

  render(pageNumber: number, canvas: HTMLCanvasElement, request: RenderRequest): RenderJob {
    if (this.#doc) return this.#doc.render(pageNumber, canvas, request);
    let inner: RenderJob | null = null;
    let cancelled = false;
    const done = this.#opening.then((doc) => {
      if (cancelled) throw new PdfOpenError('timeout', 'cancelled');
      inner = doc.render(pageNumber, canvas, request);
      return inner.done;
    });
    return {
      done,
      cancel: () => {
        cancelled = true;
        inner?.cancel();
      },
    };
  }
}
