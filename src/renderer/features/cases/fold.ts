/**
 * Folding of search terms the German way, one function at index and at query time: case and
 * accents do not matter, and an umlaut matches both its plain letter and its two-letter spelling
 * ("Müller" is found by "muller" and "mueller"; "Mueller" by "müller"), ß matches ss ("strasse"
 * finds "Straße"). It gives every form of a term, so that the index holds each and a query
 * matches any. The umlauts are handled before accents are stripped: a library that strips first
 * would have turned "ü" into "u" before its German rule could see it.
 */
const TWO_LETTER: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };

const stripAccents = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');

/** Every form a term is searched and found by; empty for a term that folds to nothing. */
export function foldTerm(term: string): string[] {
  const lower = term.toLowerCase().normalize('NFC').replace(/ß/g, 'ss').replace(/ẞ/g, 'ss');
  if (!lower) return [];
  const plain = stripAccents(lower);
  const spelled = stripAccents(lower.replace(/[äöü]/g, (c) => TWO_LETTER[c] ?? c));
  return plain === spelled ? [plain] : [plain, spelled];
}

/**
 * Splits a text into the terms of a search: at spaces, commas and other punctuation, except inside
 * dates (01.05.1980, 1980-05-01) and numbers, which stay whole.
 */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const chunk of text.split(/[\s,;]+/)) {
    if (!chunk) continue;
    if (/^\d{1,4}([.\-/]\d{1,4}){1,2}\.?$/.test(chunk)) terms.push(chunk.replace(/\.$/, ''));
    else terms.push(...chunk.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  }
  return terms;
}
