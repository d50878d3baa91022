/**
 * Scanned-looking PDFs made inside the browser for tests: grey JPEG pages drawn on a canvas with
 * an invisible OCR text layer, written by the reference server's own PDF writer (the same format
 * as the demo district; its JPEG encoder needs Node, so the pages are encoded by the canvas here).
 */
import { concatBytes } from '../../../src/shared/util/bytes.ts';
import { writeScannedPdf, type PdfPage } from '../../../server/demo/pdf-writer.ts';
import type { ScanPage } from '../../../server/demo/raster-pool.ts';

const WIDTH = 620;
const HEIGHT = Math.round((WIDTH * 297) / 210);

function scanPage(lines: readonly string[], seed: number): ScanPage {
  // A page canvas encoded synchronously: OffscreenCanvas.convertToBlob now and then never settled
  // in headless Chromium under load, which hung whichever test was making a scan.
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = `rgb(${236 + (seed % 8)}, ${236 + (seed % 8)}, ${232 + (seed % 8)})`;
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  ctx.fillStyle = '#2a2a2a';
  const scale = 2;
  const placed: { x: number; y: number; scale: number; text: string }[] = [];
  let y = 60;
  for (const text of lines) {
    // The OCR layer assumes a 6 × 7 pixel glyph cell per font pixel; draw text to fill that cell.
    ctx.font = `${7 * scale * 1.3}px monospace`;
    const natural = ctx.measureText(text).width || 1;
    ctx.save();
    ctx.translate(50, y + 7 * scale);
    ctx.scale((text.length * 6 * scale) / natural, 1);
    ctx.fillText(text, 0, 0);
    ctx.restore();
    placed.push({ x: 50, y, scale, text });
    y += 12 * scale;
  }
  ctx.strokeStyle = '#777';
  ctx.strokeRect(40, 40, WIDTH - 80, HEIGHT - 80);
  const dataUrl = canvas.toDataURL('image/jpeg', 0.6);
  canvas.width = 0;
  return {
    jpeg: Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0)),
    width: WIDTH,
    height: HEIGHT,
    layout: 'letter',
    lines: placed,
  };
}

/** A PDF of `pages` scanned pages; page n carries the line "Seite n" plus the given lines. */
export async function makeTestScan(
  pages: number,
  linesFor: (page: number) => readonly string[] = () => [],
): Promise<Uint8Array<ArrayBuffer>> {
  const out: PdfPage[] = [];
  for (let i = 1; i <= pages; i++) {
    out.push({
      scan: scanPage([`Testakte Seite ${i}`, ...linesFor(i)], i),
      label: `Test · Seite ${i} von ${pages}`,
    });
  }
  const bytes = concatBytes(writeScannedPdf({ title: 'Testscan', pages: out, createdAt: '2025-06-02T08:00:00' }));
  return new Uint8Array(bytes);
}
