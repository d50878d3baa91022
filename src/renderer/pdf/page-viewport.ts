/**
 * The size a page is drawn at: the same for the viewer's pages and for the first view prepared in
 * the background, so that a prepared picture of page 1 is the very drawing the viewer would make.
 * The device scale is lowered when the canvas would exceed the pixel cap; CSS then stretches the
 * drawing to its slot.
 */
import type { PageViewport, PDFPageProxy } from 'pdfjs-dist';
import { PDF_LIMITS } from './limits.ts';
import type { PageInfo, RenderRequest } from './pdf-document.ts';

export function normaliseRotation(value: number): 0 | 90 | 180 | 270 {
  const r = (((Math.round(value / 90) * 90) % 360) + 360) % 360;
  return r as 0 | 90 | 180 | 270;
}

/** The viewport to draw `page` with for `request`; the canvas is its size, rounded down. */
export function drawingViewport(page: PDFPageProxy, request: RenderRequest): PageViewport {
  const rotation = normaliseRotation(page.rotate + request.rotation);
  const css = page.getViewport({ scale: request.scale, rotation });
  const wanted = css.width * css.height * request.pixelRatio ** 2;
  const ratio =
    wanted > PDF_LIMITS.maxCanvasPixels
      ? Math.sqrt(PDF_LIMITS.maxCanvasPixels / (css.width * css.height))
      : request.pixelRatio;
  return page.getViewport({ scale: request.scale * ratio, rotation });
}

export function canvasSize(viewport: PageViewport): { width: number; height: number } {
  return { width: Math.max(1, Math.floor(viewport.width)), height: Math.max(1, Math.floor(viewport.height)) };
}

/** Size of the unrotated page in PDF points and the rotation the file itself asks for. */
export function pageInfoOf(page: PDFPageProxy): PageInfo {
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
  const width = Math.abs(x1 - x0) || 612;
  const height = Math.abs(y1 - y0) || 792;
  return { width, height, rotate: normaliseRotation(page.rotate) };
}
