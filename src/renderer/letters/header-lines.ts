/**
 * The `key: value` lines shared by a template's front matter and the office file. Each key is
 * declared as single or repeatable; every refusal carries the file and the line.
 */
import { LetterTemplateError } from './template-error.ts';

export type HeaderEntry = { readonly value: string; readonly line: number };
export type HeaderSpec = Readonly<Record<string, 'single' | 'repeatable'>>;
export type HeaderValues = ReadonlyMap<string, readonly HeaderEntry[]>;

const LINE = /^([A-Za-zÄÖÜäöüß_-]+)\s*:(.*)$/;

/**
 * Reads `lines` (the text between the markers, or a whole file); `firstLine` is the 1-based line
 * number of `lines[0]`. Blank lines and lines starting with `#` are comments.
 */
export function parseHeaderLines(
  file: string,
  lines: readonly string[],
  firstLine: number,
  spec: HeaderSpec,
): HeaderValues {
  const values = new Map<string, HeaderEntry[]>();
  lines.forEach((raw, index) => {
    const line = firstLine + index;
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const match = LINE.exec(text);
    if (!match) throw new LetterTemplateError('header-line-malformed', file, line);
    const key = match[1]!.toLowerCase();
    const value = match[2]!.trim();
    const kind = spec[key];
    if (kind === undefined) throw new LetterTemplateError('header-key-unknown', file, line, { key });
    if (value === '') throw new LetterTemplateError('header-value-empty', file, line, { key });
    const entries = values.get(key) ?? [];
    if (kind === 'single' && entries.length > 0) {
      throw new LetterTemplateError('header-key-duplicate', file, line, { key, firstLine: entries[0]!.line });
    }
    entries.push({ value, line });
    values.set(key, entries);
  });
  return values;
}

/** The one value of a required single key; missing keys are reported at `lineIfMissing`. */
export function requireValue(values: HeaderValues, key: string, file: string, lineIfMissing: number): HeaderEntry {
  const entry = values.get(key)?.[0];
  if (!entry) throw new LetterTemplateError('header-key-missing', file, lineIfMissing, { key });
  return entry;
}

export function optionalValue(values: HeaderValues, key: string): string | undefined {
  return values.get(key)?.[0]?.value;
}

/** Splits a file into lines, accepting the line ends an editor on any system writes. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}
