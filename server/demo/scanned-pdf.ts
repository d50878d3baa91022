/**
 * `makeScannedPdf`: a complete scanned-looking PDF as bytes, deterministic from its seed. Used by
 * the demo district and by client benchmarks that need e.g. a 300-page scan. Page rasters come
 * from a pool (encoded once per process), so long documents are cheap to make.
 */
import { LAYOUTS, type Layout } from './page-layouts.ts';
import { concatBytes } from '../../src/shared/util/bytes.ts';
import { writeScannedPdf, type PdfPage } from './pdf-writer.ts';
import { rasterPool, renderScanPage } from './raster-pool.ts';

export type ScannedPdfOptions = {
  readonly seed: number;
  readonly pages: number;
  readonly title: string;
  /** Typed at the top of the first page (and in its text layer); the first page is then unique. */
  readonly lines?: readonly string[];
  /** Raster width in pixels; 850 is about 100 dpi on A4. */
  readonly pageWidthPx?: number;
  /** Distinct rasters to cycle through. */
  readonly poolSize?: number;
  /** Layout of the first page; later pages cycle through the pool. */
  readonly layout?: Layout;
  /** Intake label printed small on every page; default: the title. */
  readonly label?: string;
  readonly createdAt?: string;
};

export function makeScannedPdf(options: ScannedPdfOptions): Uint8Array {
  return concatBytes(scannedPdfChunks(options));
}

export function scannedPdfChunks(options: ScannedPdfOptions): Uint8Array[] {
  const width = options.pageWidthPx ?? 850;
  const pool = rasterPool(options.seed, options.poolSize ?? 12, width);
  const layout: Layout = options.layout ?? LAYOUTS[options.seed % LAYOUTS.length] ?? 'letter';
  const first =
    options.lines && options.lines.length > 0 ? renderScanPage(options.seed, layout, width, options.lines) : undefined;
  const start = options.seed % pool.length;
  const pages: PdfPage[] = Array.from({ length: Math.max(1, options.pages) }, (_, i) => ({
    scan: i === 0 && first ? first : (pool[(start + i) % pool.length] ?? pool[0]!),
    label: `${options.label ?? options.title} · Seite ${i + 1} von ${options.pages}`,
  }));
  return writeScannedPdf({ title: options.title, pages, createdAt: options.createdAt ?? '2025-06-02T08:00:00' });
}
