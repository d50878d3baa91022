/**
 * The search over the cached cases, in memory only (never written to disk): BG number with or
 * without "BG" and the serial's leading zeros, the names of every household member, their
 * address and date of birth, folded the German way (fold.ts) at index and at query time. Built with
 * MiniSearch (a small, well-kept full-text index with prefix search), fed from the decrypted cache
 * and kept in step with it: only cases whose data changed are indexed again.
 */
import MiniSearch, { type Query } from 'minisearch';
import { foldTerm, searchTerms } from './fold.ts';

export type SearchMember = {
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly address: { readonly street: string; readonly postalCode: string; readonly city: string };
};

export type SearchCase = { readonly id: string; readonly bgNumber: string; readonly members: readonly SearchMember[] };

type Indexed = { id: string; bg: string; names: string; address: string; birth: string };

/** "12345BG0012345" → every way a case worker types it. */
export function bgNumberTerms(bgNumber: string): string[] {
  const match = /^(\d{5})BG(\d{7})$/i.exec(bgNumber.trim());
  if (!match) return [bgNumber];
  const [, office, serial] = match as unknown as [string, string, string];
  const short = String(Number(serial));
  return [`${office}bg${serial}`, `${office}bg${short}`, `${office}${serial}`, office, serial, short];
}

const germanDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function indexed(c: SearchCase): Indexed {
  return {
    id: c.id,
    bg: bgNumberTerms(c.bgNumber).join(' '),
    names: c.members.map((m) => `${m.firstName} ${m.lastName}`).join(' '),
    address: [...new Set(c.members.map((m) => `${m.address.street} ${m.address.postalCode} ${m.address.city}`))].join(
      ' ',
    ),
    birth: c.members.map((m) => `${m.birthDate} ${germanDate(m.birthDate)}`).join(' '),
  };
}

function fingerprint(c: SearchCase): string {
  return JSON.stringify(c);
}

export class CaseSearch {
  private readonly index = new MiniSearch<Indexed>({
    fields: ['bg', 'names', 'address', 'birth'],
    tokenize: (text) => searchTerms(text),
    processTerm: (term) => foldTerm(term),
    searchOptions: { prefix: true, boost: { bg: 2, names: 1.5 } },
  });
  private readonly known = new Map<string, string>();

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
      if (before === print) continue;
      if (before === undefined) this.index.add(indexed(c));
      else this.index.replace(indexed(c));
      this.known.set(c.id, print);
    }
    for (const id of [...this.known.keys()])
      if (!seen.has(id)) {
        this.index.discard(id);
        this.known.delete(id);
      }
  }

  /** The ids of the cases that match every word typed (any word may be the start of a term), best first. */
  search(text: string): string[] {
    const words = searchTerms(text);
    if (!words.length) return [];
    const query: Query = {
      combineWith: 'AND',
      queries: words.map((word) => ({ combineWith: 'OR', queries: foldTerm(word), prefix: true })),
    };
    // The words were folded already: the index must not fold them again.
    return this.index.search(query, { processTerm: (term) => term }).map((r) => String(r.id));
  }
}
