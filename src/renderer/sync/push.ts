/**
 * Push: delivers the outbox to the central service. One verb over a small store interface — rows
 * in, results out — so that it runs the same against IndexedDB and in a unit test.
 *
 * Order is kept per case: the store hands out, per case, the run of pending entries that nothing
 * holds back (an earlier conflict or rejection waits for the user; a change that builds on an
 * earlier one of the same entity waits until that one is applied). Runs of many cases share a
 * batch up to the contract's limit, and batches of different cases go in parallel requests; the
 * service applies a batch in order. Audit events go in batches of their own. A letter is one
 * `POST /letters` of its own, in its case's order: it goes once everything before it in its case
 * is delivered, and what comes after it waits for it. Every entry's idempotency id was fixed when
 * it was made, so a batch or a letter whose answer was lost is simply sent again.
 */
import { MAX_AUDIT_EVENTS_PER_BATCH, MAX_JSON_BODY_BYTES, MAX_MUTATIONS_PER_BATCH } from '../../shared/api/limits.ts';
import type { FirstResult, Mutation, MutationResult } from '../../shared/api/mutations.ts';
import type { AuditEvent } from '../../shared/domain/audit.ts';
import type { AuditBatchResponse } from '../../shared/api/audit.ts';
import type { LetterAccepted, LetterMeta, LetterStatusResponse } from '../../shared/api/letters.ts';
import type { MutationBatchResponse } from '../../shared/api/mutations.ts';
import type { Problem } from '../../shared/api/problem.ts';
import type { OutboxError } from '../data/records.ts';
import { rejectionOf } from '../data/repos/outbox.ts';
import { ApiError, ContractError, ServerError, UnauthorizedError } from '../api/api-errors.ts';

export type Deliverable =
  | { readonly kind: 'mutation'; readonly seq: number; readonly caseId: string; readonly mutation: Mutation }
  | { readonly kind: 'audit'; readonly seq: number; readonly event: AuditEvent }
  | {
      readonly kind: 'letter';
      readonly seq: number;
      readonly caseId: string;
      readonly meta: LetterMeta;
      readonly pdf: Uint8Array<ArrayBuffer>;
    };

/** What the service answered for one entry. */
export type Settlement =
  /** Applied: the entry goes, the entity gets the service's version. */
  | { readonly seq: number; readonly status: 'applied'; readonly version: number }
  /** The service holds a newer version (`current`, null when gone): the entry stays, the user chooses. */
  | { readonly seq: number; readonly status: 'conflict'; readonly current: unknown }
  /** The service refused the entry: it stays with the reason. */
  | { readonly seq: number; readonly status: 'rejected'; readonly error: OutboxError };

/** What push needs of the outbox. Each method is one IndexedDB transaction in the real store. */
export type OutboxStore = {
  /** What may go now, in order (see the module comment); at most `perCase` mutations of a case. */
  deliverable(perCase: number): Promise<Deliverable[]>;
  /** The answers to one request, all in one transaction. */
  settle(settlements: readonly Settlement[]): Promise<void>;
  /**
   * The service took the letter: the entry goes and the local letter becomes `accepted` with its
   * document, in one transaction. `behind`: while the entry was unsent, the change feed brought
   * the letter and had to leave the local record as it was, so the service may be further on.
   */
  letterAccepted(seq: number, accepted: LetterAccepted): Promise<{ behind: boolean }>;
  /** The letter's dispatch status as the service reports it; kept when newer than the local one. */
  letterStatus(status: LetterStatusResponse): Promise<void>;
  /** The service has these audit events. */
  recorded(seqs: readonly number[]): Promise<void>;
  /** A try that did not get through (network, overload): counted, with its error, for the panel. */
  attempted(seqs: readonly number[], error: OutboxError): Promise<void>;
};

export type PushApi = {
  mutations(mutations: readonly Mutation[]): Promise<MutationBatchResponse>;
  audit(events: readonly AuditEvent[]): Promise<AuditBatchResponse>;
  sendLetter(meta: LetterMeta, pdf: Uint8Array<ArrayBuffer>): Promise<LetterAccepted>;
  letterStatus(id: string): Promise<LetterStatusResponse>;
};

/**
 * `delivered`: the entries the service took; `changes`: how many of them were changes and
 * letters, whose effects the feed brings back (audit events have none). Counted whatever the
 * round's outcome, so that changes delivered before a failure are followed by a pull too.
 */
type Delivered = { readonly delivered: number; readonly changes: number };

export type PushOutcome =
  /** Nothing deliverable is left (what remains waits for the user, or for nothing). */
  | ({ readonly status: 'done' } & Delivered)
  /** A transient failure: try again after a backoff (or at least `retryAfterMs`). */
  | ({ readonly status: 'retry'; readonly error: OutboxError; readonly retryAfterMs?: number } & Delivered)
  /** The token expired: delivery waits for a new sign-in; nothing is lost. */
  | ({ readonly status: 'unauthorized' } & Delivered);

