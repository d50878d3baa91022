/**
 * Writes a scanned-looking PDF: one JPEG image per page (DCTDecode), an invisible text layer
 * (render mode 3, Helvetica, WinAnsiEncoding) with the page's text as OCR would add it, and a
 * small visible intake label. Returns the file as chunks so that shared JPEG bytes are not copied.
 */
import type { ScanPage } from './raster-pool.ts';
import { helveticaWidth, pdfLiteral, pdfTextString } from './win-ansi.ts';

export type PdfPage = { readonly scan: ScanPage; readonly label: string };

export type PdfInput = {
  readonly title: string;
  readonly pages: readonly PdfPage[];
  /** `YYYY-MM-DDTHH:MM:SS` (UTC), written as the creation date. */
  readonly createdAt: string;
};

const A4_WIDTH = 595.28;
const A4_HEIGHT = 841.89;
const enc = new TextEncoder();
const textLayers = new WeakMap<ScanPage, string>();

/** The invisible text of a page, computed once per scan page since pages are reused. */
function textLayer(scan: ScanPage): string {
  const cached = textLayers.get(scan);
  if (cached !== undefined) return cached;
  const k = A4_WIDTH / scan.width;
  const ops: string[] = ['BT', '3 Tr'];
  for (const line of scan.lines) {
    const size = (7 * line.scale * k) / 0.718;
    const rasterWidth = [...line.text].length * 6 * line.scale * k;
    const natural = helveticaWidth(line.text) * size;
    const stretch = natural > 0 ? (100 * rasterWidth) / natural : 100;
    const x = line.x * k;
    const y = A4_HEIGHT - (line.y + 7 * line.scale) * k;
    ops.push(
      `/F1 ${size.toFixed(2)} Tf ${stretch.toFixed(1)} Tz 1 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)} Tm ${pdfLiteral(line.text)} Tj`,
    );
  }
  ops.push('ET');
  const layer = ops.join('\n');
  textLayers.set(scan, layer);
  return layer;
}

export function writeScannedPdf(input: PdfInput): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (bytes: Uint8Array) => {
    chunks.push(bytes);
    length += bytes.byteLength;
  };
  const text = (s: string) => push(enc.encode(s));
  const object = (num: number, body: string) => {
    offsets[num] = length;
    text(`${num} 0 obj\n${body}\nendobj\n`);
  };

  // The second line has bytes above 127 so that tools treat the file as binary.
  push(new Uint8Array([...enc.encode('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));
  const n = input.pages.length;
  const pageNum = (i: number) => 5 + 3 * i;
  const kids = Array.from({ length: n }, (_, i) => `${pageNum(i)} 0 R`).join(' ');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`);
  object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const date = `D:${input.createdAt.replace(/[-:T]/g, '').slice(0, 14)}Z`;
  object(4, `<< /Title ${pdfTextString(input.title)} /Producer (E-Akte Scanstelle) /CreationDate (${date}) >>`);

  input.pages.forEach((page, i) => {
    const { scan } = page;
    object(
      pageNum(i),
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4_WIDTH} ${A4_HEIGHT}] ` +
        `/Resources << /XObject << /Im0 ${pageNum(i) + 2} 0 R >> /Font << /F1 3 0 R >> >> /Contents ${pageNum(i) + 1} 0 R >>`,
    );
    const content = enc.encode(
      `q ${A4_WIDTH} 0 0 ${A4_HEIGHT} 0 0 cm /Im0 Do Q\n${textLayer(scan)}\n` +
        `BT 0 Tr 0.35 g /F1 6.5 Tf 100 Tz 1 0 0 1 24 14 Tm ${pdfLiteral(page.label)} Tj ET\n`,
    );
    offsets[pageNum(i) + 1] = length;
    text(`${pageNum(i) + 1} 0 obj\n<< /Length ${content.byteLength} >>\nstream\n`);
    push(content);
    text('\nendstream\nendobj\n');
    offsets[pageNum(i) + 2] = length;
    text(
      `${pageNum(i) + 2} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${scan.width} /Height ${scan.height} ` +
        `/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${scan.jpeg.byteLength} >>\nstream\n`,
    );
    push(scan.jpeg);
    text('\nendstream\nendobj\n');
  });

  const size = 5 + 3 * n;
  const xrefAt = length;
  const rows = ['xref', `0 ${size}`, '0000000000 65535 f '];
  for (let num = 1; num < size; num++) rows.push(`${String(offsets[num] ?? 0).padStart(10, '0')} 00000 n `);
  text(`${rows.join('\n')}\ntrailer\n<< /Size ${size} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return chunks;
}
