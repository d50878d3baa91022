import { describe, expect, it } from 'vitest';
import { changesResponseSchema, type Change } from '../../src/shared/api/changes.ts';
import { expectProblem, readFeed, useSignedInServer, type TestServer } from './helpers.ts';

type Row = Record<string, unknown>;
const caseIdsOf = (changes: Row[]) => new Set(changes.map((c) => String(c['caseId'] ?? c['id'])));

describe('change feed', () => {
  let server: TestServer;
  let token: string;
  useSignedInServer((s, t) => {
    server = s;
    token = t;
  });

  it('starts with a snapshot of exactly the assigned cases, every page valid under the contract', async () => {
    const response = await server.api('/changes?limit=1000', { token });
    const page = changesResponseSchema.parse(await response.json());
    const me = (await (await server.api('/me', { token })).json()) as { caseIds: string[] };
    const cases = page.changes.filter((c) => c.entity === 'case').map((c) => c.id);
    expect(new Set(cases)).toEqual(new Set(me.caseIds));
    expect([...caseIdsOf(page.changes as Row[])].every((id) => me.caseIds.includes(id))).toBe(true);
    expect(page.changes.some((c) => c.entity === 'document')).toBe(true);
    expect(page.changes.some((c) => c.entity === 'person')).toBe(true);
  });

  it('pages without gaps or duplicates while changes arrive between pages', async () => {
    const full = await readFeed(server, token);
    const expected = new Map(full.changes.map((c) => [`${String(c['entity'])}:${String(c['id'])}`, c['version']]));
    const seen = new Map<string, number>();
    const versions = new Set<string>();
    let cursor: string | undefined;
    let round = 0;
    for (;;) {
      const query = new URLSearchParams({ limit: '7', ...(cursor ? { cursor } : {}) });
      const page = changesResponseSchema.parse(await (await server.api(`/changes?${query}`, { token })).json());
      for (const change of page.changes) {
        if (change.op === 'revoke') continue;
        const key = `${change.entity}:${change.id}:${change.version}`;
        expect(versions.has(key), key).toBe(false);
        versions.add(key);
        seen.set(`${change.entity}:${change.id}`, change.version);
      }
      cursor = page.cursor;
      if (!page.hasMore) break;
      // A colleague writes between pages: a new note, and an update to one already delivered.
      round += 1;
      const result = await server.api('/mutations', {
        method: 'POST',
        token,
        json: {
          mutations: [
            {
              id: `m-page-${round}`,
              entity: 'note',
              op: 'put',
              caseId: 'c-0001',
              data: { id: `n-page-${round}`, text: `Runde ${round}` },
            },
          ],
        },
      });
      expect(result.status).toBe(200);
      expected.set(`note:n-page-${round}`, 1);
    }
    for (const [key, version] of expected) expect(seen.get(key), key).toBeGreaterThanOrEqual(version as number);
    expect(round).toBeGreaterThan(2);
  });

  it('hands back only what changed after a cursor, and the same cursor when nothing did', async () => {
    const { cursor } = await readFeed(server, token);
    const idle = (await (await server.api(`/changes?cursor=${cursor}`, { token })).json()) as {
      changes: Change[];
      cursor: string;
    };
    expect(idle.changes).toEqual([]);
    expect(idle.cursor).toBe(cursor);
    await server.api('/mutations', {
      method: 'POST',
      token,
      json: {
        mutations: [
          { id: 'm-after', entity: 'note', op: 'put', caseId: 'c-0002', data: { id: 'n-after', text: 'neu' } },
        ],
      },
    });
    const next = await readFeed(server, token, cursor);
    expect(next.changes.map((c) => c['id'])).toEqual(['n-after']);
  });

  it('revokes a case that leaves the assignment and brings a newly assigned case in full', async () => {
    const { cursor } = await readFeed(server, token);
    expect((await server.admin('/assignments', 'DELETE', { userId: 'u-demo', caseId: 'c-0003' })).status).toBe(204);
    expect(
      (
        await server.admin('/assignments', 'POST', {
          userId: 'u-demo',
          caseId: 'c-0009',
          role: 'substitute',
          until: new Date(Date.now() + 3_600_000).toISOString(),
        })
      ).status,
    ).toBe(200);
    const after = await readFeed(server, token, cursor);
    expect(after.changes).toContainEqual({ entity: 'case', op: 'revoke', id: 'c-0003' });
    expect(after.changes.filter((c) => c['caseId'] === 'c-0003')).toEqual([]);
    const newCase = after.changes.filter((c) => c['caseId'] === 'c-0009');
    expect(newCase.some((c) => c['entity'] === 'case')).toBe(true);
    expect(newCase.some((c) => c['entity'] === 'document')).toBe(true);
    // demo2's case was invisible before: its content answers 404 for demo until assigned.
    const again = await readFeed(server, token, after.cursor);
    expect(again.changes).toEqual([]);
  });

  it('revokes a substitution when its validity ends', async () => {
    const { cursor } = await readFeed(server, token);
    await server.admin('/assignments', 'POST', {
      userId: 'u-demo',
      caseId: 'c-0010',
      role: 'substitute',
      until: new Date(Date.now() + 400).toISOString(),
    });
    const during = await readFeed(server, token, cursor);
    expect(during.changes.some((c) => c['caseId'] === 'c-0010')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 450));
    const after = await readFeed(server, token, during.cursor);
    expect(after.changes).toEqual([{ entity: 'case', op: 'revoke', id: 'c-0010' }]);
  });

  it('answers 410 for an unknown cursor and for every cursor after a reset', async () => {
    await expectProblem(await server.api('/changes?cursor=unknownCursor123', { token }), 410);
    const { cursor } = await readFeed(server, token);
    expect((await server.admin('/reset-cursors')).status).toBe(200);
    await expectProblem(await server.api(`/changes?cursor=${cursor}`, { token }), 410);
  });

  it('does not accept another user’s cursor', async () => {
    const { cursor } = await readFeed(server, token);
    const other = await server.login('demo2');
    await expectProblem(await server.api(`/changes?cursor=${cursor}`, { token: other }), 410);
  });

  it('refuses bad query parameters with 400', async () => {
    for (const query of ['limit=0', 'limit=abc', 'limit=100000', 'cursor=../x', 'foo=1', 'limit=1&limit=2']) {
      await expectProblem(await server.api(`/changes?${query}`, { token }), 400);
    }
  });

  it('serves one malformed body on request, then the sound feed again', async () => {
    await server.admin('/faults', 'POST', { malformedFeed: true });
    const bad: unknown = await (await server.api('/changes', { token })).json();
    expect(changesResponseSchema.safeParse(bad).success).toBe(false);
    const good: unknown = await (await server.api('/changes', { token })).json();
    expect(changesResponseSchema.safeParse(good).success).toBe(true);
  });
});
