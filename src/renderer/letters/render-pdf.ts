/**
 * Renders a filled letter to PDF/A-2b bytes on DIN 5008 form B, in the client, so the preview
 * and the letter sent to the print-and-mail provider are the same bytes. Fonts and the ICC
 * profile are passed in (the renderer loads them as assets, Node tests from disk); nothing here
 * touches the DOM or Node.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import {
  ADDRESS_FIELD,
  ADDRESS_ZONE,
  FIRST_PAGE_TEXT_TOP_MM,
  FOLLOWING_PAGE,
  FOOTER,
  INFO_BLOCK,
  LETTERHEAD,
  MARKS,
  PAGE,
  PT_PER_MM,
  REFERENCE_LINE,
  RETURN_ZONE,
  SUBJECT,
  TEXT,
  mm,
} from './din5008.ts';
import type { FilledLetter } from './filled-letter.ts';
import { letterFontkit } from './fontkit-adapter.ts';
import { createFontMetrics, type FontFace, type FontMetrics, type LetterFonts } from './font-metrics.ts';
import { pageOf } from './letter-wording.ts';
import { paginate, type LaidParagraph } from './paginate.ts';
import { applyPdfa, sha256, subsetTag } from './pdfa.ts';
import { LetterRenderError } from './render-error.ts';
import { layoutLine, type LaidLine } from './text-layout.ts';
import { printedText } from './check-letter.ts';

export type RenderLetterInput = {
  readonly letter: FilledLetter;
  readonly fonts: LetterFonts;
  readonly iccProfile: Uint8Array;
  /** Written into the PDF as its creation date; pass the same value for preview and sending. */
  readonly createdAt: Date;
  /** Metrics made from the same `fonts`, to skip parsing them again. */
  readonly metrics?: FontMetrics;
};

const BLACK = rgb(0, 0, 0);
const pageHeight = mm(PAGE.heightMm);
/** PDF's y axis points up from the bottom; the layout measures down from the top. */
const yOf = (topMm: number): number => pageHeight - mm(topMm);
const columnWidthPt = mm(TEXT.rightMm - TEXT.leftMm);

type Faces = Readonly<Record<FontFace, PDFFont>>;

export type RenderedLetter = {
  readonly pdf: Uint8Array;
  /**
   * Per page, everything drawn on it — each text with its place, size and face, each mark — as
   * one string. Two pages with equal keys, from the same fonts, look the same: the preview draws
   * again only the pages whose key changed. (Not the pages' PDF content: glyph numbers in a
   * subset follow the order of first use, so an unchanged later page can be encoded differently.)
   */
  readonly pageKeys: readonly string[];
};

export async function renderLetterPdf(input: RenderLetterInput): Promise<Uint8Array> {
  return (await renderLetter(input)).pdf;
}

