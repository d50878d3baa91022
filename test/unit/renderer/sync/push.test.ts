/**
 * Push over an in-memory outbox and a scripted service: order per case, batching, what each answer
 * does to an entry, and that a failure never loses or reorders anything.
 */
import { describe, expect, it } from 'vitest';
import type { LetterAccepted, LetterMeta, LetterStatusResponse } from '../../../../src/shared/api/letters.ts';
import type { Mutation, MutationResult } from '../../../../src/shared/api/mutations.ts';
import type { AuditEvent } from '../../../../src/shared/domain/audit.ts';
import type { CaseId, DocumentId, LetterId } from '../../../../src/shared/domain/ids.ts';
import type { OutboxError, OutboxRecord } from '../../../../src/renderer/data/records.ts';
import { selectDeliverable } from '../../../../src/renderer/data/repos/outbox-store.ts';
import { NetworkError, ServerError, UnauthorizedError } from '../../../../src/renderer/api/api-errors.ts';
import {
  planBatches,
  push,
  type Deliverable,
  type OutboxStore,
  type PushApi,
} from '../../../../src/renderer/sync/push.ts';

type Row = Pick<OutboxRecord, 'seq' | 'kind' | 'caseId' | 'status' | 'chained'> & {
  mutation?: Mutation;
  event?: AuditEvent;
  meta?: LetterMeta;
  attempts: number;
  lastError?: OutboxError;
};

const note = (id: string, caseId: string, baseVersion?: number): Mutation =>
  ({
    id,
    caseId,
    entity: 'note',
    op: 'put',
    ...(baseVersion ? { baseVersion } : {}),
    data: { id: `n-${id}`, text: `Vermerk ${id}` },
  }) as Mutation;

/** An outbox in memory that behaves like the IndexedDB store: the same selection, the same transitions. */
function memoryStore(rows: Row[], { behind = false }: { behind?: boolean } = {}) {
  const applied: { seq: number; version: number }[] = [];
  const accepted: { seq: number; documentId: string }[] = [];
  const statuses: LetterStatusResponse[] = [];
  const store: OutboxStore = {
    async deliverable(perCase) {
      return selectDeliverable(
        rows.filter((r) => r.status !== ('gone' as never)),
        perCase,
      ).map((r): Deliverable =>
        r.kind === 'audit'
          ? { kind: 'audit', seq: r.seq!, event: r.event! }
          : r.kind === 'letter'
            ? { kind: 'letter', seq: r.seq!, caseId: r.caseId, meta: r.meta!, pdf: PDF }
            : { kind: 'mutation', seq: r.seq!, caseId: r.caseId, mutation: r.mutation! },
      );
    },
    async settle(settlements) {
      for (const s of settlements) {
        const row = rows.find((r) => r.seq === s.seq)!;
        if (s.status === 'applied') {
          applied.push({ seq: s.seq, version: s.version });
          rows.splice(rows.indexOf(row), 1);
        } else if (s.status === 'conflict') row.status = 'conflict';
        else {
          row.status = 'rejected';
          row.lastError = s.error;
        }
      }
    },
    async letterAccepted(seq, answer) {
      accepted.push({ seq, documentId: answer.documentId });
      rows.splice(
        rows.findIndex((r) => r.seq === seq),
        1,
      );
      return { behind };
    },
    async letterStatus(status) {
      statuses.push(status);
    },
    async recorded(seqs) {
      for (const seq of seqs)
        rows.splice(
          rows.findIndex((r) => r.seq === seq),
          1,
        );
    },
    async attempted(seqs, error) {
      for (const row of rows.filter((r) => seqs.includes(r.seq!))) {
        row.attempts++;
        row.lastError = error;
      }
    },
  };
  return { store, rows, applied, accepted, statuses };
}

const mutationRow = (seq: number, caseId: string, extra: Partial<Row> = {}): Row => ({
  seq,
  kind: 'mutation',
  caseId,
  status: 'pending',
  attempts: 0,
  mutation: note(`m${seq}`, caseId),
  ...extra,
});

const auditRow = (seq: number, caseId: string, action: AuditEvent['action']): Row => ({
  seq,
  kind: 'audit',
  caseId,
  status: 'pending',
  attempts: 0,
  event: { id: `ev${seq}`, at: '2025-06-02T09:00:00.000Z', userId: 'u-demo', caseId, action } as AuditEvent,
});

const PDF = new TextEncoder().encode('%PDF-1.7 Schreiben %%EOF');

