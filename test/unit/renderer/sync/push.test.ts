/**
 * Push over an in-memory outbox and a scripted service: order per case, batching, what each answer
 * does to an entry, and that a failure never loses or reorders anything.
 */
import { describe, expect, it } from 'vitest';
import type { Mutation, MutationResult } from '../../../../src/shared/api/mutations.ts';
import type { AuditEvent } from '../../../../src/shared/domain/audit.ts';
import type { OutboxError, OutboxRecord } from '../../../../src/renderer/data/records.ts';
import { selectDeliverable } from '../../../../src/renderer/data/repos/outbox-store.ts';
import { NetworkError, ServerError, UnauthorizedError } from '../../../../src/renderer/sync/api-errors.ts';
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
function memoryStore(rows: Row[]) {
  const applied: { seq: number; version: number }[] = [];
  const store: OutboxStore = {
    async deliverable(perCase) {
      return selectDeliverable(
        rows.filter((r) => r.status !== ('gone' as never)),
        perCase,
      ).map((r): Deliverable =>
        r.kind === 'audit'
          ? { kind: 'audit', seq: r.seq!, event: r.event! }
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
  return { store, rows, applied };
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

/** A service that applies every mutation, recording the batches it saw. */
function service(answer?: (m: Mutation) => MutationResult | Error) {
  const batches: string[][] = [];
  const api: PushApi = {
    async mutations(mutations) {
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
  return { api, batches };
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
    expect(await push(store, api)).toEqual({ status: 'done', delivered: 3 });
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
    expect(await push(store, api)).toEqual({ status: 'done', delivered: 1 });
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
    });
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('when the service refuses a whole batch, rejects the entry it names and delivers the rest', async () => {
    const { store, rows } = memoryStore([mutationRow(1, 'a'), mutationRow(2, 'b'), mutationRow(3, 'c')]);
    let calls = 0;
    const api: PushApi = {
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
    expect(await push(store, api)).toEqual({ status: 'done', delivered: 2 });
    expect(rows.map((r) => [r.seq, r.status])).toEqual([[2, 'rejected']]);
    expect(calls).toBe(3);
  });

  it('refuses to go round in circles on answers that name no entry sent', async () => {
    const { store, rows } = memoryStore([mutationRow(1, 'a')]);
    const api: PushApi = {
      mutations: async () => ({ results: [{ mutationId: 'someone-else' as never, status: 'applied', version: 1 }] }),
      audit: async () => ({ results: [] }),
    };
    expect(await push(store, api)).toMatchObject({ status: 'retry', error: { code: 'contract' } });
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('delivers audit events beside the changes and removes them once recorded', async () => {
    const event = {
      id: 'ev1',
      at: '2025-06-02T09:00:00.000Z',
      userId: 'u-demo',
      caseId: 'a',
      action: 'document.view',
    } as AuditEvent;
    const { store, rows } = memoryStore([
      mutationRow(1, 'a', { status: 'conflict' }),
      { seq: 2, kind: 'audit', caseId: 'a', status: 'pending', attempts: 0, event },
    ]);
    expect(await push(store, service().api)).toEqual({ status: 'done', delivered: 1 });
    expect(rows.map((r) => r.seq)).toEqual([1]);
  });
});