export async function renderLetter(input: RenderLetterInput): Promise<RenderedLetter> {
  const { letter, fonts } = input;
  const metrics = input.metrics ?? createFontMetrics(fonts);
  for (const [text, face] of printedText(letter)) {
    const missing = metrics.missingCharacters(text, face);
    if (missing.length > 0) throw new LetterRenderError('character-unsupported', { character: missing[0]! });
  }

  const digest = await sha256(JSON.stringify({ letter, createdAt: input.createdAt.toISOString() }));
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(letterFontkit);
  const faces: Faces = {
    regular: await doc.embedFont(fonts.regular, { subset: true, customName: `${subsetTag(digest, 1)}+LiberationSans` }),
    bold: await doc.embedFont(fonts.bold, { subset: true, customName: `${subsetTag(digest, 2)}+LiberationSans-Bold` }),
  };

  const subjectLines = layoutLine({ style: 'heading', runs: [{ text: letter.subject, bold: true }] }, metrics, {
    widthPt: columnWidthPt,
    size: SUBJECT.fontSize,
    bulletIndentPt: 0,
  });
  const firstTopMm = FIRST_PAGE_TEXT_TOP_MM + ((subjectLines.length - 1) * TEXT.leading) / PT_PER_MM;
  const options = { widthPt: columnWidthPt, size: TEXT.fontSize, bulletIndentPt: mm(TEXT.bulletIndentMm) };
  const paragraphs: LaidParagraph[] = letter.body.map((p) => {
    const laid = p.lines.map((line) => layoutLine(line, metrics, options));
    const headings = p.lines.findIndex((l) => l.style !== 'heading');
    return {
      lines: laid.flat(),
      keepWithNext: headings < 0,
      headingLines: laid.slice(0, headings < 0 ? laid.length : headings).flat().length,
    };
  });
  const pages = paginate(paragraphs, firstTopMm);

  const pageKeys = pages.map((text, index) => {
    const sheet: Sheet = { page: doc.addPage([mm(PAGE.widthMm), pageHeight]), faces, drawn: [] };
    drawMarks(sheet);
    if (index === 0) drawFirstPage(sheet, letter, subjectLines, metrics);
    else drawRunningHead(sheet, letter, index + 1, pages.length, metrics);
    for (const placed of text.lines)
      drawLaidLine(sheet, placed.line, mm(TEXT.leftMm), yOf(placed.baselineMm), TEXT.fontSize);
    drawFooter(sheet, letter);
    return JSON.stringify(sheet.drawn);
  });

  applyPdfa(doc, {
    title: letter.subject,
    author: letter.author,
    createdAt: input.createdAt,
    documentId: digest.slice(0, 16),
    iccProfile: input.iccProfile,
  });
  // Classic cross-reference table: every page object stays visible to the service's page count.
  const pdf = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  return { pdf, pageKeys };
}

/** A page being drawn, and what has been drawn on it so far (its key, see RenderedLetter). */
type Sheet = { readonly page: PDFPage; readonly faces: Faces; readonly drawn: (string | number)[][] };

function drawText(sheet: Sheet, text: string, xPt: number, yPt: number, size: number, face: FontFace): void {
  if (text === '') return;
  sheet.page.drawText(text, { x: xPt, y: yPt, size, font: sheet.faces[face], color: BLACK });
  sheet.drawn.push(['text', text, xPt, yPt, size, face]);
}

function drawLaidLine(sheet: Sheet, line: LaidLine, xPt: number, yPt: number, size: number): void {
  for (const run of line.runs) drawText(sheet, run.text, xPt + run.x, yPt, size, run.face);
}

/** Fold marks at 105 and 210 mm and the punch mark at 148.5 mm, as vector lines on the left edge. */
function drawMarks(sheet: Sheet): void {
  const line = (atMm: number, lengthMm: number) => {
    sheet.page.drawLine({
      start: { x: mm(MARKS.fromMm), y: yOf(atMm) },
      end: { x: mm(MARKS.fromMm + lengthMm), y: yOf(atMm) },
      thickness: MARKS.thickness,
      color: BLACK,
    });
    sheet.drawn.push(['line', atMm, lengthMm, MARKS.thickness]);
  };
  for (const at of MARKS.foldMm) line(at, MARKS.foldLengthMm);
  line(MARKS.punchMm, MARKS.punchLengthMm);
}

