/**
 * The page geometry of a letter: DIN 5008 form B on A4, in millimetres from the top left corner
 * of the sheet, as KOMA-Script's `DIN5008B.lco` sets it (`toaddrvpos`, `toaddrhpos`,
 * `toaddrwidth`, `toaddrheight`, `backaddrheight`, `locvpos`, `locwidth`, fold marks). The
 * print-and-mail provider folds the sheet into a window envelope, so the address field is where
 * the window is, to the tenth of a millimetre; the checks and the renderer read these numbers.
 */
export const PT_PER_MM = 72 / 25.4;
export const mm = (value: number): number => value * PT_PER_MM;

export const PAGE = { widthMm: 210, heightMm: 297 } as const;

/** The window: 85 × 45 mm, 20 mm from the left and 45 mm from the top edge. */
export const ADDRESS_FIELD = {
  leftMm: 20,
  topMm: 45,
  widthMm: 85,
  heightMm: 45,
  /** The text inside keeps 5 mm from the window's left and right edges (`toaddrindent`). */
  indentMm: 5,
} as const;

/** Upper part of the field: return address and endorsements (Zusatz- und Vermerkzone). */
export const RETURN_ZONE = {
  topMm: ADDRESS_FIELD.topMm,
  heightMm: 17.7,
  maxLines: 5,
  fontSize: 7,
  leading: 8.5,
} as const;

/** Lower part of the field: the recipient (Anschriftzone). */
export const ADDRESS_ZONE = {
  topMm: ADDRESS_FIELD.topMm + RETURN_ZONE.heightMm,
  heightMm: 27.3,
  maxLines: 6,
  fontSize: 10,
  leading: 12.5,
  /** Usable line length: the field less its indent on both sides. */
  lineWidthMm: ADDRESS_FIELD.widthMm - 2 * ADDRESS_FIELD.indentMm,
} as const;

/** Information block to the right of the address field (`locvpos`, `locwidth`). */
export const INFO_BLOCK = {
  leftMm: 125,
  topMm: 50,
  widthMm: 75,
  labelWidthMm: 24,
  labelSize: 8,
  valueSize: 9,
  leading: 11.5,
} as const;

/** Marks on the left edge: fold at 105 and 210 mm (form B), punch at the middle, 148.5 mm. */
export const MARKS = {
  foldMm: [105, 210],
  punchMm: 148.5,
  fromMm: 3.5,
  foldLengthMm: 5,
  punchLengthMm: 8,
  thickness: 0.5,
} as const;

/** The text column: 25 mm from the left, at least 20 mm from the right edge. */
export const TEXT = {
  leftMm: 25,
  rightMm: 190,
  fontSize: 11,
  leading: 14,
  /** Space between paragraphs, one empty line. */
  paragraphGap: 14,
  bulletIndentMm: 5,
} as const;

export const LETTERHEAD = { topBaselineMm: 18, nameSize: 16, lineSize: 9, lineLeading: 11 } as const;

/** Reference line (BG number and date) under the address field, the subject two lines later. */
export const REFERENCE_LINE = { baselineMm: 99, fontSize: 9 } as const;
export const SUBJECT = { baselineMm: 107, fontSize: 11 } as const;
/** Page 1's text starts two empty lines under the subject. */
export const FIRST_PAGE_TEXT_TOP_MM = 117;

/** Following pages: the reference line and "Seite x von y" as running head, text under it. */
export const FOLLOWING_PAGE = { headBaselineMm: 15, headSize: 9, textTopMm: 27 } as const;

/** Text stays above the footer on every page; the footer carries the office's details. */
export const TEXT_BOTTOM_MM = 270;
export const FOOTER = { topBaselineMm: 280, fontSize: 7, leading: 8.5 } as const;
