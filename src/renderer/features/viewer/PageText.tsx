/**
 * The page's text (the OCR layer of a scan) laid over the picture, invisible but selectable: a
 * case worker can copy a reference number or an IBAN from the scan, and a screen reader can read
 * the page. Built from the same text runs as find, so a selection covers what find marks. It is
 * built only for pages in view, once paging has paused on them, when the window is idle, so that
 * it never slows down a page turn.
 */
import { memo, useEffect, useState } from 'react';
import type { TextRun, ViewDocument } from '../../pdf/index.ts';
import { totalRotation, type PageSize } from './page-geometry.ts';
import { readPageText } from './page-text.ts';

/** Quiet time on a page before its text is laid out. */
const TEXT_DELAY_MS = 250;
/** TextRun.height is the font size plus room for descenders (see PdfDocument.text). */
const LINE_TO_FONT = 1 / 1.1;
const FONT = 'sans-serif';

let measuring: CanvasRenderingContext2D | null = null;
/** Width of `text` in FONT at 100 px, to stretch each run to the width the file gives it. */
function naturalWidth(text: string): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return 0;
  measuring.font = `100px ${FONT}`;
  return measuring.measureText(text).width;
}

/** Maps the unrotated page (at scale) onto its slot, as toDisplayPoint does for single points. */
function rotationTransform(size: PageSize, scale: number, viewRotation: number): string | undefined {
  const w = size.width * scale;
  const h = size.height * scale;
  switch (totalRotation(size, viewRotation)) {
    case 0:
      return undefined;
    case 90:
      return `translate(${h}px, 0) rotate(90deg)`;
    case 180:
      return `translate(${w}px, ${h}px) rotate(180deg)`;
    case 270:
      return `translate(0, ${w}px) rotate(270deg)`;
  }
}

function Run({ run, scale }: { run: TextRun; scale: number }) {
  const fontSize = run.height * LINE_TO_FONT * scale;
  const natural = (naturalWidth(run.text) * fontSize) / 100;
  const stretch = natural > 0 ? (run.width * scale) / natural : 1;
  return (
    <span
      style={{
        left: run.x * scale,
        top: run.y * scale,
        fontSize,
        transform: Number.isFinite(stretch) && stretch > 0 ? `scaleX(${stretch})` : undefined,
      }}
    >
      {run.text}
    </span>
  );
}

type Props = {
  doc: ViewDocument;
  pageNumber: number;
  size: PageSize;
  scale: number;
  rotation: number;
  /** The page is in view and the first page shown is through. */
  active: boolean;
};

export const PageText = memo(function PageText({ doc, pageNumber, size, scale, rotation, active }: Props) {
  const [runs, setRuns] = useState<readonly TextRun[] | null>(null);
  useEffect(() => {
    if (!active || runs) return;
    let live = true;
    let idle = 0;
    // Laid out when the window has nothing else to do, not in the middle of a page turn.
    const timer = setTimeout(
      () =>
        void readPageText(doc, pageNumber).then((read) => {
          if (live) idle = requestIdleCallback(() => live && setRuns(read), { timeout: 1000 });
        }),
      TEXT_DELAY_MS,
    );
    return () => {
      live = false;
      clearTimeout(timer);
      cancelIdleCallback(idle);
    };
  }, [active, runs, doc, pageNumber]);

  if (!runs?.length) return null;
  return (
    <div
      className="page-text"
      style={{
        width: size.width * scale,
        height: size.height * scale,
        transform: rotationTransform(size, scale, rotation),
        fontFamily: FONT,
      }}
    >
      {runs.map((run, i) => (
        <Run key={i} run={run} scale={scale} />
      ))}
    </div>
  );
});
