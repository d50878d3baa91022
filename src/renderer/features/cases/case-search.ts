/**
 * The search over the cached cases, in memory only (never written to disk): BG number with or
 * without "BG" and the serial's leading zeros, the names of every household member, their
 * address and date of birth, folded the German way (fold.ts) at index and at query time. Every
 * word typed must be the start of some term of the case; cases where a word is a whole term come
 * first. The terms live in MiniSearch's radix tree (`minisearch/SearchableMap`), each with the set
 * of cases holding it: a query is a prefix walk per word and a set intersection, a few ms over
 * 10,000 cases, and a key press that only extends the last query checks that query's hits
 * against their own terms instead. (MiniSearch's own ranked search scores every prefix-expanded term of every case
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

/** Between the terms of a case joined into one string; no folded term contains it. */
const SEP = '\u0001';

/** Whether every form of `next` starts with a form of `before`: then it matches only cases `before` matched. */
function narrows(before: readonly string[], next: readonly string[]): boolean {
  return next.every((form) => before.some((b) => form.startsWith(b)));
}

type Entry = { readonly id: string; readonly print: string; readonly terms: Set<string>; readonly joined: string };

type Query = {
  readonly words: readonly (readonly string[])[];
  readonly hits: Set<string>;
  /** The hits' entries, so that the next key press walks them without looking each up (a narrowed query has them). */
  readonly entries?: readonly Entry[];
  readonly exact: Map<string, number>;
};

export class CaseSearch {
  /** Folded term → the ids of the cases holding it. */
  private readonly terms = new SearchableMap<Set<string>>();
  /** First letter of a term → the ids of the cases holding such a term: the first key press needs no walk. */
  private readonly initials = new Map<string, Set<string>>();
  private readonly known = new Map<string, Entry>();
  /** The last query, which the next key press usually only narrows. */
  private last: Query | null = null;

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
      this.last = null;
      if (before) this.remove(c.id, before.terms);
      const terms = termsOf(c);
      for (const term of terms) {
        const holders = this.terms.get(term);
        if (holders) holders.add(c.id);
        else this.terms.set(term, new Set([c.id]));
        const initial = term[0]!;
        const starting = this.initials.get(initial);
        if (starting) starting.add(c.id);
        else this.initials.set(initial, new Set([c.id]));
      }
      this.known.set(c.id, { id: c.id, print, terms, joined: SEP + [...terms].join(SEP) });
    }
    for (const [id, entry] of [...this.known])
      if (!seen.has(id)) {
        this.last = null;
        this.remove(id, entry.terms);
        this.known.delete(id);
      }
  }

  /** The ids of the cases that match every word typed (each the start of a term), whole-term matches first. */
  search(text: string): string[] {
    const query = this.query(text);
    if (!query) return [];
    const found = [...query.hits];
    const { exact } = query;
    return exact.size ? found.sort((a, b) => (exact.get(b) ?? 0) - (exact.get(a) ?? 0)) : found;
  }

  /** The same cases as `search`, unordered: for a list that keeps its own order. */
  matching(text: string): ReadonlySet<string> {
    return this.query(text)?.hits ?? new Set();
  }

  private query(text: string): Query | null {
    const words = searchTerms(text)
      .map(foldTerm)
      .filter((forms) => forms.length > 0);
    if (!words.length) return null;
    const query = this.narrowed(words) ?? this.walked(words);
    this.last = query;
    return query;
  }

  /**
   * Typing on: when the words only extend the last query's (its last word longer, or words
   * added), the answer is among its hits, and each is checked against its own few terms instead
   * of walking every term under the prefix again.
   */
  private narrowed(words: readonly (readonly string[])[]): Query | null {
    const last = this.last;
    if (!last || words.length < last.words.length) return null;
    const k = last.words.length - 1;
    for (let i = 0; i < k; i++) if (last.words[i]!.join(' ') !== words[i]!.join(' ')) return null;
    if (!narrows(last.words[k]!, words[k]!)) return null;
    const unchanged = last.words[k]!.join(' ') === words[k]!.join(' ');
    const checked = words.slice(unchanged ? k + 1 : k);
    // A term starting with a form: one native search for SEP + form in the case's terms, joined.
    const needles = checked.map((forms) => forms.map((form) => SEP + form));
    const hits = new Set<string>();
    const entries: Entry[] = [];
    const exact = new Map<string, number>();
    // Plain loops: this runs for every hit of the last query, thousands after the first letter.
    for (const entry of last.entries ?? this.entriesOf(last.hits)) {
      let whole = 0;
      let matches = true;
      for (let w = 0; w < checked.length && matches; w++) {
        const forms = checked[w]!;
        const starts = needles[w]!;
        matches = false;
        for (let f = 0; f < starts.length; f++)
          if (entry.joined.includes(starts[f]!)) {
            matches = true;
            break;
          }
        if (matches)
          for (let f = 0; f < forms.length; f++)
            if (entry.terms.has(forms[f]!)) {
              whole++;
              break;
            }
      }
      if (!matches) continue;
      hits.add(entry.id);
      entries.push(entry);
      // Whole-term matches of the words not checked again count as before.
      const before = unchanged ? (last.exact.get(entry.id) ?? 0) : countWhole(entry.terms, words.slice(0, k));
      if (before + whole) exact.set(entry.id, before + whole);
    }
    return { words, hits, entries, exact };
  }

  /** A query from scratch: a prefix walk per word, the hits of each intersected. */
  private walked(words: readonly (readonly string[])[]): Query {
    let hits: Set<string> | null = null;
    const exact = new Map<string, number>();
    for (const forms of words) {
      const matching = new Set<string>();
      const whole = new Set<string>();
      for (const form of forms) {
        if (form.length === 1) {
          for (const id of this.initials.get(form) ?? []) if (!hits || hits.has(id)) matching.add(id);
          for (const id of this.terms.get(form) ?? []) whole.add(id);
          continue;
        }
        for (const [term, holders] of this.terms.atPrefix(form)) {
          for (const id of holders) if (!hits || hits.has(id)) matching.add(id);
          if (term === form) for (const id of holders) whole.add(id);
        }
      }
      hits = matching;
      for (const id of whole) if (hits.has(id)) exact.set(id, (exact.get(id) ?? 0) + 1);
      if (!hits.size) break;
    }
    for (const id of exact.keys()) if (!hits!.has(id)) exact.delete(id);
    return { words, hits: hits ?? new Set(), exact };
  }

  private entriesOf(ids: ReadonlySet<string>): Entry[] {
    const entries: Entry[] = [];
    for (const id of ids) {
      const entry = this.known.get(id);
      if (entry) entries.push(entry);
    }
    return entries;
  }

  private remove(id: string, terms: ReadonlySet<string>): void {
    for (const term of terms) {
      const holders = this.terms.get(term);
      holders?.delete(id);
      if (holders?.size === 0) this.terms.delete(term);
      this.initials.get(term[0]!)?.delete(id);
    }
  }
}

function countWhole(terms: ReadonlySet<string>, words: readonly (readonly string[])[]): number {
  return words.filter((forms) => forms.some((form) => terms.has(form))).length;
}
