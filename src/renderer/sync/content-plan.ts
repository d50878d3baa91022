/**
 * Pure decisions of the content prefetch: in which order documents are fetched, and which cached
 * documents make room when the byte budget is reached. Tested in Node without a database.
 */
import type { ContentRecord } from '../data/records.ts';

export type ContentCandidate = Pick<
  ContentRecord,
  'documentId' | 'caseId' | 'byteSize' | 'storedBytes' | 'state' | 'pinned' | 'failures'
> & {
  /** The document is an unread inbox item. */
  inbox: boolean;
  receivedOn: string;
};

export type PriorityContext = {
  /** Documents asked for right now (opened in the viewer). */
  urgent: ReadonlySet<string>;
  /** Cases opened recently, most recent first. */
  recentCases: readonly string[];
};

/** Tries before a document whose fetch keeps failing is left for the next sync round. */
export const MAX_CONTENT_FAILURES = 3;

function rank(c: ContentCandidate, ctx: PriorityContext): number {
  if (ctx.urgent.has(c.documentId)) return 0;
  if (c.inbox) return 1;
  if (ctx.recentCases.includes(c.caseId)) return 2;
  if (c.pinned) return 3;
  return 4;
}

/** Documents to fetch, most important first: urgent, inbox, open and recent cases, pinned, the rest. */
export function prioritise(candidates: readonly ContentCandidate[], ctx: PriorityContext): ContentCandidate[] {
  return candidates
    .filter((c) => c.state !== 'complete' && (c.failures < MAX_CONTENT_FAILURES || ctx.urgent.has(c.documentId)))
    .map((c) => ({ c, r: rank(c, ctx), recent: ctx.recentCases.indexOf(c.caseId) }))
    .sort(
      (a, b) =>
        a.r - b.r ||
        (a.r === 2 ? a.recent - b.recent : 0) ||
        // Partly fetched first (finish what was started), then newest mail first.
        Number(b.c.storedBytes > 0) - Number(a.c.storedBytes > 0) ||
        b.c.receivedOn.localeCompare(a.c.receivedOn),
    )
    .map(({ c }) => c);
}

export type Evictable = Pick<ContentRecord, 'documentId' | 'storedBytes' | 'lastAccessAt' | 'pinned'>;

/**
 * Which cached documents to drop so that `needed` more bytes fit into `budget`: least recently
 * used first, never pinned ones and never those in `keep`. Returns null when even dropping every
 * candidate would not make room.
 */
export function chooseEvictions(
  cached: readonly Evictable[],
  usedBytes: number,
  needed: number,
  budget: number,
  keep: ReadonlySet<string>,
): string[] | null {
  let excess = usedBytes + needed - budget;
  if (excess <= 0) return [];
  const victims: string[] = [];
  const candidates = cached
    .filter((c) => !c.pinned && !keep.has(c.documentId) && c.storedBytes > 0)
    .sort((a, b) => a.lastAccessAt - b.lastAccessAt);
  for (const c of candidates) {
    victims.push(c.documentId);
    excess -= c.storedBytes;
    if (excess <= 0) return victims;
  }
  return null;
}

/** The byte budget: the policy's, but never more than the storage the browser still grants. */
export function effectiveBudget(
  policyBudget: number,
  estimate: { usage?: number; quota?: number } | null,
  contentBytes: number,
): number {
  if (!estimate?.quota) return policyBudget;
  const free = Math.max(0, estimate.quota - (estimate.usage ?? 0));
  // Leave a tenth of the free space for everything else the profile needs.
  return Math.min(policyBudget, contentBytes + Math.floor(free * 0.9));
}
