import { describe, expect, it } from 'vitest';
import { auditBatchResponseSchema } from '../../src/shared/api/audit.ts';
import { expectProblem, useSignedInServer, type TestServer } from './helpers.ts';

describe('audit', () => {
  let server: TestServer;
  let token: string;
  const event = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    at: '2025-06-02T10:00:00.000Z',
    userId: 'u-demo',
    caseId: 'c-0001',
    documentId: 'd-0001-001',
    action: 'document.view',
    ...extra,
  });
  useSignedInServer((s, t) => {
    server = s;
    token = t;
  });

  it('records events once by id, also for cases no longer assigned', async () => {
    const send = async (events: unknown[]) =>
      auditBatchResponseSchema.parse(
        await (await server.api('/audit', { method: 'POST', token, json: { events } })).json(),
      ).results;
    expect(await send([event('e-1'), event('e-2', { caseId: 'c-0009', documentId: undefined })])).toEqual([
      { id: 'e-1', status: 'recorded' },
      { id: 'e-2', status: 'recorded' },
    ]);
    expect(await send([event('e-1')])).toEqual([{ id: 'e-1', status: 'duplicate' }]);
    const [mismatch] = await send([event('e-1', { action: 'document.print' })]);
    expect(mismatch).toMatchObject({ status: 'rejected', problem: { status: 422 } });
    const [foreign] = await send([event('e-3', { userId: 'u-demo2' })]);
    expect(foreign?.status).toBe('rejected');
    const state = (await (await server.admin('/state', 'GET')).json()) as { audit: Record<string, unknown> };
    expect(state.audit).toEqual({ 'e-1': { seen: 2, applied: 1, order: 1 }, 'e-2': { seen: 1, applied: 1, order: 2 } });
  });

  it('refuses bad batches as a whole', async () => {
    await expectProblem(await server.api('/audit', { method: 'POST', token, json: { events: [] } }), 400);
    await expectProblem(
      await server.api('/audit', {
        method: 'POST',
        token,
        json: { events: [event('e-4', { action: 'document.delete' })] },
      }),
      400,
    );
    const many = Array.from({ length: 501 }, (_, i) => event(`e-many-${i}`));
    await expectProblem(await server.api('/audit', { method: 'POST', token, json: { events: many } }), 400);
  });
});
