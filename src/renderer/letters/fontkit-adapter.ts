/**
 * The font engine handed to pdf-lib. Letters are made with `@cantoo/pdf-lib` (the maintained fork
 * of pdf-lib: pure JavaScript, so the very same code runs in the renderer and in Node tests, and
 * it writes PDF/A structures) and `@pdf-lib/fontkit` (pure JavaScript TrueType parsing, layout
 * and subsetting, so only the glyphs a letter uses are embedded).
 *
 * The fork asks a subset for `encode()` without arguments (the newer fontkit API) and only falls
 * back to `encodeStream()` when there is no `encode` at all; `@pdf-lib/fontkit`'s subset has an
 * `encode(stream)` that needs a stream, so called bare it throws. This adapter gives each subset
 * an `encode()` that collects `encodeStream()` (the fork accepts a promise there) and leaves the
 * one-argument form, which `encodeStream()` itself calls, untouched.
 */
import fontkit from '@pdf-lib/fontkit';
import type { Font as FontkitFont } from '@pdf-lib/fontkit';

type StreamingSubset = {
  /** The ids, in the font, of the glyphs included so far, in subset order. */
  readonly glyphs: readonly number[];
  encode: (stream?: unknown) => unknown;
  encodeStream: () => { on(event: string, listener: (data: Uint8Array) => void): unknown };
};

function collect(subset: StreamingSubset): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    const stream = subset.encodeStream();
    stream.on('data', (data) => parts.push(data));
    stream.on('error', reject as (data: Uint8Array) => void);
    stream.on('end', () => {
      const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
      let offset = 0;
      for (const part of parts) {
        out.set(part, offset);
        offset += part.byteLength;
      }
      resolve(out);
    });
  });
}

/**
 * One parsed font per byte array: the checks, the layout and pdf-lib then share it, so a letter
 * does not parse the same TrueType file twice and fontkit's glyph cache stays warm from one letter
 * to the next.
 *
 * Sharing needs one repair. fontkit caches a glyph object with the characters of its first
 * lookup; writing a subset looks up the parts of composite glyphs ("U" inside "Ü") without any,
 * and the next letter's text would then get that character-less "U", so its ToUnicode map (what
 * copy and search read) would be wrong. A later lookup that names the character fills it in.
 */
const parsed = new WeakMap<Uint8Array, FontkitFont>();
/** Font programs of subsets kept per font, the most recent (about 30 KB each). */
const ENCODED_SUBSETS_KEPT = 8;

export function createFont(bytes: Uint8Array): FontkitFont {
  const known = parsed.get(bytes);
  if (known) return known;
  const font = fontkit.create(bytes);
  // Letters are set without kerning or ligatures (pdf-lib places glyphs by their advance widths
  // and ignores shaping positions anyway), so the layout is the font's own character-to-glyph
  // map. This skips fontkit's OpenType shaping, whose tables and Unicode data cost about 100 ms
  // the first time, and measuring and printing stay one and the same mapping.
  font.layout = ((text: string) => ({
    glyphs: font.glyphsForString(text),
    positions: [],
  })) as unknown as FontkitFont['layout'];
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints?: number[]) => {
    const glyph = getGlyph(id, codePoints);
    if (codePoints && codePoints.length > 0 && glyph.codePoints.length === 0) glyph.codePoints = codePoints;
    return glyph;
  };
  const createSubset = font.createSubset.bind(font);
  const encoded = new Map<string, Promise<Uint8Array>>();
  font.createSubset = () => {
    const subset = createSubset() as unknown as StreamingSubset;
    const encodeInto = subset.encode.bind(subset);
    subset.encode = (stream?: unknown) => {
      if (stream !== undefined) return encodeInto(stream);
      // A subset's font program depends only on the glyphs it holds, in their order; the preview
      // makes the letter again on every keystroke, mostly with the same glyphs.
      const key = subset.glyphs.join(',');
      const bytes = encoded.get(key) ?? collect(subset);
      // Kept in the order last used: the least recently used one goes first.
      encoded.delete(key);
      encoded.set(key, bytes);
      bytes.catch(() => encoded.delete(key));
      if (encoded.size > ENCODED_SUBSETS_KEPT) encoded.delete(encoded.keys().next().value!);
      return bytes;
    };
    return subset as unknown as ReturnType<FontkitFont['createSubset']>;
  };
  parsed.set(bytes, font);
  return font;
}

/** Registered with `PDFDocument.registerFontkit`. */
export const letterFontkit = { create: createFont };