function drawFirstPage(sheet: Sheet, letter: FilledLetter, subject: LaidLine[], metrics: FontMetrics): void {
  const office = letter.office;
  const left = mm(TEXT.leftMm);
  drawText(sheet, office.name, left, yOf(LETTERHEAD.topBaselineMm), LETTERHEAD.nameSize, 'bold');
  const headLines = [office.subtitle, `${office.street} · ${office.postalCode} ${office.city}`].filter(
    (l): l is string => l !== undefined && l !== '',
  );
  headLines.forEach((text, i) => {
    const baseline = yOf(LETTERHEAD.topBaselineMm + 6) - i * LETTERHEAD.lineLeading;
    drawText(sheet, text, left, baseline, LETTERHEAD.lineSize, 'regular');
  });

  // Return address in the top slot of the 17.7 mm zone, endorsements filling it from the bottom.
  const fieldLeft = mm(ADDRESS_FIELD.leftMm + ADDRESS_FIELD.indentMm);
  const fieldWidth = mm(ADDRESS_ZONE.lineWidthMm);
  const slotBaseline = (slot: number) => yOf(RETURN_ZONE.topMm + 3) - slot * RETURN_ZONE.leading;
  const returnWidth = metrics.widthPt(office.returnAddress, RETURN_ZONE.fontSize, 'regular');
  const returnSize = Math.max(5, Math.min(RETURN_ZONE.fontSize, (RETURN_ZONE.fontSize * fieldWidth) / returnWidth));
  drawText(sheet, office.returnAddress, fieldLeft, slotBaseline(0), returnSize, 'regular');
  letter.endorsements.forEach((text, i) => {
    const slot = RETURN_ZONE.maxLines - letter.endorsements.length + i;
    drawText(sheet, text, fieldLeft, slotBaseline(slot), RETURN_ZONE.fontSize, 'regular');
  });

  letter.addressLines.slice(0, ADDRESS_ZONE.maxLines).forEach((text, i) => {
    const baseline = yOf(ADDRESS_ZONE.topMm + 3.5) - i * ADDRESS_ZONE.leading;
    drawText(sheet, text, fieldLeft, baseline, ADDRESS_ZONE.fontSize, 'regular');
  });

  const valueLeft = mm(INFO_BLOCK.leftMm + INFO_BLOCK.labelWidthMm);
  const valueWidth = mm(INFO_BLOCK.widthMm - INFO_BLOCK.labelWidthMm);
  let infoBaseline = yOf(INFO_BLOCK.topMm + 3);
  for (const row of letter.infoBlock) {
    drawText(sheet, `${row.label}:`, mm(INFO_BLOCK.leftMm), infoBaseline, INFO_BLOCK.labelSize, 'regular');
    // A long e-mail address is set a little smaller before it is broken.
    const fullWidth = metrics.widthPt(row.value, INFO_BLOCK.valueSize, 'regular');
    const size =
      fullWidth > valueWidth ? Math.max(7, (INFO_BLOCK.valueSize * valueWidth) / fullWidth) : INFO_BLOCK.valueSize;
    const lines = layoutLine({ style: 'plain', runs: [{ text: row.value, bold: false }] }, metrics, {
      widthPt: valueWidth,
      size,
      bulletIndentPt: 0,
    });
    for (const line of lines) {
      drawLaidLine(sheet, line, valueLeft, infoBaseline, size);
      infoBaseline -= INFO_BLOCK.leading;
    }
  }

  drawText(
    sheet,
    letter.referenceLine,
    mm(TEXT.leftMm),
    yOf(REFERENCE_LINE.baselineMm),
    REFERENCE_LINE.fontSize,
    'regular',
  );
  subject.forEach((line, i) => {
    drawLaidLine(sheet, line, mm(TEXT.leftMm), yOf(SUBJECT.baselineMm) - i * TEXT.leading, SUBJECT.fontSize);
  });
}

/** Following pages: the reference line left, "Seite x von y" right, so a loose sheet is placed. */
function drawRunningHead(
  sheet: Sheet,
  letter: FilledLetter,
  number: number,
  count: number,
  metrics: FontMetrics,
): void {
  const baseline = yOf(FOLLOWING_PAGE.headBaselineMm);
  drawText(sheet, letter.referenceLine, mm(TEXT.leftMm), baseline, FOLLOWING_PAGE.headSize, 'regular');
  const label = pageOf(number, count);
  const width = metrics.widthPt(label, FOLLOWING_PAGE.headSize, 'regular');
  drawText(sheet, label, mm(TEXT.rightMm) - width, baseline, FOLLOWING_PAGE.headSize, 'regular');
}

function drawFooter(sheet: Sheet, letter: FilledLetter): void {
  letter.office.footerLines.forEach((text, i) => {
    drawText(sheet, text, mm(TEXT.leftMm), yOf(FOOTER.topBaselineMm) - i * FOOTER.leading, FOOTER.fontSize, 'regular');
  });
}
