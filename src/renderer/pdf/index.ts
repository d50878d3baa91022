/** The PDF layer: the only part of the renderer that touches pdf.js. */
export {
  openPdf,
  openPdfChunked,
  PDF_ENGINE_VERSION,
  recordViewIndex,
  warmUpPdfWorker,
  type ChunkSource,
  type OpenOptions,
} from './engine.ts';
export { setPdfResourceBase } from './resources.ts';
export { DeferredPdfDocument, type ViewDocument } from './deferred-document.ts';
export { PdfOpenError, type PdfErrorCode } from './errors.ts';
export { PDF_LIMITS } from './limits.ts';
export type { PageInfo, PdfDocument, RenderJob, RenderRequest, TextRun } from './pdf-document.ts';