const letterRow = (seq: number, caseId: string, extra: Partial<Row> = {}): Row => ({
  seq,
  kind: 'letter',
  caseId,
  status: 'pending',
  attempts: 0,
  meta: {
    id: `l${seq}`,
    caseId,
    recipientPersonId: `p-${caseId}`,
    templateId: 'einladung',
    subject: 'Einladung',
  } as LetterMeta,
  ...extra,
});

/** Stubs for the letter calls of services that never see a letter. */
const noLetters = {
  sendLetter: async (): Promise<never> => {
    throw new Error('no letters expected');
  },
  letterStatus: async (): Promise<never> => {
    throw new Error('no letters expected');
  },
};

/** A service that applies every mutation and accepts every letter, recording what it saw in order. */
function service(
  answer?: (m: Mutation) => MutationResult | Error,
  letter?: (meta: LetterMeta) => LetterAccepted | Error,
) {
  const batches: string[][] = [];
  const calls: string[] = [];
  const api: PushApi = {
    async sendLetter(meta, pdf) {
      calls.push(`letter ${meta.id}`);
      expect(pdf).toEqual(PDF);
      const a = letter?.(meta) ?? { id: meta.id, status: 'accepted', documentId: `dl-${meta.id}` as DocumentId };
      if (a instanceof Error) throw a;
      return a;
    },
    async letterStatus(id) {
      calls.push(`status ${id}`);
      return {
        id: id as LetterId,
        caseId: 'a' as CaseId,
        status: 'dispatched',
        documentId: `dl-${id}` as DocumentId,
        updatedAt: '2025-06-02T09:00:00.000Z',
        version: 3,
      };
    },
    async mutations(mutations) {
      calls.push(`mutations ${mutations.map((m) => m.id).join(',')}`);
      batches.push(mutations.map((m) => m.id));
      const results: MutationResult[] = [];
      for (const m of mutations) {
        const a = answer?.(m) ?? { mutationId: m.id, status: 'applied', version: 1 };
        if (a instanceof Error) throw a;
        results.push(a);
      }
      return { results };
    },
    async audit(events) {
      return { results: events.map((e) => ({ id: e.id, status: 'recorded' as const })) };
    },
  };
  return { api, batches, calls };
}

describe('selectDeliverable', () => {
  it('takes each case’s pending run up to what holds it back, and audit events regardless', () => {
    const rows = [
      mutationRow(1, 'a'),
      mutationRow(2, 'b'),
      mutationRow(3, 'a', { status: 'conflict' }),
      mutationRow(4, 'a'),
      mutationRow(5, 'b', { chained: 1 }),
      mutationRow(6, 'b'),
      mutationRow(7, 'c', { status: 'undeliverable' }),
      mutationRow(8, 'c'),
      { seq: 9, kind: 'audit', caseId: 'a', status: 'pending', attempts: 0 } as Row,
    ];
    expect(selectDeliverable(rows, 100).map((r) => r.seq)).toEqual([1, 2, 8, 9]);
    expect(
      selectDeliverable([mutationRow(1, 'a'), mutationRow(2, 'a'), mutationRow(3, 'a')], 2).map((r) => r.seq),
    ).toEqual([1, 2]);
  });
});

describe('planBatches', () => {
  const items = (n: number, cases: number) =>
    Array.from({ length: n }, (_, k) => ({
      kind: 'mutation' as const,
      seq: k + 1,
      caseId: `c${k % cases}`,
      mutation: note(`m${k + 1}`, `c${k % cases}`),
    }));

  it('keeps each case’s entries together and in order, batches within the limit', () => {
    const batches = planBatches(items(1000, 50));
    expect(batches).toHaveLength(10);
    for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(100);
    for (let c = 0; c < 50; c++) {
      const holding = batches.filter((b) => b.some((i) => i.caseId === `c${c}`));
      expect(holding).toHaveLength(1);
      const seqs = holding[0]!.filter((i) => i.caseId === `c${c}`).map((i) => i.seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    }
  });

  it('splits a case only where its run does not fit, and keeps a batch within the body limit', () => {
    expect(planBatches(items(250, 1)).map((b) => b.length)).toEqual([100, 100, 50]);
    const big = items(10, 1).map((i) => ({
      ...i,
      mutation: { ...i.mutation, data: { ...i.mutation.data, text: 'x'.repeat(20000) } } as Mutation,
    }));
    const batches = planBatches(big, 100, 50_000);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 2, 2, 2]);
  });
});

