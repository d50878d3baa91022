import { describe, expect, it } from 'vitest';
import { mutationBatchResponseSchema, type MutationResult } from '../../src/shared/api/mutations.ts';
import { expectProblem, readFeed, useSignedInServer, type TestServer } from './helpers.ts';

type State = { mutations: Record<string, { seen: number; applied: number }> };

describe('mutations', () => {
  let server: TestServer;
  let token: string;
  const send = async (mutations: unknown[], as = token) => {
    const response = await server.api('/mutations', { method: 'POST', token: as, json: { mutations } });
    expect(response.status).toBe(200);
    return mutationBatchResponseSchema.parse(await response.json()).results;
  };
  const state = async () => (await (await server.admin('/state', 'GET')).json()) as State;
  useSignedInServer((s, t) => {
    server = s;
    token = t;
  });

  it('creates, updates and deletes a note with versions, visible in the feed', async () => {
    const { cursor } = await readFeed(server, token);
    const [created] = await send([
      { id: 'm-1', entity: 'note', op: 'put', caseId: 'c-0001', data: { id: 'n-1', text: 'Erster Vermerk' } },
    ]);
    expect(created).toEqual({ mutationId: 'm-1', status: 'applied', version: 1 });
    const [updated] = await send([
      { id: 'm-2', entity: 'note', op: 'put', caseId: 'c-0001', baseVersion: 1, data: { id: 'n-1', text: 'Geändert' } },
    ]);
    expect(updated).toEqual({ mutationId: 'm-2', status: 'applied', version: 2 });
    const feed = await readFeed(server, token, cursor);
    expect(feed.changes).toHaveLength(1);
    expect(feed.changes[0]).toMatchObject({
      entity: 'note',
      op: 'put',
      id: 'n-1',
      version: 2,
      data: { text: 'Geändert', authorId: 'u-demo', authorName: 'Jana Becker' },
    });
    const [deleted] = await send([
      { id: 'm-3', entity: 'note', op: 'delete', caseId: 'c-0001', baseVersion: 2, data: { id: 'n-1' } },
    ]);
    expect(deleted).toEqual({ mutationId: 'm-3', status: 'applied', version: 3 });
    const after = await readFeed(server, token, feed.cursor);
    expect(after.changes).toEqual([{ entity: 'note', op: 'delete', id: 'n-1', caseId: 'c-0001', version: 3 }]);
  });

  it('applies a replayed mutation once and answers duplicate with the first result', async () => {
    const mutation = {
      id: 'm-replay',
      entity: 'followUp',
      op: 'put',
      caseId: 'c-0002',
      data: { id: 'f-r', dueOn: '2030-01-15', text: 'Unterlagen prüfen', done: false },
    };
    const [first] = await send([mutation]);
    const [second] = await send([mutation]);
    const [third, fourth] = await send([mutation, mutation]);
    expect(first?.status).toBe('applied');
    for (const again of [second, third, fourth])
      expect(again).toEqual({ mutationId: 'm-replay', status: 'duplicate', first });
    expect((await state()).mutations['m-replay']).toMatchObject({ seen: 4, applied: 1 });
  });

  it('rejects the same mutation id with another payload, and from another user', async () => {
    await send([{ id: 'm-key', entity: 'note', op: 'put', caseId: 'c-0002', data: { id: 'n-key', text: 'A' } }]);
    const [other] = await send([
      { id: 'm-key', entity: 'note', op: 'put', caseId: 'c-0002', data: { id: 'n-key', text: 'B' } },
    ]);
    expect(other).toMatchObject({
      status: 'rejected',
      problem: { status: 422, type: '/problems/idempotency-key-reused' },
    });
    const demo2 = await server.login('demo2');
    const [foreign] = await send(
      [{ id: 'm-key', entity: 'note', op: 'put', caseId: 'c-0002', data: { id: 'n-key', text: 'A' } }],
      demo2,
    );
    expect(foreign?.status).toBe('rejected');
    expect((await state()).mutations['m-key']).toMatchObject({ seen: 1, applied: 1 });
  });

  it('answers conflict with the current entity when the base version is old, and for a create over an existing entity', async () => {
    await send([{ id: 'm-c1', entity: 'note', op: 'put', caseId: 'c-0004', data: { id: 'n-c', text: 'v1' } }]);
    await send([
      { id: 'm-c2', entity: 'note', op: 'put', caseId: 'c-0004', baseVersion: 1, data: { id: 'n-c', text: 'v2' } },
    ]);
    const [stale] = await send([
      { id: 'm-c3', entity: 'note', op: 'put', caseId: 'c-0004', baseVersion: 1, data: { id: 'n-c', text: 'mine' } },
    ]);
    expect(stale).toMatchObject({ status: 'conflict', current: { id: 'n-c', text: 'v2', version: 2 } });
    const [create] = await send([
      { id: 'm-c4', entity: 'note', op: 'put', caseId: 'c-0004', data: { id: 'n-c', text: 'again' } },
    ]);
    expect(create).toMatchObject({ status: 'conflict', current: { version: 2 } });
    const [future] = await send([
      { id: 'm-c5', entity: 'note', op: 'put', caseId: 'c-0004', baseVersion: 9, data: { id: 'n-c', text: 'x' } },
    ]);
    expect(future).toMatchObject({ status: 'rejected', problem: { status: 422 } });
    const [gone] = await send([
      { id: 'm-c6', entity: 'note', op: 'put', caseId: 'c-0004', baseVersion: 1, data: { id: 'n-none', text: 'x' } },
    ]);
    expect(gone).toEqual({ mutationId: 'm-c6', status: 'conflict', current: null });
    expect((await state()).mutations['m-c3']).toMatchObject({ seen: 1, applied: 0 });
  });

  it('serialises concurrent batches for one case: one update wins, the others conflict', async () => {
    await send([{ id: 'm-s0', entity: 'note', op: 'put', caseId: 'c-0005', data: { id: 'n-s', text: 'start' } }]);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        send([
          {
            id: `m-s${i + 1}`,
            entity: 'note',
            op: 'put',
            caseId: 'c-0005',
            baseVersion: 1,
            data: { id: 'n-s', text: `Bearbeitung ${i}` },
          },
        ]),
      ),
    );
    const statuses = results.map((r) => (r[0] as MutationResult).status).sort();
    expect(statuses.filter((s) => s === 'applied')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'conflict')).toHaveLength(7);
  });

  it('sets the inbox status of a document, annotates it, and refuses annotations on foreign documents', async () => {
    const { changes } = await readFeed(server, token);
    const doc = changes.find((c) => c['entity'] === 'document' && c['caseId'] === 'c-0001')?.['data'] as {
      id: string;
      version: number;
      pageCount: number;
    };
    const [read] = await send([
      { id: 'm-d1', entity: 'document', op: 'put', caseId: 'c-0001', data: { id: doc.id, status: 'read' } },
    ]);
    expect(read).toMatchObject({ status: 'applied', version: doc.version + 1 });
    const annotation = {
      id: 'a-new',
      documentId: doc.id,
      page: 1,
      rect: { x: 10, y: 20, width: 100, height: 15 },
      kind: 'highlight',
    };
    const [annotated] = await send([
      { id: 'm-a1', entity: 'annotation', op: 'put', caseId: 'c-0001', data: annotation },
    ]);
    expect(annotated?.status).toBe('applied');
    const [badPage] = await send([
      {
        id: 'm-a2',
        entity: 'annotation',
        op: 'put',
        caseId: 'c-0001',
        data: { ...annotation, id: 'a-2', page: doc.pageCount + 1 },
      },
    ]);
    expect(badPage?.status).toBe('rejected');
    const [otherCase] = await send([
      { id: 'm-a3', entity: 'annotation', op: 'put', caseId: 'c-0002', data: { ...annotation, id: 'a-3' } },
    ]);
    expect(otherCase?.status).toBe('rejected');
    const [noDoc] = await send([
      { id: 'm-d2', entity: 'document', op: 'put', caseId: 'c-0001', data: { id: 'd-unknown', status: 'read' } },
    ]);
    expect(noDoc).toMatchObject({ status: 'rejected', problem: { status: 404 } });
  });

  it('rejects mutations on cases not assigned with 404 semantics and writes nothing', async () => {
    const [result] = await send([
      { id: 'm-foreign', entity: 'note', op: 'put', caseId: 'c-0009', data: { id: 'n-foreign', text: 'x' } },
    ]);
    expect(result).toMatchObject({ status: 'rejected', problem: { status: 404 } });
    const demo2 = await server.login('demo2');
    const feed = await readFeed(server, demo2);
    expect(feed.changes.some((c) => c['id'] === 'n-foreign')).toBe(false);
  });

  it('applies a mutation whose answer is lost to a reset exactly once; the retry is a duplicate', async () => {
    await server.admin('/faults', 'POST', { resetRate: 1, resetAfterBytes: 5, pathPrefix: '/api/v1/mutations' });
    const mutation = {
      id: 'm-lost',
      entity: 'note',
      op: 'put',
      caseId: 'c-0006',
      data: { id: 'n-lost', text: 'Antwort geht verloren' },
    };
    await expect(
      server.api('/mutations', { method: 'POST', token, json: { mutations: [mutation] } }).then((r) => r.text()),
    ).rejects.toThrow();
    await server.admin('/faults', 'POST', {});
    const [retry] = await send([mutation]);
    expect(retry).toMatchObject({ status: 'duplicate', first: { status: 'applied', version: 1 } });
    expect((await state()).mutations['m-lost']).toMatchObject({ seen: 2, applied: 1 });
  });

  it('refuses a batch over the limit or with one invalid entry as a whole, with nothing written', async () => {
    const many = Array.from({ length: 101 }, (_, i) => ({
      id: `m-many-${i}`,
      entity: 'note',
      op: 'put',
      caseId: 'c-0001',
      data: { id: `n-many-${i}`, text: 'x' },
    }));
    await expectProblem(await server.api('/mutations', { method: 'POST', token, json: { mutations: many } }), 400);
    const mixed = [many[0], { ...many[1], data: { id: 'n-bad', text: 42 } }];
    const problem = await expectProblem(
      await server.api('/mutations', { method: 'POST', token, json: { mutations: mixed } }),
      400,
    );
    expect(problem['errors']).toBeDefined();
    const counts = (await state()).mutations;
    expect(Object.keys(counts).some((id) => id.startsWith('m-many-'))).toBe(false);
  });
});
