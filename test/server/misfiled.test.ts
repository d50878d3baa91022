/**
 * A scan reported as misfiled, over HTTP: it leaves its case for the scan service's clarification
 * queue — the owner's and the substitute's feeds carry its deletion, a fresh snapshot no longer
 * has it, its bytes answer 404 — and the data protection officer's trail lists the report.
 */
import { describe, expect, it } from 'vitest';
import { adminClarificationsSchema } from '../../src/shared/api/admin.ts';
import { caseAuditResponseSchema } from '../../src/shared/api/audit.ts';
import { mutationBatchResponseSchema } from '../../src/shared/api/mutations.ts';
import type { CaseDocument } from '../../src/shared/domain/document.ts';
import { expectProblem, readFeed, useSignedInServer, type TestServer } from './helpers.ts';

/** Case of `demo` that `demo2` holds as substitute (every sixth). */
const CASE = 'c-0006';
const REASON = 'Gehört zur BG 12345BG0000007 (Familie Schneider), nicht zu diesem Haushalt.';

describe('misfiled scans', () => {
  let server: TestServer;
  let owner: string;
  useSignedInServer((s, t) => {
    server = s;
    owner = t;
  });

  const send = async (mutations: unknown[], token = owner) => {
    const response = await server.api('/mutations', { method: 'POST', token, json: { mutations } });
    expect(response.status).toBe(200);
    return mutationBatchResponseSchema.parse(await response.json()).results;
  };
  const report = (id: string, documentId: string, reason = REASON) => ({
    id,
    entity: 'document',
    op: 'reportMisfiled',
    caseId: CASE,
    data: { id: documentId, reason },
  });
  const clarifications = async () =>
    adminClarificationsSchema.parse(await (await server.admin('/clarifications', 'GET')).json()).clarifications;

  it('takes the document and its annotations out of the case for everyone who has it, into the clarification queue', async () => {
    const substitute = await server.login('demo2');
    const ownerFeed = await readFeed(server, owner);
    const substituteFeed = await readFeed(server, substitute);
    const doc = ownerFeed.changes.find((c) => c['entity'] === 'document' && c['caseId'] === CASE)?.[
      'data'
    ] as CaseDocument;
    expect(substituteFeed.changes.some((c) => c['id'] === doc.id)).toBe(true);
    expect((await server.api(`/documents/${doc.id}/content`, { token: owner })).status).toBe(200);
    const mark = {
      id: 'a-mis',
      documentId: doc.id,
      page: 1,
      rect: { x: 1, y: 2, width: 30, height: 10 },
      kind: 'highlight',
    };
    expect(
      (await send([{ id: 'm-mis-a', entity: 'annotation', op: 'put', caseId: CASE, data: mark }]))[0]?.status,
    ).toBe('applied');
    const before = await readFeed(server, owner, ownerFeed.cursor);
    const substituteBefore = await readFeed(server, substitute, substituteFeed.cursor);

    const [reported] = await send([report('m-mis-1', doc.id)]);
    expect(reported).toEqual({ mutationId: 'm-mis-1', status: 'applied', version: doc.version + 1 });

    const gone = [
      { entity: 'document', op: 'delete', id: doc.id, caseId: CASE, version: doc.version + 1 },
      { entity: 'annotation', op: 'delete', id: 'a-mis', caseId: CASE, version: 2 },
    ];
    expect((await readFeed(server, owner, before.cursor)).changes).toEqual(gone);
    expect((await readFeed(server, substitute, substituteBefore.cursor)).changes).toEqual(gone);
    for (const token of [owner, substitute]) {
      const snapshot = await readFeed(server, token);
      expect(snapshot.changes.some((c) => c['id'] === doc.id || c['id'] === 'a-mis')).toBe(false);
      const content = await expectProblem(await server.api(`/documents/${doc.id}/content`, { token }), 404);
      expect(content['type']).toBe('/problems/not-found');
    }

    const queue = await clarifications();
    expect(queue.map(({ reportedAt: _at, ...rest }) => rest)).toEqual([
      { documentId: doc.id, caseId: CASE, reason: REASON, userId: 'u-demo', mutationId: 'm-mis-1', document: doc },
    ]);
    expect(Date.now() - Date.parse(queue[0]!.reportedAt)).toBeLessThan(60_000);

    const dpo = await server.login('dsb');
    const trail = caseAuditResponseSchema.parse(
      await (await server.api(`/audit?caseId=${CASE}`, { token: dpo })).json(),
    );
    const reportedRow = trail.events.find((e) => e.action === 'document.report-misfiled');
    expect(reportedRow).toMatchObject({
      userId: 'u-demo',
      displayName: 'Jana Becker',
      recordedBy: 'service',
      entity: 'document',
      entityId: doc.id,
      documentId: doc.id,
      version: doc.version + 1,
    });
    expect(trail.events).toContainEqual(
      expect.objectContaining({ action: 'entity.delete', entity: 'annotation', entityId: 'a-mis', documentId: doc.id }),
    );

    // A replay is a duplicate; the substitute reporting it too finds it out of the case already.
    const [replay] = await send([report('m-mis-1', doc.id)]);
    expect(replay).toEqual({ mutationId: 'm-mis-1', status: 'duplicate', first: reported });
    const [also] = await send([report('m-mis-2', doc.id, 'Falsche Akte')], substitute);
    expect(also).toEqual({ mutationId: 'm-mis-2', status: 'applied', version: doc.version + 1 });
    expect(await clarifications()).toHaveLength(1);

    // Nothing else can be done to it from the case any more.
    const [status, original] = await send([
      { id: 'm-mis-s', entity: 'document', op: 'put', caseId: CASE, data: { id: doc.id, status: 'read' } },
      { id: 'm-mis-o', entity: 'document', op: 'requestOriginal', caseId: CASE, data: { id: doc.id } },
    ]);
    expect(status).toMatchObject({ status: 'rejected', problem: { status: 404 } });
    expect(original).toMatchObject({ status: 'rejected', problem: { status: 404 } });
  });

  it('answers not found for a document of another case, and reporting it from its own case needs that case', async () => {
    const feed = await readFeed(server, owner);
    const other = feed.changes.find((c) => c['entity'] === 'document' && c['caseId'] === 'c-0002')?.[
      'data'
    ] as CaseDocument;
    const [wrongCase] = await send([report('m-mis-x', other.id)]);
    expect(wrongCase).toMatchObject({ status: 'rejected', problem: { status: 404 } });
    const [foreign] = await send([{ ...report('m-mis-y', 'd-0009-001'), caseId: 'c-0009' }]);
    expect(foreign).toMatchObject({ status: 'rejected', problem: { status: 404 } });
    expect((await clarifications()).map((c) => c.documentId)).not.toContain(other.id);
  });

  it('refuses a report without a reason, with only blanks, or with more than 1000 characters, as a bad request', async () => {
    const feed = await readFeed(server, owner);
    const doc = feed.changes.find((c) => c['entity'] === 'document' && c['caseId'] === CASE)?.['data'] as CaseDocument;
    for (const reason of ['', '   ', 'x'.repeat(1001)]) {
      const response = await server.api('/mutations', {
        method: 'POST',
        token: owner,
        json: { mutations: [report(`m-bad-${reason.length}`, doc.id, reason)] },
      });
      const problem = await expectProblem(response, 400);
      const errors = problem['errors'] as { path: string }[];
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((e) => e.path === 'mutations.0.data.reason')).toBe(true);
    }
    expect((await send([report('m-mis-long', doc.id, 'x'.repeat(1000))]))[0]?.status).toBe('applied');
  });
});
