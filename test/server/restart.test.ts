import { afterAll, describe, expect, it } from 'vitest';
import { readFeed, removeDir, startTestServer, type TestServer } from './helpers.ts';

describe('restart', () => {
  let server: TestServer;
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('keeps users, entities, cursors, idempotency records and PDF bytes across a restart', async () => {
    server = await startTestServer();
    let token = await server.login();
    await server.api('/mutations', {
      method: 'POST',
      token,
      json: {
        mutations: [
          { id: 'm-keep', entity: 'note', op: 'put', caseId: 'c-0001', data: { id: 'n-keep', text: 'bleibt' } },
        ],
      },
    });
    const before = await readFeed(server, token);
    const doc = before.changes.find((c) => c['entity'] === 'document')?.['data'] as { id: string };
    const bytes = new Uint8Array(await (await server.api(`/documents/${doc.id}/content`, { token })).arrayBuffer());

    server = await server.restart();
    expect(server.handle.seeded).toBeUndefined();
    const oldTokenStillValid = await server.api('/me', { token });
    expect(oldTokenStillValid.status).toBe(200);
    token = await server.login();
    const after = await readFeed(server, token);
    expect(after.changes).toEqual(before.changes);
    expect((await readFeed(server, token, before.cursor)).changes).toEqual([]);
    const again = await server.api('/mutations', {
      method: 'POST',
      token,
      json: {
        mutations: [
          { id: 'm-keep', entity: 'note', op: 'put', caseId: 'c-0001', data: { id: 'n-keep', text: 'bleibt' } },
        ],
      },
    });
    expect(((await again.json()) as { results: { status: string }[] }).results[0]?.status).toBe('duplicate');
    expect(new Uint8Array(await (await server.api(`/documents/${doc.id}/content`, { token })).arrayBuffer())).toEqual(
      bytes,
    );
  });
});
