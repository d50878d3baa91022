/**
 * The data protection officer's audit trail of a case (`GET /audit?caseId=`), over HTTP: only
 * for role `dpo`, any case, exactly the views the client reported and the changes the service
 * applied, each with user and time; the query itself is recorded too.
 */
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseAuditResponseSchema, type CaseAuditEntry } from '../../src/shared/api/audit.ts';
import { meResponseSchema } from '../../src/shared/api/auth.ts';
import { mutationBatchResponseSchema } from '../../src/shared/api/mutations.ts';
import { makeScannedPdf } from '../../server/demo/scanned-pdf.ts';
import { SCHEMA_VERSION } from '../../server/store/schema.ts';
import { expectProblem, readFeed, removeDir, startTestServer, type TestServer } from './helpers.ts';

describe('audit trail of a case for the data protection officer', () => {
  let server: TestServer;
  let caseworker: string;
  let dpo: string;
  beforeAll(async () => {
    server = await startTestServer();
    caseworker = await server.login('demo', 'demo');
    dpo = await server.login('dsb', 'demo');
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  const trail = async (caseId: string, token = dpo) => {
    const response = await server.api(`/audit?caseId=${caseId}`, { token });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    return caseAuditResponseSchema.parse(await response.json());
  };
  const mutate = async (mutations: unknown[], token = caseworker) => {
    const response = await server.api('/mutations', { method: 'POST', token, json: { mutations } });
    return mutationBatchResponseSchema.parse(await response.json()).results.map((r) => r.status);
  };
  const withoutTimes = (events: readonly CaseAuditEntry[]) => events.map(({ at: _at, ...rest }) => rest);

  it('is there for role dpo only: 401 without sign-in, 403 for a case worker, 400 without a case id', async () => {
    await expectProblem(await server.api('/audit?caseId=c-0001'), 401);
    const refused = await expectProblem(await server.api('/audit?caseId=c-0001', { token: caseworker }), 403);
    expect(refused['type']).toBe('/problems/forbidden');
    // Also for cases that do not exist: a case worker learns nothing about which cases there are.
    await expectProblem(await server.api('/audit?caseId=c-9999', { token: caseworker }), 403);
    await expectProblem(await server.api('/audit', { token: dpo }), 400);
    await expectProblem(await server.api('/audit?caseId=..%2Fx', { token: dpo }), 400);
    await expectProblem(await server.api('/audit?caseId=c-0001&userId=u-demo', { token: dpo }), 400);
  });

  it('answers 404 for a case that does not exist', async () => {
    await expectProblem(await server.api('/audit?caseId=c-9999', { token: dpo }), 404);
  });

  it('the demo DPO has no cases of her own and sees none in the feed', async () => {
    const me = meResponseSchema.parse(await (await server.api('/me', { token: dpo })).json());
    expect(me.user).toEqual({ id: 'u-dsb', username: 'dsb', displayName: 'Dr. Petra Schulz', roles: ['dpo'] });
    expect(me.caseIds).toEqual([]);
    expect((await readFeed(server, dpo)).changes).toEqual([]);
  });

  it('lists exactly the views reported and the changes applied, with user and time, oldest first', async () => {
    const opened = new Date(Date.now() - 120_000).toISOString();
    const viewed = new Date(Date.now() - 60_000).toISOString();
    const events = [
      { id: 'ev-open', at: opened, userId: 'u-demo', caseId: 'c-0003', action: 'case.open' },
      {
        id: 'ev-view',
        at: viewed,
        userId: 'u-demo',
        caseId: 'c-0003',
        documentId: 'd-0003-001',
        action: 'document.view',
      },
      { id: 'ev-elsewhere', at: viewed, userId: 'u-demo', caseId: 'c-0004', action: 'case.open' },
    ];
    const recorded = await server.api('/audit', { method: 'POST', token: caseworker, json: { events } });
    expect(recorded.status).toBe(200);
    // A replay is recorded once.
    await server.api('/audit', { method: 'POST', token: caseworker, json: { events: events.slice(0, 1) } });

    const before = Date.now();
    const note = { id: 'n-audit', text: 'Telefonat mit Frau K.' };
    expect(
      await mutate([
        { id: 'm-a1', entity: 'note', op: 'put', caseId: 'c-0003', data: note },
        { id: 'm-a2', entity: 'note', op: 'put', caseId: 'c-0003', baseVersion: 1, data: { ...note, text: 'Neu' } },
        { id: 'm-a3', entity: 'document', op: 'put', caseId: 'c-0003', data: { id: 'd-0003-001', status: 'read' } },
        {
          id: 'm-a4',
          entity: 'annotation',
          op: 'put',
          caseId: 'c-0003',
          data: {
            id: 'a-audit',
            documentId: 'd-0003-001',
            page: 1,
            rect: { x: 10, y: 10, width: 100, height: 20 },
            kind: 'highlight',
          },
        },
        { id: 'm-a5', entity: 'note', op: 'delete', caseId: 'c-0003', baseVersion: 2, data: { id: 'n-audit' } },
        // Neither a conflict, a rejection, a replay nor a change in another case belongs in the trail.
        { id: 'm-a6', entity: 'note', op: 'put', caseId: 'c-0003', baseVersion: 1, data: { ...note, text: 'Alt' } },
        { id: 'm-a7', entity: 'note', op: 'put', caseId: 'c-0009', data: { id: 'n-foreign', text: 'x' } },
        { id: 'm-a1', entity: 'note', op: 'put', caseId: 'c-0003', data: note },
        { id: 'm-a8', entity: 'note', op: 'put', caseId: 'c-0004', data: { id: 'n-other', text: 'andere Akte' } },
      ]),
    ).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'conflict', 'rejected', 'duplicate', 'applied']);

    const { changes } = await readFeed(server, caseworker);
    const recipient = changes.find((c) => c['entity'] === 'person' && c['caseId'] === 'c-0003');
    const form = new FormData();
    form.append(
      'meta',
      JSON.stringify({
        id: 'l-audit',
        caseId: 'c-0003',
        recipientPersonId: recipient?.['id'],
        templateId: 'einladung-v2',
        subject: 'Einladung',
      }),
    );
    const pdf = makeScannedPdf({ seed: 5, pages: 1, title: 'Einladung', pageWidthPx: 120, poolSize: 1 });
    form.append('pdf', new Blob([pdf as BlobPart], { type: 'application/pdf' }), 'einladung.pdf');
    const letter = await server.api('/letters', { method: 'POST', token: caseworker, body: form });
    expect(letter.status).toBe(201);
    const { documentId } = (await letter.json()) as { documentId: string };

    const result = await trail('c-0003');
    const after = Date.now();
    expect(result.caseId).toBe('c-0003');
    const worker = { userId: 'u-demo', displayName: 'Jana Becker' };
    expect(withoutTimes(result.events)).toEqual([
      { ...worker, recordedBy: 'client', action: 'case.open' },
      { ...worker, recordedBy: 'client', action: 'document.view', documentId: 'd-0003-001' },
      { ...worker, recordedBy: 'service', action: 'entity.create', entity: 'note', entityId: 'n-audit', version: 1 },
      { ...worker, recordedBy: 'service', action: 'entity.update', entity: 'note', entityId: 'n-audit', version: 2 },
      {
        ...worker,
        recordedBy: 'service',
        action: 'entity.update',
        entity: 'document',
        entityId: 'd-0003-001',
        documentId: 'd-0003-001',
        version: 2,
      },
      {
        ...worker,
        recordedBy: 'service',
        action: 'entity.create',
        entity: 'annotation',
        entityId: 'a-audit',
        documentId: 'd-0003-001',
        version: 1,
      },
      { ...worker, recordedBy: 'service', action: 'entity.delete', entity: 'note', entityId: 'n-audit', version: 3 },
      {
        ...worker,
        recordedBy: 'service',
        action: 'letter.accept',
        entity: 'letter',
        entityId: 'l-audit',
        documentId,
        version: 1,
      },
      { userId: 'u-dsb', displayName: 'Dr. Petra Schulz', recordedBy: 'service', action: 'case.audit-read' },
    ]);
    const [open, view, ...applied] = result.events;
    expect(open?.at).toBe(opened);
    expect(view?.at).toBe(viewed);
    for (const event of applied) {
      expect(Date.parse(event.at)).toBeGreaterThanOrEqual(before - 1);
      expect(Date.parse(event.at)).toBeLessThanOrEqual(after + 1);
    }
  });

  it('records every reading of the trail, and shows any case without an assignment', async () => {
    const first = await trail('c-0005');
    const second = await trail('c-0005');
    expect(first.events.filter((e) => e.action === 'case.audit-read')).toHaveLength(1);
    expect(second.events.filter((e) => e.action === 'case.audit-read' && e.userId === 'u-dsb')).toHaveLength(2);
    // A case of demo2, whom the DPO is not assigned to either.
    const foreign = await trail('c-0009');
    expect(foreign.events.map((e) => e.action)).toEqual(['case.audit-read']);
  });
});

