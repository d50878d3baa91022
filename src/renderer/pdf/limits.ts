/**
 * Limits against hostile or absurd files: a PDF nobody here wrote must not exhaust memory or hang
 * the window. Values are generous for real scans (A4 at 600 dpi is about 35 megapixels).
 */
export const PDF_LIMITS = {
  /** Larger files are refused before parsing. */
  maxBytes: 512 * 1024 * 1024,
  /** Largest decoded image pdf.js will draw, in pixels; bigger images are skipped. */
  maxImageSize: 60_000_000,
  /** Largest canvas the viewer allocates for one page, in pixels; beyond it the page is drawn smaller and scaled up. */
  maxCanvasPixels: 16_777_216,
  /** Images that pdf.js may resize in the worker, in bytes of canvas. */
  canvasMaxAreaInBytes: 64 * 1024 * 1024,
  /** More pages than this is not a document of a case file. */
  maxPages: 5000,
  /** Time to parse a document far enough to show its page count. */
  openTimeoutMs: 7000,
  /** Time to fetch and draw one page. */
  renderTimeoutMs: 7000,
  /** Time for the parser worker to confirm that a document is closed before it is replaced. */
  closeTimeoutMs: 3000,
  /** Time without any open document after which the parser worker is swapped for a fresh one. */
  workerRefreshAfterMs: 1000,
} as const;
