/**
 * Widths of text in the letter's real fonts. The checks (does an address line fit the window?)
 * and the layout (where does a line break?) measure with this, and it measures exactly as pdf-lib
 * places glyphs (the advance widths of the glyphs `fontkit-adapter.ts` maps the text to, no
 * kerning, no ligatures), so what the check passes is what the page shows.
 */
import type { Font as FontkitFont } from '@pdf-lib/fontkit';
import { createFont } from './fontkit-adapter.ts';

/** The TrueType bytes of the two faces; the renderer loads them as assets, tests from disk. */
export type LetterFonts = { readonly regular: Uint8Array; readonly bold: Uint8Array };
export type FontFace = 'regular' | 'bold';

export type FontMetrics = {
  /** Width in points at `size` points. */
  widthPt(text: string, size: number, face: FontFace): number;
  /** Characters (other than line breaks) that the given face has no glyph for. */
  missingCharacters(text: string, face: FontFace): string[];
};

export function createFontMetrics(fonts: LetterFonts): FontMetrics {
  const faces: Record<FontFace, FontkitFont> = { regular: createFont(fonts.regular), bold: createFont(fonts.bold) };
  const cache = new Map<string, number>();
  return {
    widthPt(text, size, face) {
      const key = `${face}\u0000${text}`;
      let units = cache.get(key);
      if (units === undefined) {
        const font = faces[face];
        units = 0;
        for (const glyph of font.layout(text).glyphs) units += glyph.advanceWidth;
        units /= font.unitsPerEm;
        if (cache.size > 20_000) cache.clear();
        cache.set(key, units);
      }
      return units * size;
    },
    missingCharacters(text, face) {
      const font = faces[face];
      const missing = new Set<string>();
      for (const ch of text) {
        if (ch === '\n') continue;
        if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(ch);
      }
      return [...missing];
    },
  };
}
