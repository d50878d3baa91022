/**
 * A grey-scale pixel buffer with the few drawing operations a scanned office page needs: text in
 * the built-in bitmap font, lines and boxes. It also records every text line with its position,
 * which becomes the invisible OCR text layer of the PDF page.
 */
import { GLYPH_ADVANCE, glyphRows } from './bitmap-font.ts';

export type TextLine = {
  /** Left edge and top of the glyph box, in raster pixels. */
  readonly x: number;
  readonly y: number;
  /** Pixels per font pixel. */
  readonly scale: number;
  readonly text: string;
};

export class GreyCanvas {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
  readonly lines: TextLine[] = [];

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.pixels = new Uint8Array(width * height).fill(255);
  }

  fillRect(x: number, y: number, w: number, h: number, value: number): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let row = y0; row < y1; row++) this.pixels.fill(value, row * this.width + x0, row * this.width + x1);
  }

  strokeRect(x: number, y: number, w: number, h: number, value: number, thickness = 1): void {
    this.fillRect(x, y, w, thickness, value);
    this.fillRect(x, y + h - thickness, w, thickness, value);
    this.fillRect(x, y, thickness, h, value);
    this.fillRect(x + w - thickness, y, thickness, h, value);
  }

  /** Draws text; `bold` smears each glyph one pixel to the right. Returns the advance in pixels. */
  text(x: number, y: number, scale: number, text: string, value = 40, bold = false): number {
    const s = Math.max(1, Math.round(scale));
    let cursor = Math.round(x);
    const top = Math.round(y);
    for (const char of text) {
      const rows = glyphRows(char);
      for (let r = 0; r < rows.length; r++) {
        const bits = rows[r] ?? 0;
        if (bits === 0) continue;
        for (let c = 0; c < 5; c++) {
          if ((bits >> (4 - c)) & 1) this.fillRect(cursor + c * s, top + r * s, s + (bold ? 1 : 0), s, value);
        }
      }
      cursor += GLYPH_ADVANCE * s;
    }
    if (text.trim() !== '') this.lines.push({ x: Math.round(x), y: top, scale: s, text });
    return cursor - Math.round(x);
  }

  textWidth(text: string, scale: number): number {
    return [...text].length * GLYPH_ADVANCE * Math.max(1, Math.round(scale));
  }
}
