/**
 * Rendered and JPEG-encoded scan pages. Encoding is the slow part of the demo, so a pool of
 * distinct pages is made once per process (per seed and size) and their bytes are reused by every
 * document; each page keeps its text lines for the invisible OCR layer.
 */
import { applyScanEffect } from './scan-effect.ts';
import { GreyCanvas, type TextLine } from './grey-canvas.ts';
import { encodeGreyJpeg } from './jpeg.ts';
import { drawPage, LAYOUTS, type Layout } from './page-layouts.ts';
import { createRng } from './rng.ts';

export type ScanPage = {
  readonly jpeg: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly layout: Layout;
  readonly lines: readonly TextLine[];
};

/** Quality tuned so that an A4 page at ~100 dpi with scanner noise lands around 60–110 KB. */
const JPEG_QUALITY = 60;

export function pageHeightFor(width: number): number {
  return Math.round((width * 297) / 210);
}

/** One scanned page; `extraLines` are typed at the top (used for a document's own first page). */
export function renderScanPage(
  seed: number,
  layout: Layout,
  width: number,
  extraLines: readonly string[] = [],
): ScanPage {
  const rng = createRng(seed);
  const height = pageHeightFor(width);
  const canvas = new GreyCanvas(width, height);
  if (extraLines.length > 0) {
    const s = Math.max(1, Math.round((2 * width) / 850));
    const margin = Math.round((80 * width) / 850);
    let y = Math.round((60 * width) / 850);
    for (const line of extraLines) {
      canvas.text(margin, y, s, line, 35, y === Math.round((60 * width) / 850));
      y += 12 * s;
    }
    canvas.fillRect(margin, y + 4 * s, width - 2 * margin, 1, 120);
    const body = new GreyCanvas(width, height);
    drawPage(body, layout, rng.fork('body'));
    // Keep the document's own lines on top and the generated body below them.
    const offset = y + 12 * s;
    const end = height - Math.round((70 * width) / 850);
    for (let row = offset; row < end; row++) {
      canvas.pixels.set(body.pixels.subarray((row - offset) * width, (row - offset + 1) * width), row * width);
    }
    for (const line of body.lines)
      if (line.y + offset + 9 * line.scale < end) canvas.lines.push({ ...line, y: line.y + offset });
  } else {
    drawPage(canvas, layout, rng.fork('body'));
  }
  const scanned = applyScanEffect(canvas.pixels, width, height, rng.fork('scan'));
  return { jpeg: encodeGreyJpeg(scanned, width, height, JPEG_QUALITY), width, height, layout, lines: canvas.lines };
}

const pools = new Map<string, readonly ScanPage[]>();

/** `size` distinct pages cycling through all layouts; memoised for the life of the process. */
export function rasterPool(seed: number, size: number, width: number): readonly ScanPage[] {
  const key = `${seed}:${size}:${width}`;
  const cached = pools.get(key);
  if (cached) return cached;
  const pool = Array.from({ length: size }, (_, i) =>
    renderScanPage(seed * 7919 + i, LAYOUTS[i % LAYOUTS.length] as Layout, width),
  );
  pools.set(key, pool);
  return pool;
}
