/**
 * Strings for PDF content streams in WinAnsiEncoding with the standard Helvetica metrics, so that
 * an invisible text layer can be sized to match the text on the scanned raster.
 */
const SPECIAL: Record<string, number> = {
  '€': 0x80,
  '„': 0x84,
  '…': 0x85,
  '‚': 0x82,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
};

/** Helvetica advance widths (1/1000 em) for ASCII 32–126. */
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
const LATIN_WIDTHS: Record<string, number> = {
  Ä: 667,
  Ö: 778,
  Ü: 722,
  ä: 556,
  ö: 556,
  ü: 556,
  ß: 611,
  '§': 556,
  '·': 278,
  '€': 556,
};

export function winAnsiCode(char: string): number {
  const code = char.codePointAt(0) ?? 63;
  if (code >= 32 && code < 127) return code;
  if (code >= 0xa0 && code <= 0xff) return code;
  return SPECIAL[char] ?? 63;
}

/** Width of `text` in Helvetica at 1 pt, in points. */
export function helveticaWidth(text: string): number {
  let sum = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 63;
    sum += code >= 32 && code < 127 ? (ASCII_WIDTHS[code - 32] ?? 556) : (LATIN_WIDTHS[char] ?? 556);
  }
  return sum / 1000;
}

/** A PDF literal string `( … )` in WinAnsiEncoding, bytes above 127 as octal escapes. */
export function pdfLiteral(text: string): string {
  let out = '(';
  for (const char of text) {
    const code = winAnsiCode(char);
    if (code === 0x28 || code === 0x29 || code === 0x5c) out += `\\${String.fromCharCode(code)}`;
    else if (code < 32 || code > 126) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(code);
  }
  return `${out})`;
}

/** A PDF text string for the document information dictionary (UTF-16BE with BOM, as hex). */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}
