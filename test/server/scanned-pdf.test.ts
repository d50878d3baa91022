import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { makeScannedPdf } from '../../server/demo/scanned-pdf.ts';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** Checks the cross-reference table the way a strict reader would: every offset starts its object. */
function checkXref(bytes: Uint8Array): number {
  const text = latin1(bytes);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref)) ?? [];
  expect(Number(first)).toBe(0);
  const rows = text
    .slice(startxref)
    .split('\n')
    .slice(2, 2 + Number(count));
  rows.forEach((row, num) => {
    expect(row).toMatch(/^\d{10} \d{5} [nf] $/);
    if (num === 0) return;
    const offset = Number(row.slice(0, 10));
    expect(text.slice(offset, offset + `${num} 0 obj`.length)).toBe(`${num} 0 obj`);
  });
  return Number(count);
}

describe('scanned PDF generator', () => {
  const options = {
    seed: 11,
    pages: 5,
    title: 'Kontoauszüge – Müller',
    lines: ['Jobcenter · Posteingang', 'Grüße aus Göttingen'],
    pageWidthPx: 240,
    poolSize: 3,
  };

  it('writes a PDF with a correct cross-reference table, one image and one text layer per page', () => {
    const pdf = makeScannedPdf(options);
    expect(latin1(pdf.subarray(0, 8))).toBe('%PDF-1.7');
    expect(checkXref(pdf)).toBe(5 + 3 * 5);
    const text = latin1(pdf);
    expect(text.match(/\/Subtype \/Image/g)).toHaveLength(5);
    expect(text.match(/\/Filter \/DCTDecode/g)).toHaveLength(5);
    expect(text.match(/3 Tr/g)).toHaveLength(5);
    expect(text).toContain('/Encoding /WinAnsiEncoding');
    // "Grüße" in WinAnsi: ü = \374, ß = \337.
    expect(text).toContain('(Gr\\374\\337e aus G\\366ttingen)');
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(makeScannedPdf(options)).toEqual(makeScannedPdf(options));
    expect(makeScannedPdf({ ...options, seed: 12 })).not.toEqual(makeScannedPdf(options));
  });

  it('is read by pdf.js in Node: page count, size, title and the searchable text layer, without a warning', async () => {
    const warnings: unknown[][] = [];
    const spy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args));
    const task = getDocument({
      data: makeScannedPdf({ ...options, pages: 300 }),
      verbosity: VerbosityLevel.WARNINGS,
      // The text layer uses a standard font; pdf.js reads its metrics from the package in Node.
      standardFontDataUrl: fileURLToPath(new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url)),
    });
    const document = await task.promise;
    try {
      expect(document.numPages).toBe(300);
      const first = await document.getPage(1);
      const { width, height } = first.getViewport({ scale: 1 });
      expect([width.toFixed(2), height.toFixed(2)]).toEqual(['595.28', '841.89']);
      const { info } = (await document.getMetadata()) as { info: { Title?: string } };
      expect(info.Title).toBe('Kontoauszüge – Müller');
      const text = (await first.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
      expect(text).toContain('Grüße aus Göttingen');
      const last = await document.getPage(300);
      expect((await last.getTextContent()).items.length).toBeGreaterThan(0);
      await last.getOperatorList();
      expect(warnings).toEqual([]);
    } finally {
      spy.mockRestore();
      await task.destroy();
    }
  });
});
