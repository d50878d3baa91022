/**
 * The checks before a letter is queued: a pure function from the filled letter to its problems.
 * Nothing is queued while the list is not empty. The address checks measure with the real font
 * at the real size, because the print-and-mail provider's envelope window does not stretch.
 */
import { ADDRESS_ZONE, PT_PER_MM } from './din5008.ts';
import type { FillResult } from './fill-template.ts';
import type { FilledLetter } from './filled-letter.ts';
import type { FontFace, FontMetrics } from './font-metrics.ts';
import type { LetterProblem } from './problems.ts';

/** The REST contract's limit for a letter's subject. */
export const MAX_SUBJECT_LENGTH = 300;

export function checkLetter(fill: FillResult, metrics: FontMetrics): LetterProblem[] {
  const { letter } = fill;
  const problems: LetterProblem[] = [];

  if (!fill.hasAddress) problems.push({ code: 'recipient-without-address' });
  const lines = letter.addressLines;
  if (lines.length > ADDRESS_ZONE.maxLines) {
    problems.push({ code: 'address-too-many-lines', lines: lines.length, max: ADDRESS_ZONE.maxLines });
  }
  lines.forEach((text, index) => {
    if (text.trim() === '') {
      problems.push({ code: 'address-blank-line', line: index + 1 });
      return;
    }
    const widthMm = metrics.widthPt(text, ADDRESS_ZONE.fontSize, 'regular') / PT_PER_MM;
    if (widthMm > ADDRESS_ZONE.lineWidthMm) {
      problems.push({
        code: 'address-line-too-long',
        line: index + 1,
        text,
        widthMm: Math.round(widthMm * 10) / 10,
        maxMm: ADDRESS_ZONE.lineWidthMm,
      });
    }
  });

  for (const field of fill.missingFields) problems.push({ code: 'field-missing', field: field.id, label: field.label });
  for (const field of fill.invalidFields) {
    problems.push({ code: 'field-invalid', field: field.id, label: field.label, type: field.type });
  }

  if (letter.subject.trim() === '') problems.push({ code: 'subject-empty' });
  else if (letter.subject.length > MAX_SUBJECT_LENGTH) {
    problems.push({ code: 'subject-too-long', length: letter.subject.length, max: MAX_SUBJECT_LENGTH });
  }

  for (const placeholder of fill.unfilled) problems.push({ code: 'placeholder-unfilled', placeholder });

  const missing = new Set<string>();
  for (const [text, face] of printedText(letter)) {
    for (const ch of metrics.missingCharacters(text, face)) missing.add(ch);
  }
  for (const character of missing) {
    const codePoint = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    problems.push({ code: 'character-unsupported', character, codePoint });
  }
  return problems;
}

/**
 * Every piece of text the PDF prints, with its face. A character the font lacks would print as
 * an empty box, and PDF/A forbids showing that (.notdef) glyph at all.
 */
export function printedText(letter: FilledLetter): [string, FontFace][] {
  const office = letter.office;
  const out: [string, FontFace][] = [
    [letter.subject, 'bold'],
    [office.name, 'bold'],
    [letter.referenceLine, 'regular'],
    [office.returnAddress, 'regular'],
    [office.subtitle ?? '', 'regular'],
    ...office.footerLines.map((l): [string, FontFace] => [l, 'regular']),
    ...letter.endorsements.map((l): [string, FontFace] => [l, 'regular']),
    ...letter.addressLines.map((l): [string, FontFace] => [l, 'regular']),
    ...letter.infoBlock.flatMap((r): [string, FontFace][] => [
      [r.label, 'regular'],
      [r.value, 'regular'],
    ]),
  ];
  for (const paragraph of letter.body) {
    for (const line of paragraph.lines) {
      for (const run of line.runs) out.push([run.text, run.bold || line.style === 'heading' ? 'bold' : 'regular']);
    }
  }
  return out;
}
