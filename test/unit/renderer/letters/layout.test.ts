/**
 * Line breaking and page breaking: no line runs past the column, legal references are not torn
 * apart, short paragraphs (the closing) stay whole, long ones leave two lines on each page, a
 * heading goes with its text. Dates print the German way.
 */
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateLong, isIsoDate, isTime } from '../../../../src/renderer/letters/dates.ts';
import {
  FIRST_PAGE_TEXT_TOP_MM,
  FOLLOWING_PAGE,
  PT_PER_MM,
  TEXT,
  TEXT_BOTTOM_MM,
} from '../../../../src/renderer/letters/din5008.ts';
import type { TextLine } from '../../../../src/renderer/letters/filled-letter.ts';
import { createFontMetrics } from '../../../../src/renderer/letters/font-metrics.ts';
import { paginate, type LaidParagraph } from '../../../../src/renderer/letters/paginate.ts';
import { BULLET, layoutLine, type LaidLine } from '../../../../src/renderer/letters/text-layout.ts';
import { fonts } from './support.ts';

const metrics = createFontMetrics(fonts);
const WIDTH = 200;
const options = { widthPt: WIDTH, size: 11, bulletIndentPt: 14 };
const plain = (text: string): TextLine => ({ style: 'plain', runs: [{ text, bold: false }] });
const textOf = (line: LaidLine) => line.runs.map((r) => r.text).join('');
const rightEdge = (line: LaidLine) => {
  const last = line.runs.at(-1)!;
  return last.x + metrics.widthPt(last.text, 11, last.face);
};

describe('line breaking', () => {
  it('keeps every line inside the column and loses no word', () => {
    const text =
      'Die Lohnabrechnungen, die Ihr Arbeitgeber auf unsere Anfrage übersandt hat, weisen ein monatliches Bruttoeinkommen aus.';
    const lines = layoutLine(plain(text), metrics, options);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(rightEdge(line)).toBeLessThanOrEqual(WIDTH + 1e-9);
    expect(lines.map(textOf).join(' ')).toBe(text);
  });

  it('does not break "§ 22", "Abs. 1", "SGB II", "10:30 Uhr" or "812,50 Euro"', () => {
    for (const glued of ['§ 22', 'Abs. 1', 'SGB II', '10:30 Uhr', '812,50 Euro']) {
      for (let pad = 0; pad < 40; pad++) {
        const lines = layoutLine(plain(`${'x'.repeat(pad)} ${'Wort '.repeat(5)}${glued} weiter`), metrics, options);
        expect(
          lines.some((l) => textOf(l).includes(glued)),
          `${glued} / ${pad}`,
        ).toBe(true);
      }
    }
  });

  it('cuts a word longer than the column where it must', () => {
    const url = `https://www.jobcenter-musterstadt.example/${'formulare/'.repeat(8)}antrag.pdf`;
    const lines = layoutLine(plain(url), metrics, options);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(rightEdge(line)).toBeLessThanOrEqual(WIDTH + 1e-9);
    expect(lines.map(textOf).join('')).toBe(url);
  });

  it('sets bold runs in the bold face and hangs list items under their text', () => {
    const bold = layoutLine(
      {
        style: 'plain',
        runs: [
          { text: 'bis ', bold: false },
          { text: 'Montag', bold: true },
        ],
      },
      metrics,
      options,
    );
    expect(bold[0]!.runs.map((r) => [r.text, r.face])).toEqual([
      ['bis ', 'regular'],
      ['Montag', 'bold'],
    ]);
    const item = layoutLine(
      { style: 'bullet', runs: [{ text: 'Kontoauszüge '.repeat(6).trim(), bold: false }] },
      metrics,
      options,
    );
    expect(item[0]!.runs[0]).toEqual({ text: BULLET, face: 'regular', x: 0 });
    expect(item[0]!.runs[1]!.x).toBe(14);
    expect(item[1]!.runs[0]!.x).toBe(14);
  });
});

describe('page breaking', () => {
  const line: LaidLine = { runs: [{ text: 'x', face: 'regular', x: 0 }] };
  const para = (n: number, extra: Partial<LaidParagraph> = {}): LaidParagraph => ({
    lines: Array.from({ length: n }, () => line),
    keepWithNext: false,
    headingLines: 0,
    ...extra,
  });
  const leading = TEXT.leading / PT_PER_MM;
  const firstPageLines = Math.floor((TEXT_BOTTOM_MM - FIRST_PAGE_TEXT_TOP_MM) / leading) + 1;
  const counts = (paragraphs: LaidParagraph[]) => paginate(paragraphs).map((p) => p.lines.length);

  it('fills page 1 from under the subject and page 2 from under its head, above the footer', () => {
    const pages = paginate([para(firstPageLines + 5)]);
    expect(pages.map((p) => p.lines.length)).toEqual([firstPageLines, 5]);
    expect(pages[0]!.lines[0]!.baselineMm).toBe(FIRST_PAGE_TEXT_TOP_MM);
    expect(pages[1]!.lines[0]!.baselineMm).toBe(FOLLOWING_PAGE.textTopMm);
    for (const page of pages)
      for (const placed of page.lines) expect(placed.baselineMm).toBeLessThanOrEqual(TEXT_BOTTOM_MM);
  });

  it('moves a short paragraph (the closing) whole to the next page', () => {
    // With the empty line before it, the 3-line closing has one line too few on page 1.
    const filler = firstPageLines - 3;
    expect(counts([para(filler), para(3)])).toEqual([filler, 3]);
  });

  it('leaves at least two lines of a long paragraph on each page', () => {
    expect(counts([para(firstPageLines - 1), para(10)])).toEqual([firstPageLines - 1, 10]);
    // Nine lines left on page 1 for ten: eight stay, two go, not nine and one.
    expect(counts([para(firstPageLines - 10), para(10)])).toEqual([firstPageLines - 2, 2]);
  });

  it('keeps a heading with the text after it', () => {
    // Room for the heading and one line of its text only: both go to page 2.
    const filler = firstPageLines - 3;
    expect(counts([para(filler), para(1, { keepWithNext: true }), para(6)])).toEqual([filler, 7]);
    expect(counts([para(filler), para(7, { headingLines: 1 })])).toEqual([filler, 7]);
  });
});

describe('dates', () => {
  it('print as a German letter writes them', () => {
    expect(formatDate('2025-05-12')).toBe('12.05.2025');
    expect(formatDateLong('2025-05-26')).toBe('Montag, 26. Mai 2025');
    expect(formatDateLong('2024-02-29')).toBe('Donnerstag, 29. Februar 2024');
    expect(formatDateLong('2025-03-01')).toBe('Samstag, 1. März 2025');
  });

  it('are checked for being real dates and times', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('12.05.2025')).toBe(false);
    expect(isTime('10:30')).toBe(true);
    expect(isTime('24:00')).toBe(false);
    expect(isTime('9:30')).toBe(false);
  });
});
