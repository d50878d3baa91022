/**
 * The search over the cached cases, in memory only (never written to disk): BG number with or
 * without "BG" and the serial's leading zeros, the names of every household member, their
 * address and date of birth, folded the German way (fold.ts) at index and at query time. Every
 * word typed must be the start of some term of the case; cases where a word is a whole term come
 * first. The terms live in MiniSearch's radix tree (`minisearch/SearchableMap`), each with the set
 * of cases holding it: a query is a prefix walk per word and a set intersection, a few ms over
 * 10,000 cases. (MiniSearch's own ranked search scores every prefix-expanded term of every case
 * and took over 100 ms per short query at that size — more than a frame; the list is sorted by
 * its columns, not by relevance, so the scores bought nothing.) Fed from the decrypted cache and
 * kept in step with it: only cases whose data changed are indexed again.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { foldTerm, searchTerms } from './fold.ts';

export type SearchMember = {
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly address: { readonly street: string; readonly postalCode: string; readonly city: string };
};

export type SearchCase = { readonly id: string; readonly bgNumber: string; readonly members: readonly SearchMember[] };

/** "12345BG0012345" → every way a case worker types it. */
export function bgNumberTerms(bgNumber: string): string[] {
  const match = /^(\d{5})BG(\d{7})$/i.exec(bgNumber.trim());
  if (!match) return [bgNumber];
  const [, office, serial] = match as unknown as [string, string, string];
  const short = String(Number(serial));
  return [`${office}bg${serial}`, `${office}bg${short}`, `${office}${serial}`, office, serial, short];
}

const germanDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Every folded term a case is found by. */
function termsOf(c: SearchCase): Set<string> {
  const texts = [
    ...bgNumberTerms(c.bgNumber),
    ...c.members.flatMap((m) => [
      m.firstName,
      m.lastName,
      m.address.street,
      m.address.postalCode,
      m.address.city,
      m.birthDate,
      germanDate(m.birthDate),
    ]),
  ];
  return new Set(texts.flatMap((text) => searchTerms(text).flatMap(foldTerm)));
}

function fingerprint(c: SearchCase): string {
  return JSON.stringify(c);
}

export class CaseSearch {
  /** Folded term → the ids of the cases holding it. */
  private readonly terms = new SearchableMap<Set<string>>();
  private readonly known = new Map<string, { print: string; terms: Set<string> }>();

  get size(): number {
    return this.known.size;
  }

  /** Brings the index in step with the cases given: new ones added, changed ones again, gone ones out. */
  sync(cases: readonly SearchCase[]): void {
    const seen = new Set<string>();
    for (const c of cases) {
      seen.add(c.id);
      const print = fingerprint(c);
      const before = this.known.get(c.id);
      if (before?.print === print) continue;
      if (before) this.remove(c.id, before.terms);
      const terms = termsOf(c);
      for (const term of terms) {
        const holders = this.terms.get(term);
        if (holders) holders.add(c.id);
        else this.terms.set(term, new Set([c.id]));
      }
      this.known.set(c.id, { print, terms });
    }
    for (const [id, entry] of [...this.known])
      if (!seen.has(id)) {
        this.remove(id, entry.terms);
        this.known.delete(id);
      }
  }

  /** The ids of the cases that match every word typed (each the start of a term), whole-term matches first. */
  search(text: string): string[] {
    const words = searchTerms(text)
      .map(foldTerm)
      .filter((forms) => forms.length > 0);
    if (!words.length) return [];
    let hits: Set<string> | null = null;
    const exact = new Map<string, number>();
    for (const forms of words) {
      const matching = new Set<string>();
      const whole = new Set<string>();
      for (const form of forms) {
        for (const [term, holders] of this.terms.atPrefix(form)) {
          for (const id of holders) if (!hits || hits.has(id)) matching.add(id);
          if (term === form) for (const id of holders) whole.add(id);
        }
      }
      hits = matching;
      for (const id of whole) exact.set(id, (exact.get(id) ?? 0) + 1);
      if (!hits.size) return [];
    }
    const found = [...(hits ?? [])];
    return exact.size ? found.sort((a, b) => (exact.get(b) ?? 0) - (exact.get(a) ?? 0)) : found;
  }

  private remove(id: string, terms: ReadonlySet<string>): void {
    for (const term of terms) {
      const holders = this.terms.get(term);
      holders?.delete(id);
      if (holders?.size === 0) this.terms.delete(term);
    }
  }
}
