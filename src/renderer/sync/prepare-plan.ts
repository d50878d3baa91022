/**
 * Which documents get their first view prepared in the background, and in which order: what a
 * case worker on the phone is asked about is new mail and the newest letters of a case. Inbox
 * items first (newest first), then each case's newest documents, the newest of every case before
 * the second newest of any. A pure decision, tested in Node without a database.
 */
import type { ViewRecordsPresent } from '../data/repos/contents.ts';

/** Documents per case prepared on arrival, besides inbox items (each picture is about 0.5 MB). */
export const PREPARE_PER_CASE = 3;

export type PrepareCandidate = {
  readonly documentId: string;
  readonly caseId: string;
  /** An unread inbox item. */
  readonly inbox: boolean;
  readonly receivedOn: string;
  /** The viewer reads it in pieces, so a view index makes opening fast. */
  readonly inPieces: boolean;
  readonly has: ViewRecordsPresent;
};

export type PrepareWork = {
  readonly documentId: string;
  /** Record the view index. */
  readonly index: boolean;
  /** Draw page 1 (only when the layout a document opens in is known). */
  readonly picture: boolean;
};

const newestFirst = (a: PrepareCandidate, b: PrepareCandidate): number =>
  b.receivedOn.localeCompare(a.receivedOn) || a.documentId.localeCompare(b.documentId);

/**
 * `candidates`: every document whose bytes are on the device (whether prepared or not: a case's
 * newest are counted among all of them). `pictures`: whether page 1 can be drawn (the layout is
 * known). A document whose preparation failed for its bytes is left alone.
 */
export function choosePreparations(
  candidates: readonly PrepareCandidate[],
  { pictures, perCase = PREPARE_PER_CASE }: { pictures: boolean; perCase?: number },
): PrepareWork[] {
  const rank = new Map<string, number>();
  const byCase = new Map<string, PrepareCandidate[]>();
  for (const c of candidates) byCase.set(c.caseId, [...(byCase.get(c.caseId) ?? []), c]);
  for (const group of byCase.values()) group.sort(newestFirst).forEach((c, i) => rank.set(c.documentId, i));

  return candidates
    .filter((c) => !c.has.failure && (c.inbox || (rank.get(c.documentId) ?? perCase) < perCase))
    .map((c) => ({ c, index: c.inPieces && !c.has.index, picture: pictures && !c.has.preview }))
    .filter((w) => w.index || w.picture)
    .sort(
      (a, b) =>
        Number(b.c.inbox) - Number(a.c.inbox) ||
        (a.c.inbox ? 0 : (rank.get(a.c.documentId) ?? 0) - (rank.get(b.c.documentId) ?? 0)) ||
        newestFirst(a.c, b.c),
    )
    .map(({ c, index, picture }) => ({ documentId: c.documentId, index, picture }));
}