export type PushOptions = { readonly concurrency?: number; readonly signal?: AbortSignal };

type MutationItem = Extract<Deliverable, { kind: 'mutation' }>;
type AuditItem = Extract<Deliverable, { kind: 'audit' }>;
type LetterItem = Extract<Deliverable, { kind: 'letter' }>;
type Halt = { error: ApiError | Error };

/** Room left in a request body for the envelope around the mutations. */
const BODY_BUDGET = MAX_JSON_BODY_BYTES - 16 * 1024;
const encoder = new TextEncoder();

/**
 * Groups each case's run into batches of at most `limit` mutations and `budget` bytes, oldest
 * cases first; a run is split only where it would not fit, and its parts keep their order.
 */
export function planBatches(
  items: readonly MutationItem[],
  limit = MAX_MUTATIONS_PER_BATCH,
  budget = BODY_BUDGET,
): MutationItem[][] {
  const runs = new Map<string, MutationItem[]>();
  for (const item of items) runs.set(item.caseId, [...(runs.get(item.caseId) ?? []), item]);
  const size = new Map(items.map((i) => [i, encoder.encode(JSON.stringify(i.mutation)).length + 1]));
  const batches: { items: MutationItem[]; bytes: number }[] = [];
  for (const run of runs.values()) {
    let part: MutationItem[] = [];
    let bytes = 0;
    const place = (): void => {
      if (!part.length) return;
      const fits = batches.find((b) => b.items.length + part.length <= limit && b.bytes + bytes <= budget);
      if (fits) {
        fits.items.push(...part);
        fits.bytes += bytes;
      } else batches.push({ items: part, bytes });
      part = [];
      bytes = 0;
    };
    for (const item of run) {
      const n = size.get(item)!;
      if (part.length === limit || (part.length && bytes + n > budget)) place();
      part.push(item);
      bytes += n;
    }
    place();
  }
  return batches.map((b) => b.items);
}

function errorOf(error: unknown): OutboxError {
  if (error instanceof ServerError) return { code: 'server', params: { status: error.status } };
  if (error instanceof ApiError) return { code: error.code };
  return { code: 'unexpected' };
}

/** A 4xx for the whole batch names the offending mutation in its field errors (`mutations.3.data…`). */
function offendingIndex(problem: Problem | undefined): number | null {
  for (const e of problem?.errors ?? []) {
    const match = /^mutations\.(\d+)(\.|$)/.exec(e.path);
    if (match) return Number(match[1]);
  }
  return null;
}

function settlementOf(item: MutationItem, result: MutationResult | FirstResult): Settlement {
  switch (result.status) {
    case 'applied':
      return { seq: item.seq, status: 'applied', version: result.version };
    case 'duplicate':
      return settlementOf(item, result.first);
    case 'conflict':
      return { seq: item.seq, status: 'conflict', current: result.current };
    case 'rejected':
      return { seq: item.seq, status: 'rejected', error: rejectionOf(result.problem) };
  }
}

