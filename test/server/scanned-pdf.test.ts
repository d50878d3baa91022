import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeScannedPdf } from '../../server/demo/scanned-pdf.ts';
import { removeDir } from './helpers.ts';

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

const hasPoppler = existsSync('/usr/bin/pdfinfo') && existsSync('/usr/bin/pdftotext');

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

  it.skipIf(!hasPoppler)(
    'is read by poppler: page count, size and the searchable text layer (skipped without poppler-utils)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'e-akte-pdf-'));
      try {
        const file = join(dir, 'scan.pdf');
        writeFileSync(file, makeScannedPdf({ ...options, pages: 300 }));
        const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        expect(info).toMatch(/Pages:\s+300/);
        expect(info).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);
        expect(info).toContain('Kontoauszüge – Müller');
        const firstPage = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
        expect(firstPage).toContain('Grüße aus Göttingen');
        const stderr = execFileSync('pdftotext', ['-f', '300', '-l', '300', file, '/dev/null'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        expect(stderr).toBe('');
      } finally {
        removeDir(dir);
      }
    },
  );
});
