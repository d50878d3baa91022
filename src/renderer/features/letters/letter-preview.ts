/**
 * The composer's preview pictures: the letter's PDF drawn page by page by our own viewer's PDF
 * module (src/renderer/pdf, pdf.js underneath) into bitmaps the composer shows in canvases — no
 * iframe, no blob: URL. What is drawn when is decided in preview-pipeline.ts.
 */
import { openPdf, warmUpPdfWorker } from '../../pdf/index.ts';

/** Draws every page of `pdf` `cssWidth` CSS pixels wide, sharp at `pixelRatio`. */
export async function rasterize(
  pdf: Uint8Array<ArrayBuffer>,
  cssWidth: number,
  pixelRatio: number,
): Promise<ImageBitmap[]> {
  // openPdf hands the buffer over to pdf.js's worker; the preview keeps its own copy.
  const doc = await openPdf(pdf.slice());
  try {
    const numbers = Array.from({ length: doc.pageCount }, (_, k) => k + 1);
    return await Promise.all(
      numbers.map(async (page) => {
        const { width } = await doc.pageInfo(page);
        const canvas = document.createElement('canvas');
        try {
          await doc.render(page, canvas, { scale: cssWidth / width, rotation: 0, pixelRatio }).done;
          return await createImageBitmap(canvas);
        } finally {
          canvas.width = 0;
          canvas.height = 0;
        }
      }),
    );
  } finally {
    void doc.destroy();
    // The next preview finds its pdf.js workers started.
    void warmUpPdfWorker().catch(() => undefined);
  }
}
