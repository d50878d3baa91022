/**
 * The search over the cached cases, in memory only (never written to disk): BG number with or
 * without "BG" and the serial's leading zeros, the names of every household member, their
 * address and date of birth, folded the German way (fold.ts) at index and at query time. Every
 * word typed must be the start of some term of the case; cases where a word is a whole term come
 * first in `search`.
 *
 * Each case has a slot (a small number); each term keeps the slots of the cases holding it, and
 * the terms are kept sorted, so that the terms starting with a word are one range found by binary
 * search. After every change the slots are packed, term after term, into one typed array, so that
 * such a range of terms is one run of it. A word's hits are the bits of that run's slots, set in a
 * bit set of all cases; several words are the AND of their bit sets. Under a millisecond over
 * 10,000 cases even for the BG office number that every case of a district shares, where walking
 * the terms as strings and collecting the ids in sets took up to 15 ms a key press. (MiniSearch's
 * ranked search scored every prefix-expanded term of every case and took over 100 ms per short
 * query at that size; the list is sorted by its columns, not by relevance, so scores bought
 * nothing.) Fed from the decrypted cache and kept in step with it: only cases whose data changed
 * are indexed again.
 */
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

/** Every folded term a case is found by (the index's own terms; its tests scan them too). */
export function termsOf(c: SearchCase): Set<string> {
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

type Entry = { readonly slot: number; readonly print: string; readonly terms: readonly string[] };

/** Up to this many new terms are put in their places; more, and the terms are sorted again. */
const INSERT_AT_MOST = 256;

/** The first index in `sorted` whose term is not below `term`. */
function lowerBound(sorted: readonly string[], term: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The smallest string above every string starting with `prefix` (its last code unit one up). */
function pastPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

const has = (bits: Uint32Array, slot: number): boolean => (bits[slot >>> 5]! & (1 << (slot & 31))) !== 0;

/*
 * The two loops of a query, each a small function of typed arrays called for every word: V8
 * compiles such a function whole after a few key presses and keeps it. Written inline in the
 * query, which runs once per key press, the loops were compiled only on the stack and left again
 * at their end (on-stack replacement), and a key press spent up to 20 ms in them in Chromium.
 */

/** Sets the bit of every slot in `slots[from..to)`. */
function setBits(bits: Uint32Array, slots: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const slot = slots[i]!;
    bits[slot >>> 5]! |= 1 << (slot & 31);
  }
}

/** `into` AND `bits`, in `into`. */
function andBits(into: Uint32Array, bits: Uint32Array): void {
  for (let i = 0; i < into.length; i++) into[i]! &= bits[i]!;
}

export class CaseSearch {
  private readonly known = new Map<string, Entry>();
  /** Slot → the id of the case in it; undefined for a free slot. */
  private readonly ids: (string | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** Folded term → the slots of the cases holding it. */
  private readonly postings = new Map<string, number[]>();
  /** Every term of `postings`, sorted by code unit, and beside it its slots (the same arrays). */
  private sorted: string[] = [];
  private sortedSlots: number[][] = [];
  /** The slots of `sortedSlots` one term after the other: term t's are packed[starts[t]..starts[t + 1]). */
  private packed = new Int32Array(0);
  private starts = new Int32Array(1);
  /** Bumped whenever a case changes slot: the slots remembered for a list are then stale. */
  private generation = 0;
  private readonly listSlots = new WeakMap<readonly unknown[], { generation: number; slots: Int32Array }>();

  get size(): number {
    return this.known.size;
  }

  /** Brings the index in step with the cases given: new ones added, changed ones again, gone ones out. */
  sync(cases: readonly SearchCase[]): void {
    const seen = new Set<string>();
    const added: string[] = [];
    const emptied: string[] = [];
    let changed = false;
    for (const c of cases) {
      seen.add(c.id);
      const print = fingerprint(c);
      const before = this.known.get(c.id);
      if (before?.print === print) continue;
      changed = true;
      const slot = before ? before.slot : this.takeSlot(c.id);
      if (before) this.unpost(slot, before.terms, emptied);
      const terms = [...termsOf(c)];
      for (const term of terms) {
        const holders = this.postings.get(term);
        // An emptied term (this case's own old one) is still in its place among the sorted terms.
        if (holders) holders.push(slot);
        else {
          this.postings.set(term, [slot]);
          added.push(term);
        }
      }
      this.known.set(c.id, { slot, print, terms });
    }
    for (const [id, entry] of this.known)
      if (!seen.has(id)) {
        this.unpost(entry.slot, entry.terms, emptied);
        this.known.delete(id);
        this.ids[entry.slot] = undefined;
        this.freeSlots.push(entry.slot);
        this.generation++;
        changed = true;
      }
    if (!changed) return;
    this.placeTerms(added, emptied);
    this.pack();
  }

  /** The ids of the cases that match every word typed (each the start of a term), whole-term matches first. */
  search(text: string): string[] {
    const words = this.words(text);
    if (!words) return [];
    const hits = this.hits(words);
    const found: { id: string; whole: number }[] = [];
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (!has(hits, slot)) continue;
      const { terms } = this.known.get(this.ids[slot]!)!;
      const whole = words.filter((forms) => forms.some((form) => terms.includes(form))).length;
      found.push({ id: this.ids[slot]!, whole });
    }
    return found.sort((a, b) => b.whole - a.whole).map((f) => f.id);
  }

  /**
   * The items whose case matches every word typed, in the order given: for a list that keeps its
   * own order. One bit test per item; the items' slots are looked up once per list.
   */
  filter<T>(items: readonly T[], idOf: (item: T) => string, text: string): T[] {
    const words = this.words(text);
    if (!words) return [];
    const hits = this.hits(words);
    const slots = this.slotsOf(items, idOf);
    const out: T[] = [];
    for (let k = 0; k < items.length; k++) {
      const slot = slots[k]!;
      if (slot >= 0 && has(hits, slot)) out.push(items[k]!);
    }
    return out;
  }

  /**
   * Readies `filter` over `items` ahead of the first key press, for an idle moment: looks up the
   * items' slots (10,000 map lookups, 8 ms while the code is cold) and runs a query of one word,
   * of two and of a word with two forms, so that the search's code is compiled for each. Cheap
   * when nothing changed since the last call.
   */
  prepare<T>(items: readonly T[], idOf: (item: T) => string): void {
    this.slotsOf(items, idOf);
    for (const text of ['a', 'a 1', 'mü']) this.filter(items, idOf, text);
  }

  private words(text: string): (readonly string[])[] | null {
    const words = searchTerms(text)
      .map(foldTerm)
      .filter((forms) => forms.length > 0);
    return words.length ? words : null;
  }

  /** The slots matching every word: per word the terms starting with one of its forms, each word's bits ANDed. */
  private hits(words: readonly (readonly string[])[]): Uint32Array {
    const length = (this.ids.length + 31) >>> 5;
    let all: Uint32Array | null = null;
    for (const forms of words) {
      const bits = new Uint32Array(length);
      for (const form of forms) {
        const from = this.starts[lowerBound(this.sorted, form)]!;
        const to = this.starts[lowerBound(this.sorted, pastPrefix(form))]!;
        setBits(bits, this.packed, from, to);
      }
      if (all) andBits(all, bits);
      else all = bits;
    }
    return all ?? new Uint32Array(length);
  }

  /** Packs the slots of the sorted terms into `packed` (230,000 slots for the bench's 10,000 cases, 3–6 ms). */
  private pack(): void {
    const starts = new Int32Array(this.sortedSlots.length + 1);
    let total = 0;
    for (let t = 0; t < this.sortedSlots.length; t++) {
      starts[t] = total;
      total += this.sortedSlots[t]!.length;
    }
    starts[this.sortedSlots.length] = total;
    const packed = new Int32Array(total);
    for (let t = 0; t < this.sortedSlots.length; t++) packed.set(this.sortedSlots[t]!, starts[t]);
    this.packed = packed;
    this.starts = starts;
  }

  private slotsOf<T>(items: readonly T[], idOf: (item: T) => string): Int32Array {
    const kept = this.listSlots.get(items);
    if (kept?.generation === this.generation && kept.slots.length === items.length) return kept.slots;
    const slots = Int32Array.from(items, (item) => this.known.get(idOf(item))?.slot ?? -1);
    this.listSlots.set(items, { generation: this.generation, slots });
    return slots;
  }

  private takeSlot(id: string): number {
    const slot = this.freeSlots.pop() ?? this.ids.length;
    this.ids[slot] = id;
    this.generation++;
    return slot;
  }

  /**
   * Takes a slot out of its terms' postings; the terms left without cases go to `emptied`, and
   * stay (empty) until the end of the sync: a changed case usually holds most of them again.
   */
  private unpost(slot: number, terms: readonly string[], emptied: string[]): void {
    for (const term of terms) {
      const holders = this.postings.get(term);
      if (!holders) continue;
      const at = holders.indexOf(slot);
      if (at >= 0) holders.splice(at, 1);
      if (holders.length === 0) emptied.push(term);
    }
  }

  /**
   * Drops the terms a sync left without cases and keeps the sorted terms in step with the
   * postings: a few terms come and go in their places, many (the first sync, a new district) by
   * sorting all again. A term emptied and held again in the same sync keeps its place.
   */
  private placeTerms(added: readonly string[], emptied: readonly string[]): void {
    const gone = emptied.filter((term) => this.postings.get(term)?.length === 0);
    for (const term of gone) this.postings.delete(term);
    if (added.length + gone.length > INSERT_AT_MOST) {
      this.sorted = [...this.postings.keys()].sort();
      this.sortedSlots = this.sorted.map((term) => this.postings.get(term)!);
      return;
    }
    for (const term of gone) {
      const at = lowerBound(this.sorted, term);
      if (this.sorted[at] !== term) continue;
      this.sorted.splice(at, 1);
      this.sortedSlots.splice(at, 1);
    }
    for (const term of added) {
      const at = lowerBound(this.sorted, term);
      if (this.sorted[at] === term) continue;
      this.sorted.splice(at, 0, term);
      this.sortedSlots.splice(at, 0, this.postings.get(term)!);
    }
  }
}
