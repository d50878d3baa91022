/**
 * What the viewer remembers of a document's first view, so that the next open shows page 1 at
 * once, before pdf.js has parsed the file: the page count, the first page's size, and page 1 as
 * pdf.js drew it. The format is shared with the preparation on arrival (pdf/first-view.ts); here
 * it is bound to the pdf.js version this window draws with, and a shown page is captured.
 */
import { decodePreviewFor, type PagePreview } from '../../pdf/first-view.ts';
import { PDF_ENGINE_VERSION } from '../../pdf/index.ts';

export { encodePreview, previewMatches, type PagePreview, type PreviewHeader } from '../../pdf/first-view.ts';

/** The stored preview, or null when it is damaged, or was drawn by another pdf.js version. */
export function decodePreview(bytes: Uint8Array<ArrayBuffer>): PagePreview | null {
  return decodePreviewFor(bytes, PDF_ENGINE_VERSION);
}

/**
 * Page 1 as shown (a canvas with the finished drawing), as PNG bytes. The canvas is taken as it is
 * at the call; encoding happens off this thread. A browser that does not answer within the time
 * limit leaves no preview.
 */
export async function capturePng(
  shown: HTMLCanvasElement,
  timeoutMs = 10_000,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (shown.width === 0) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const blob = await Promise.race([
      new Promise<Blob | null>((resolve) => shown.toBlob(resolve, 'image/png')),
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs))),
    ]);
    return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
  } finally {
    clearTimeout(timer);
  }
}
