/**
 * The composer's preview pictures: the letter's PDF drawn page by page by our own viewer's PDF
 * module (src/renderer/pdf, pdf.js underneath) into bitmaps the composer shows in canvases — no
 * iframe, no blob: URL. pdf.js draws them on this thread (see `drawHere` in the PDF module). What
 * is drawn when is decided in preview-pipeline.ts.
 *
 * A keystroke mostly changes one page. A page whose key (everything drawn on it, see
 * `RenderedLetter.pageKeys`) equals the page shown before at the same place is not drawn again:
 * its picture is copied, and it is the picture the new bytes give, since it is drawn from the same
 * texts at the same places in the same fonts (a browser test compares the two).
 */
import { openPdf, warmUpPdfWorker, type PdfDocument } from '../../pdf/index.ts';

export type PreviewPictures = {
  readonly pageKeys: readonly string[];
  readonly pages: readonly ImageBitmap[];
  /** The width in CSS pixels and the device pixels per CSS pixel they were drawn at. */
  readonly cssWidth: number;
  readonly pixelRatio: number;
};

export type LetterToDraw = { readonly pdf: Uint8Array<ArrayBuffer>; readonly pageKeys: readonly string[] };

/** Draws the pages of `letter` `cssWidth` CSS pixels wide, sharp at `pixelRatio`, reusing what `shown` has of them. */
export async function rasterize(
  letter: LetterToDraw,
  cssWidth: number,
  pixelRatio: number,
  shown: PreviewPictures | null = null,
): Promise<PreviewPictures> {
  // Declared with `as`: it is set in `open`, which the type checker does not follow.
  let doc = null as Promise<PdfDocument> | null;
  // openPdf hands the buffer over to pdf.js's worker; the preview keeps its own copy.
  const open = () => (doc ??= openPdf(letter.pdf.slice(), { drawHere: true }));
  const unchanged = (k: number): ImageBitmap | null =>
    shown !== null &&
    shown.cssWidth === cssWidth &&
    shown.pixelRatio === pixelRatio &&
    shown.pageKeys[k] === letter.pageKeys[k]
      ? (shown.pages[k] ?? null)
      : null;
  const picture = async (k: number): Promise<ImageBitmap> => {
    const same = unchanged(k);
    if (same) {
      try {
        return await createImageBitmap(same);
      } catch {
        // Closed meanwhile: drawn below.
      }
    }
    const opened = await open();
    if (opened.pageCount !== letter.pageKeys.length)
      throw new Error(`the letter has ${opened.pageCount} pages, its layout ${letter.pageKeys.length}`);
    return drawPage(opened, k + 1, cssWidth, pixelRatio);
  };
  try {
    const settled = await Promise.allSettled(letter.pageKeys.map((_, k) => picture(k)));
    const pages = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failure = settled.find((s) => s.status === 'rejected');
    if (failure) {
      for (const page of pages) page.close();
      throw failure.reason;
    }
    return { pageKeys: letter.pageKeys, pages, cssWidth, pixelRatio };
  } finally {
    if (doc) {
      void doc.then(
        (opened) => opened.destroy(),
        () => undefined,
      );
      // The next preview finds its pdf.js worker started.
      void warmUpPdfWorker({ drawHere: true }).catch(() => undefined);
    }
  }
}

async function drawPage(doc: PdfDocument, page: number, cssWidth: number, pixelRatio: number): Promise<ImageBitmap> {
  // Counted by the benchmark: how many pages a keystroke had drawn.
  performance.mark('letters:page-drawn');
  const { width } = await doc.pageInfo(page);
  const canvas = document.createElement('canvas');
  try {
    await doc.render(page, canvas, { scale: cssWidth / width, rotation: 0, pixelRatio, asPrinted: true }).done;
    return await createImageBitmap(canvas);
  } finally {
    canvas.width = 0;
    canvas.height = 0;
  }
}