/** Runs tasks with at most `limit` at a time. */
async function pool<T>(tasks: readonly T[], limit: number, run: (task: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) await run(tasks[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

export async function push(store: OutboxStore, api: PushApi, options: PushOptions = {}): Promise<PushOutcome> {
  const concurrency = options.concurrency ?? 4;
  let delivered = 0;
  let audited = 0;
  /** Entries that left "pending" this round, delivered or not: a round that moves none must not repeat. */
  let moved = 0;
  let halt: Halt | null = null;

  const fail = async (seqs: readonly number[], error: unknown): Promise<void> => {
    const known = error instanceof ApiError ? error : error instanceof Error ? error : new Error(String(error));
    if (!(error instanceof UnauthorizedError)) await store.attempted(seqs, errorOf(error));
    halt ??= { error: known };
  };

  const sendMutations = async (batch: readonly MutationItem[]): Promise<void> => {
    if (halt || options.signal?.aborted) return;
    let response: MutationBatchResponse;
    try {
      response = await api.mutations(batch.map((i) => i.mutation));
    } catch (error) {
      if (error instanceof ServerError && !error.transient && error.status !== 401) {
        await refused(batch, error);
        return;
      }
      await fail(
        batch.map((i) => i.seq),
        error,
      );
      return;
    }
    const { results } = response;
    const settlements: Settlement[] = [];
    let broken = -1;
    for (const [k, item] of batch.entries()) {
      const result = results[k];
      if (!result || result.mutationId !== item.mutation.id) {
        broken = k;
        break;
      }
      settlements.push(settlementOf(item, result));
    }
    await store.settle(settlements);
    delivered += settlements.filter((x) => x.status === 'applied').length;
    moved += settlements.length;
    // An answer that does not fit the request from here on: nothing of it is used, the rest goes again.
    if (broken >= 0)
      await fail(
        batch.slice(broken).map((i) => i.seq),
        new ContractError('/mutations'),
      );
  };

  /** The service refused the whole batch: find the entry it names, or try each alone, in order per case. */
  const refused = async (batch: readonly MutationItem[], error: ServerError): Promise<void> => {
    const problem = error.problem ?? { type: 'about:blank', title: 'Refused', status: error.status };
    if (batch.length === 1) {
      await store.settle([{ seq: batch[0]!.seq, status: 'rejected', error: rejectionOf(problem) }]);
      moved++;
      return;
    }
    const named = offendingIndex(error.problem);
    const stopped = new Set<string>();
    for (const [k, item] of batch.entries()) {
      if (halt || stopped.has(item.caseId)) continue;
      if (named === k) {
        await store.settle([{ seq: item.seq, status: 'rejected', error: rejectionOf(problem) }]);
        moved++;
        stopped.add(item.caseId);
        continue;
      }
      const before = delivered;
      await sendMutations([item]);
      if (delivered === before) stopped.add(item.caseId); // later entries of its case wait for it
    }
  };

  const sendLetter = async (item: LetterItem): Promise<void> => {
    if (halt || options.signal?.aborted) return;
    let accepted: LetterAccepted;
    try {
      accepted = await api.sendLetter(item.meta, item.pdf);
    } catch (error) {
      // 422 (the id was used for another letter), 404 (case or recipient not the user's), 400, 413.
      if (error instanceof ServerError && !error.transient && error.status !== 401) {
        const problem = error.problem ?? { type: 'about:blank', title: 'Refused', status: error.status };
        await store.settle([{ seq: item.seq, status: 'rejected', error: rejectionOf(problem) }]);
        moved++;
        return;
      }
      await fail([item.seq], error);
      return;
    }
    if (accepted.id !== item.meta.id) {
      await fail([item.seq], new ContractError('/letters'));
      return;
    }
    const { behind } = await store.letterAccepted(item.seq, accepted);
    delivered++;
    moved++;
    if (!behind) return;
    try {
      await store.letterStatus(await api.letterStatus(item.meta.id));
    } catch {
      // The letter is delivered; only its status lags, until the feed brings its next change.
    }
  };

  const sendAudit = async (batch: readonly AuditItem[]): Promise<void> => {
    if (halt || options.signal?.aborted) return;
    let response: AuditBatchResponse;
    try {
      response = await api.audit(batch.map((i) => i.event));
    } catch (error) {
      await fail(
        batch.map((i) => i.seq),
        error,
      );
      return;
    }
    const done: number[] = [];
    const refusals: Settlement[] = [];
    for (const [k, item] of batch.entries()) {
      const result = response.results[k];
      if (!result || result.id !== item.event.id) continue; // sent again next time
      if (result.status === 'rejected')
        refusals.push({ seq: item.seq, status: 'rejected', error: rejectionOf(result.problem) });
      else done.push(item.seq);
      moved++;
    }
    if (refusals.length) await store.settle(refusals);
    await store.recorded(done);
    delivered += done.length;
    audited += done.length;
  };

  const counts = (): Delivered => ({ delivered, changes: delivered - audited });
  for (;;) {
    if (options.signal?.aborted) return { status: 'done', ...counts() };
    const items = await store.deliverable(MAX_MUTATIONS_PER_BATCH);
    if (!items.length) return { status: 'done', ...counts() };
    moved = 0;
    const mutations = items.filter((i): i is MutationItem => i.kind === 'mutation');
    const audits = items.filter((i): i is AuditItem => i.kind === 'audit');
    const letters = items.filter((i): i is LetterItem => i.kind === 'letter');
    const auditBatches: AuditItem[][] = [];
    for (let k = 0; k < audits.length; k += MAX_AUDIT_EVENTS_PER_BATCH)
      auditBatches.push(audits.slice(k, k + MAX_AUDIT_EVENTS_PER_BATCH));
    const tasks: (() => Promise<void>)[] = [
      ...planBatches(mutations).map((batch) => () => sendMutations(batch)),
      ...letters.map((letter) => () => sendLetter(letter)),
      ...auditBatches.map((batch) => () => sendAudit(batch)),
    ];
    await pool(tasks, concurrency, (task) => task());
    // Set inside the batches' callbacks, which the compiler does not follow.
    const stop = halt as Halt | null;
    if (stop) {
      if (stop.error instanceof UnauthorizedError) return { status: 'unauthorized', ...counts() };
      const retryAfterMs = stop.error instanceof ServerError ? stop.error.retryAfterMs : undefined;
      return {
        status: 'retry',
        ...counts(),
        error: errorOf(stop.error),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      };
    }
    // Answers that named none of the entries sent: the next round would send the same again.
    if (moved === 0) return { status: 'retry', ...counts(), error: { code: 'contract' } };
  }
}
