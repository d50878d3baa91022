/**
 * Lets the body flow from page 1 (under the subject) onto following pages (under their running
 * head). Short paragraphs (the closing, an address block) are never split; a longer one leaves
 * at least two lines on each page; a heading stays with what follows it.
 */
import { FIRST_PAGE_TEXT_TOP_MM, FOLLOWING_PAGE, PT_PER_MM, TEXT, TEXT_BOTTOM_MM } from './din5008.ts';
import type { LaidLine } from './text-layout.ts';

export type LaidParagraph = {
  readonly lines: readonly LaidLine[];
  /** A paragraph that is only a heading goes with the next one. */
  readonly keepWithNext: boolean;
  /** Lines at its start that belong to a heading: they never end a page on their own. */
  readonly headingLines: number;
};
export type PlacedLine = { readonly line: LaidLine; readonly baselineMm: number };
export type PageText = { readonly lines: readonly PlacedLine[] };

const KEEP_WHOLE_UP_TO = 4;
const MIN_LINES_PER_SIDE = 2;

const leadingMm = TEXT.leading / PT_PER_MM;
const gapMm = TEXT.paragraphGap / PT_PER_MM;

/** `firstTopMm`: baseline of page 1's first line, lower when the subject takes two lines. */
export function paginate(paragraphs: readonly LaidParagraph[], firstTopMm = FIRST_PAGE_TEXT_TOP_MM): PageText[] {
  const pages: PlacedLine[][] = [[]];
  let cursor = firstTopMm;
  const page = () => pages[pages.length - 1]!;
  const linesLeft = () => Math.floor((TEXT_BOTTOM_MM - cursor) / leadingMm + 1e-6) + 1;
  const newPage = () => {
    pages.push([]);
    cursor = FOLLOWING_PAGE.textTopMm;
  };
  const place = (lines: readonly LaidLine[]) => {
    for (const line of lines) {
      page().push({ line, baselineMm: cursor });
      cursor += leadingMm;
    }
  };
  /** Lines of a paragraph that must come with the first line for it to start here. */
  const minimumStart = (p: LaidParagraph | undefined): number =>
    !p ? 0 : p.lines.length <= KEEP_WHOLE_UP_TO ? p.lines.length : MIN_LINES_PER_SIDE;

  paragraphs.forEach((paragraph, index) => {
    if (page().length > 0) cursor += gapMm;
    const n = paragraph.lines.length;
    const next = paragraph.keepWithNext ? paragraphs[index + 1] : undefined;
    const needed = n + (next ? minimumStart(next) + gapMm / leadingMm : 0);
    if (needed <= linesLeft()) {
      place(paragraph.lines);
      return;
    }
    if (n <= KEEP_WHOLE_UP_TO || next) {
      if (page().length > 0) newPage();
      place(paragraph.lines);
      return;
    }
    let first = linesLeft();
    if (n - first < MIN_LINES_PER_SIDE) first = n - MIN_LINES_PER_SIDE;
    if (first < MIN_LINES_PER_SIDE + paragraph.headingLines) {
      if (page().length > 0) newPage();
      first = 0;
    }
    place(paragraph.lines.slice(0, first));
    let rest = paragraph.lines.slice(first);
    while (rest.length > 0) {
      if (first > 0 || page().length > 0) newPage();
      let take = Math.min(rest.length, linesLeft());
      if (rest.length - take > 0 && rest.length - take < MIN_LINES_PER_SIDE) take = rest.length - MIN_LINES_PER_SIDE;
      place(rest.slice(0, take));
      rest = rest.slice(take);
      first = take;
    }
  });
  return pages.map((lines) => ({ lines }));
}
