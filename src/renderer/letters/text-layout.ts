/**
 * Breaks the letter's lines into lines that fit the text column, ragged right as DIN 5008
 * prefers. Words break only at spaces; a word longer than the column (a long URL) is cut where
 * it must. Positions are in points from the column's left edge.
 */
import type { Run, TextLine } from './filled-letter.ts';
import type { FontFace, FontMetrics } from './font-metrics.ts';

export type PlacedRun = { readonly text: string; readonly face: FontFace; readonly x: number };
export type LaidLine = { readonly runs: readonly PlacedRun[] };

type Piece = { readonly text: string; readonly face: FontFace };
type Word = readonly Piece[];

export type LayoutOptions = {
  readonly widthPt: number;
  readonly size: number;
  readonly bulletIndentPt: number;
};

export const BULLET = '•';

export function layoutLine(line: TextLine, metrics: FontMetrics, options: LayoutOptions): LaidLine[] {
  const { size } = options;
  const runs: readonly Run[] = line.style === 'heading' ? line.runs.map((r) => ({ ...r, bold: true })) : line.runs;
  const indent = line.style === 'bullet' ? options.bulletIndentPt : 0;
  const available = options.widthPt - indent;
  const width = (p: Piece) => metrics.widthPt(p.text, size, p.face);
  const wordWidth = (w: Word) => w.reduce((n, p) => n + width(p), 0);

  const lines: Piece[][] = [];
  let current: Piece[] = [];
  let x = 0;
  const newLine = () => {
    lines.push(current);
    current = [];
    x = 0;
  };
  for (const word of words(runs)) {
    let w = wordWidth(word);
    if (current.length > 0) {
      // The space belongs to the text before it, so a bold word starts exactly at its first letter.
      const space: Piece = { text: ' ', face: current.at(-1)!.face };
      if (x + width(space) + w <= available) {
        current.push(space, ...word);
        x += width(space) + w;
        continue;
      }
      newLine();
    }
    let rest: Word = word;
    while (w > available) {
      const [head, tail] = cutToWidth(rest, available, width);
      current.push(...head);
      newLine();
      rest = tail;
      w = wordWidth(rest);
    }
    current.push(...rest);
    x = w;
  }
  if (current.length > 0 || lines.length === 0) lines.push(current);

  return lines.map((pieces, index) => {
    const placed: PlacedRun[] = [];
    if (line.style === 'bullet' && index === 0) placed.push({ text: BULLET, face: 'regular', x: 0 });
    let at = indent;
    for (const piece of pieces) {
      const last = placed.at(-1);
      if (last && last.face === piece.face && last.text !== BULLET) {
        placed[placed.length - 1] = { ...last, text: last.text + piece.text };
      } else {
        placed.push({ text: piece.text, face: piece.face, x: at });
      }
      at += width(piece);
    }
    return { runs: placed };
  });
}

/**
 * German typesetting keeps "§ 22", "Abs. 1", "SGB II", "10:30 Uhr" and "812,50 Euro" on one line:
 * the space after such a word, or before such a unit, does not break.
 */
const GLUE_AFTER = /^\(?(§§?|Abs\.|Nr\.|Satz|Art\.|SGB)$/;
const GLUE_BEFORE = /^(Uhr|Euro|Prozent|%|€)[.,;:)]*$/;
const textOf = (word: Word): string => word.map((p) => p.text).join('');

/** Words across runs: "**Frist**:" is one word in two faces. Runs of spaces collapse to one. */
function words(runs: readonly Run[]): Word[] {
  const out: Word[] = [];
  for (const word of looseWords(runs)) {
    const previous = out.at(-1);
    if (previous && (GLUE_AFTER.test(textOf(previous)) || GLUE_BEFORE.test(textOf(word)))) {
      out[out.length - 1] = [...previous, { text: ' ', face: previous.at(-1)!.face }, ...word];
    } else {
      out.push(word);
    }
  }
  return out;
}

function looseWords(runs: readonly Run[]): Word[] {
  const out: Piece[][] = [];
  let word: Piece[] = [];
  for (const run of runs) {
    const face: FontFace = run.bold ? 'bold' : 'regular';
    const parts = run.text.split(/( +)/);
    for (const part of parts) {
      if (part === '') continue;
      if (part.startsWith(' ')) {
        if (word.length > 0) out.push(word);
        word = [];
      } else {
        // A typed no-break space keeps its words together but prints as a space: the font has
        // one glyph for both, and its text mapping must not depend on which one came first.
        word.push({ text: part.replace(/\u00A0/g, ' '), face });
      }
    }
  }
  if (word.length > 0) out.push(word);
  return out;
}

/** The longest head of `word` that fits `available` (at least one character), and the rest. */
function cutToWidth(word: Word, available: number, width: (p: Piece) => number): [Piece[], Piece[]] {
  const head: Piece[] = [];
  let used = 0;
  for (let i = 0; i < word.length; i++) {
    const piece = word[i]!;
    if (used + width(piece) <= available) {
      head.push(piece);
      used += width(piece);
      continue;
    }
    const chars = [...piece.text];
    let n = 0;
    while (n < chars.length && used + width({ text: chars.slice(0, n + 1).join(''), face: piece.face }) <= available)
      n++;
    if (n === 0 && head.length === 0) n = 1;
    if (n > 0) head.push({ text: chars.slice(0, n).join(''), face: piece.face });
    const tail: Piece[] = [];
    if (n < chars.length) tail.push({ text: chars.slice(n).join(''), face: piece.face });
    return [head, [...tail, ...word.slice(i + 1)]];
  }
  return [head, []];
}