describe('push', () => {
  it('delivers everything, each case in order, and removes what the service applied', async () => {
    const { store, rows, applied } = memoryStore([mutationRow(1, 'a'), mutationRow(2, 'b'), mutationRow(3, 'a')]);
    const { api, batches } = service();
    expect(await push(store, api)).toEqual({ status: 'done', delivered: 3, changes: 3 });
    expect(rows).toEqual([]);
    expect(applied.map((a) => a.seq)).toEqual([1, 3, 2]);
    expect(batches).toEqual([['m1', 'm3', 'm2']]);
  });

  it('keeps a conflict and a rejection with their reason, and holds later entries of their case back', async () => {
    const { store, rows } = memoryStore([mutationRow(1, 'a'), mutationRow(2, 'b'), mutationRow(3, 'b')]);
    const { api } = service((m) =>
      m.id === 'm1'
        ? { mutationId: m.id, status: 'conflict', current: null }
        : m.id === 'm2'
          ? {
              mutationId: m.id,
              status: 'duplicate',
              first: {
                mutationId: m.id,
                status: 'rejected',
                problem: { type: '/problems/not-found', title: 'Not Found', status: 404 },
              },
            }
          : { mutationId: m.id, status: 'applied', version: 4 },
    );
    expect(await push(store, api)).toEqual({ status: 'done', delivered: 1, changes: 1 });
    expect(rows.map((r) => [r.seq, r.status])).toEqual([
      [1, 'conflict'],
      [2, 'rejected'],
    ]);
    expect(rows[1]!.lastError).toEqual({ code: 'rejected', params: { type: '/problems/not-found', status: 404 } });
  });

  it('on a network error counts the try, keeps every entry and asks to try again; 503 passes Retry-After on', async () => {
    const { store, rows } = memoryStore([mutationRow(1, 'a'), mutationRow(2, 'a')]);
    expect(await push(store, service(() => new NetworkError()).api)).toEqual({
      status: 'retry',
      delivered: 0,
      changes: 0,
      error: { code: 'network' },
    });
    expect(rows.map((r) => [r.seq, r.status, r.attempts])).toEqual([
      [1, 'pending', 1],
      [2, 'pending', 1],
    ]);
    const overloaded = await push(store, service(() => new ServerError(503, undefined, 7000)).api);
    expect(overloaded).toMatchObject({
      status: 'retry',
      retryAfterMs: 7000,
      error: { code: 'server', params: { status: 503 } },
    });
  });

  it('pauses on an expired token without touching the entries', async () => {
    const { store, rows } = memoryStore([mutationRow(1, 'a')]);
    expect(await push(store, service(() => new UnauthorizedError()).api)).toEqual({
      status: 'unauthorized',
      delivered: 0,
      changes: 0,
    });
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('when the service refuses a whole batch, rejects the entry it names and delivers the rest', async () => {
    const { store, rows } = memoryStore([mutationRow(1, 'a'), mutationRow(2, 'b'), mutationRow(3, 'c')]);
    let calls = 0;
    const api: PushApi = {
      ...noLetters,
      async mutations(mutations) {
        calls++;
        if (mutations.length > 1)
          throw new ServerError(400, {
            type: '/problems/validation',
            title: 'Bad Request',
            status: 400,
            errors: [{ path: 'mutations.1.data.text', message: 'zu lang' }],
          });
        return { results: mutations.map((m) => ({ mutationId: m.id, status: 'applied' as const, version: 1 })) };
      },
      audit: async () => ({ results: [] }),
    };
    expect(await push(store, api)).toEqual({ status: 'done', delivered: 2, changes: 2 });
    expect(rows.map((r) => [r.seq, r.status])).toEqual([[2, 'rejected']]);
    expect(calls).toBe(3);
  });

  it('refuses to go round in circles on answers that name no entry sent', async () => {
    const { store, rows } = memoryStore([mutationRow(1, 'a')]);
    const api: PushApi = {
      ...noLetters,
      mutations: async () => ({ results: [{ mutationId: 'someone-else' as never, status: 'applied', version: 1 }] }),
      audit: async () => ({ results: [] }),
    };
    expect(await push(store, api)).toMatchObject({ status: 'retry', error: { code: 'contract' } });
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('counts the changes delivered before a failure, so that the pull still follows them', async () => {
    const { store } = memoryStore([mutationRow(1, 'a'), auditRow(2, 'b', 'case.open')]);
    const api = { ...service().api, audit: () => Promise.reject(new ServerError(503, undefined)) };
    expect(await push(store, api)).toMatchObject({ status: 'retry', delivered: 1, changes: 1 });
  });

  it('delivers audit events beside the changes and removes them once recorded', async () => {
    const { store, rows } = memoryStore([
      mutationRow(1, 'a', { status: 'conflict' }),
      auditRow(2, 'a', 'document.view'),
    ]);
    expect(await push(store, service().api)).toEqual({ status: 'done', delivered: 1, changes: 0 });
    expect(rows.map((r) => r.seq)).toEqual([1]);
  });
});

describe('letters in the outbox', () => {
  it('a letter waits for the earlier entries of its case and holds the later ones back', () => {
    const rows = [
      mutationRow(1, 'a'),
      letterRow(2, 'a'),
      mutationRow(3, 'a'),
      letterRow(4, 'b'),
      mutationRow(5, 'b'),
      letterRow(6, 'c', { status: 'rejected' }),
      mutationRow(7, 'c'),
      letterRow(8, 'd', { status: 'undeliverable' }),
      mutationRow(9, 'd'),
    ];
    expect(selectDeliverable(rows, 100).map((r) => r.seq)).toEqual([1, 4, 9]);
  });

  it('sends each letter as one request in its case’s order and takes it out once accepted', async () => {
    const { store, rows, accepted, statuses } = memoryStore([
      mutationRow(1, 'a'),
      letterRow(2, 'a'),
      mutationRow(3, 'a'),
      letterRow(4, 'b'),
    ]);
    const { api, calls } = service();
    expect(await push(store, api)).toEqual({ status: 'done', delivered: 4, changes: 4 });
    expect(rows).toEqual([]);
    // Case a in order: its change, then the letter, then the change made after the letter.
    const ofA = calls.filter((c) => !c.includes('l4'));
    expect(ofA).toEqual(['mutations m1', 'letter l2', 'mutations m3']);
    expect(calls).toContain('letter l4');
    expect(accepted).toEqual(
      expect.arrayContaining([
        { seq: 2, documentId: 'dl-l2' },
        { seq: 4, documentId: 'dl-l4' },
      ]),
    );
    // The feed held nothing back: no status is asked for.
    expect(statuses).toEqual([]);
  });

  it('a letter refused (the id used for another letter: 422) stays with the reason, and its case waits', async () => {
    const { store, rows } = memoryStore([letterRow(1, 'a'), mutationRow(2, 'a'), mutationRow(3, 'b')]);
    const refused = new ServerError(422, {
      type: '/problems/idempotency-mismatch',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'Diese Briefkennung wurde bereits für ein anderes Schreiben verwendet.',
    });
    expect(await push(store, service(undefined, () => refused).api)).toEqual({
      status: 'done',
      delivered: 1,
      changes: 1,
    });
    expect(rows.map((r) => [r.seq, r.status])).toEqual([
      [1, 'rejected'],
      [2, 'pending'],
    ]);
    expect(rows[0]!.lastError).toEqual({
      code: 'rejected',
      params: {
        type: '/problems/idempotency-mismatch',
        status: 422,
        detail: 'Diese Briefkennung wurde bereits für ein anderes Schreiben verwendet.',
      },
    });
  });

  it('network errors, 5xx and 429 back off like changes, the letter kept and counted', async () => {
    for (const [error, expected] of [
      [new NetworkError(), { status: 'retry', error: { code: 'network' } }],
      [new ServerError(503, undefined, 4000), { status: 'retry', retryAfterMs: 4000 }],
      [new ServerError(429, undefined, 9000), { status: 'retry', retryAfterMs: 9000 }],
    ] as const) {
      const { store, rows } = memoryStore([letterRow(1, 'a')]);
      expect(await push(store, service(undefined, () => error).api)).toMatchObject(expected);
      expect(rows).toMatchObject([{ seq: 1, status: 'pending', attempts: 1 }]);
    }
    const { store, rows } = memoryStore([letterRow(1, 'a')]);
    expect(await push(store, service(undefined, () => new UnauthorizedError()).api)).toEqual({
      status: 'unauthorized',
      delivered: 0,
      changes: 0,
    });
    expect(rows).toMatchObject([{ status: 'pending', attempts: 0 }]);
  });

  it('an answer for another letter is not taken as delivery', async () => {
    const { store, rows } = memoryStore([letterRow(1, 'a')]);
    const other = () => ({ id: 'l99' as LetterId, status: 'accepted' as const, documentId: 'dl-x' as DocumentId });
    expect(await push(store, service(undefined, other).api)).toMatchObject({
      status: 'retry',
      error: { code: 'contract' },
    });
    expect(rows).toMatchObject([{ seq: 1, status: 'pending', attempts: 1 }]);
  });

  it('when the feed met the letter before the answer came, asks the service for its status', async () => {
    const { store, statuses } = memoryStore([letterRow(1, 'a')], { behind: true });
    const { api, calls } = service();
    expect(await push(store, api)).toEqual({ status: 'done', delivered: 1, changes: 1 });
    expect(calls).toEqual(['letter l1', 'status l1']);
    expect(statuses).toMatchObject([{ id: 'l1', status: 'dispatched', version: 3 }]);
  });
});