describe('audit trail in a data folder of schema version 1', () => {
  it('is added when the folder is opened, and the folder works as before', async () => {
    let server = await startTestServer();
    const token = await server.login();
    await server.stop();
    // Turn the folder back into what a version-1 server left behind.
    const db = new DatabaseSync(join(server.dataDir, 'e-akte.sqlite'));
    db.exec("DROP TABLE case_activity; UPDATE meta SET value = '1' WHERE key = 'schemaVersion'");
    db.close();

    server = await server.restart();
    try {
      expect((await server.api('/me', { token })).status).toBe(200);
      const mutations = [{ id: 'm-v1', entity: 'note', op: 'put', caseId: 'c-0001', data: { id: 'n-v1', text: 'x' } }];
      expect((await server.api('/mutations', { method: 'POST', token, json: { mutations } })).status).toBe(200);
      const dpo = await server.login('dsb', 'demo');
      const result = caseAuditResponseSchema.parse(
        await (await server.api('/audit?caseId=c-0001', { token: dpo })).json(),
      );
      expect(result.events.map((e) => e.action)).toEqual(['entity.create', 'case.audit-read']);
      const version = server.handle.context.db.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").get() as {
        value: string;
      };
      expect(version.value).toBe(String(SCHEMA_VERSION));
    } finally {
      await server.stop();
      removeDir(server.dataDir);
    }
  });
});
