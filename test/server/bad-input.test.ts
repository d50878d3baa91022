import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectProblem, readFeed, useSignedInServer, type TestServer } from './helpers.ts';

/** Everything the server holds that a bad request could change. */
async function snapshot(server: TestServer, token: string) {
  const state: unknown = await (await server.admin('/state', 'GET')).json();
  const feed = await readFeed(server, token);
  return { state, feed: feed.changes };
}

describe('bad input', () => {
  let server: TestServer;
  let token: string;
  useSignedInServer((s, t) => {
    server = s;
    token = t;
  });

  it('answers malformed JSON, wrong types, unknown fields, oversized bodies and path ids with 4xx problems, writing nothing', async () => {
    const before = await snapshot(server, token);
    const raw = (path: string, body: string, type = 'application/json') =>
      server.api(path, { method: 'POST', token, headers: { 'content-type': type }, body });
    await expectProblem(await raw('/mutations', '{"mutations": ['), 400);
    await expectProblem(await raw('/mutations', ''), 400);
    await expectProblem(await raw('/mutations', '{"__proto__": {"x": 1}, "mutations": []}'), 400);
    await expectProblem(await raw('/mutations', 'mutations=1', 'text/plain'), 415);
    await expectProblem(await raw('/mutations', JSON.stringify({ mutations: 'alle' })), 400);
    await expectProblem(await raw('/mutations', JSON.stringify({ mutations: [{ id: 1 }] })), 400);
    await expectProblem(
      await raw(
        '/mutations',
        JSON.stringify({
          mutations: [{ id: 'm-x', entity: 'note', op: 'put', caseId: 'c-0001', data: { id: 'n-x', text: 'x' } }],
          extra: true,
        }),
      ),
      400,
    );
    await expectProblem(
      await raw(
        '/mutations',
        JSON.stringify({
          mutations: [{ id: 'm-y', entity: 'note', op: 'put', caseId: '../c-0001', data: { id: 'n-y', text: 'x' } }],
        }),
      ),
      400,
    );
    await expectProblem(
      await raw(
        '/mutations',
        JSON.stringify({
          mutations: [{ id: 'm-z', entity: 'note', op: 'put', caseId: 'c-0001', data: { id: 'a/b', text: 'x' } }],
        }),
      ),
      400,
    );
    await expectProblem(
      await raw(
        '/mutations',
        JSON.stringify({
          mutations: [{ id: 'm-w', entity: 'case', op: 'put', caseId: 'c-0001', data: { id: 'c-0001' } }],
        }),
      ),
      400,
    );
    const huge = JSON.stringify({
      mutations: [
        {
          id: 'm-big',
          entity: 'note',
          op: 'put',
          caseId: 'c-0001',
          data: { id: 'n-big', text: 'x'.repeat(2_000_000) },
        },
      ],
    });
    await expectProblem(await raw('/mutations', huge), 413);
    await expectProblem(
      await raw('/auth/login', JSON.stringify({ username: 'demo', password: 'demo', remember: true })),
      400,
    );
    await expectProblem(await raw('/auth/login', JSON.stringify({ username: 42, password: 'demo' })), 400);
    await expectProblem(await raw('/audit', JSON.stringify({ events: [{ id: 'e-1' }] })), 400);
    await expectProblem(await server.api('/letters/..%2Fx', { token }), 400);
    expect(await snapshot(server, token)).toEqual(before);
  });

  it('never answers 500 to thousands of generated bodies at any endpoint', { timeout: 60_000 }, async () => {
    const paths = ['/auth/login', '/mutations', '/audit', '/letters'] as const;
    const idLike = fc.oneof(
      fc.constantFrom('c-0001', 'n-1', 'd-0001-001', '../x', '', 'a/b', 'x'.repeat(80)),
      fc.string(),
    );
    const mutationLike = fc.record(
      {
        id: idLike,
        entity: fc.constantFrom('note', 'annotation', 'followUp', 'document', 'case', 'x'),
        op: fc.constantFrom('put', 'delete', 'revoke'),
        caseId: idLike,
        baseVersion: fc.oneof(fc.integer(), fc.double(), fc.string()),
        data: fc.oneof(
          fc.object(),
          fc.record(
            {
              id: idLike,
              text: fc.string(),
              status: fc.string(),
              page: fc.integer(),
              dueOn: fc.string(),
              done: fc.boolean(),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.json(),
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify({ mutations: v })),
      fc.array(mutationLike, { maxLength: 4 }).map((m) => JSON.stringify({ mutations: m })),
      fc
        .array(
          fc.record(
            { id: idLike, at: fc.string(), userId: idLike, caseId: idLike, action: fc.string() },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        )
        .map((e) => JSON.stringify({ events: e })),
      fc
        .record({ username: fc.oneof(fc.string(), fc.integer()), password: fc.string() }, { requiredKeys: [] })
        .map((b) => JSON.stringify(b)),
    );
    const contentType = fc.constantFrom(
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      '',
    );
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), body, contentType, async (path, text, type) => {
        const headers: Record<string, string> = { authorization: `Bearer ${token}` };
        if (type !== '') headers['content-type'] = type;
        const response = await fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers, body: text });
        requests += 1;
        const answer = await response.text();
        if (response.status >= 500)
          throw new Error(`${response.status} for ${path} ${type}: ${text.slice(0, 200)} → ${answer}`);
        if (response.status >= 400) expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 3000, seed: 20250602 },
    );
    const queries = fc.dictionary(fc.constantFrom('cursor', 'limit', 'x'), fc.string(), { maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(queries, fc.string(), async (query, id) => {
        const changes = await server.api(`/changes?${new URLSearchParams(query)}`, { token });
        await changes.arrayBuffer();
        const content = await server.api(`/documents/${encodeURIComponent(id)}/content`, {
          token,
          headers: { range: `bytes=${id}` },
        });
        await content.arrayBuffer();
        requests += 2;
        expect(changes.status).toBeLessThan(500);
        expect(content.status).toBeLessThan(500);
      }),
      { numRuns: 500, seed: 7 },
    );
    expect(requests).toBeGreaterThanOrEqual(4000);
  });
});
