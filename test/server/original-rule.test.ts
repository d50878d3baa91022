/**
 * The eight-week rule over HTTP: every incoming document says when it was scanned and until when
 * the scan service keeps its paper original; the original can be requested up to and including
 * that day (the German calendar day on the service's clock), once, and not afterwards.
 */
import { describe, expect, it } from 'vitest';
import { adminOriginalRequestsSchema } from '../../src/shared/api/admin.ts';
import { caseAuditResponseSchema } from '../../src/shared/api/audit.ts';
import { mutationBatchResponseSchema } from '../../src/shared/api/mutations.ts';
import type { CaseDocument } from '../../src/shared/domain/document.ts';
import { daysUntilDestroyed, germanDate, originalRetainedUntil } from '../../src/shared/domain/original-retention.ts';
import { readFeed, useSignedInServer, type TestServer } from './helpers.ts';

const DAY = 86_400_000;
/** The service's clock; the district is seeded relative to it. */
let now = Date.parse('2026-03-16T09:00:00Z');

describe('paper originals (eight-week rule)', () => {
  let server: TestServer;
  let token: string;
  useSignedInServer(
    (s, t) => {
      server = s;
      token = t;
    },
    { clock: () => now, tokenTtlMs: 365 * DAY },
  );

  const send = async (mutations: unknown[], as = token) => {
    const response = await server.api('/mutations', { method: 'POST', token: as, json: { mutations } });
    expect(response.status).toBe(200);
    return mutationBatchResponseSchema.parse(await response.json()).results;
  };
  const documents = async () =>
    (await readFeed(server, token)).changes
      .filter((c) => c['entity'] === 'document' && c['op'] === 'put')
      .map((c) => c['data'] as CaseDocument);
  const request = (id: string, doc: CaseDocument) => ({
    id,
    entity: 'document',
    op: 'requestOriginal',
    caseId: doc.caseId,
    data: { id: doc.id },
  });
  const requests = async () =>
    adminOriginalRequestsSchema.parse(await (await server.admin('/original-requests', 'GET')).json()).requests;

  it('dates every incoming document; the demo has originals kept (several in their last week) and many destroyed', async () => {
    const docs = await documents();
    expect(docs.length).toBeGreaterThan(20);
    for (const doc of docs) {
      expect(doc.direction).toBe('incoming');
      expect(doc.scannedOn, doc.id).toBeDefined();
      expect(doc.originalRetainedUntil).toBe(originalRetainedUntil(doc.scannedOn!));
    }
    const left = docs.map((d) => daysUntilDestroyed(d.originalRetainedUntil!, now));
    expect(left.filter((days) => days >= 0).length).toBeGreaterThanOrEqual(8);
    expect(left.filter((days) => days >= 0 && days < 7).length).toBeGreaterThanOrEqual(3);
    expect(left.filter((days) => days < 0).length).toBeGreaterThan(docs.length / 2);
    expect(docs.some((d) => d.originalRequestedAt !== undefined)).toBe(true);
  });

  it('mail that arrives now is scanned today and kept eight weeks', async () => {
    const arrived = await server.admin('/inbox', 'POST', { caseId: 'c-0002', pages: 1 });
    const { documentId } = (await arrived.json()) as { documentId: string };
    const doc = (await documents()).find((d) => d.id === documentId);
    const today = new Date(now).toISOString().slice(0, 10);
    expect(doc).toMatchObject({ scannedOn: today, originalRetainedUntil: originalRetainedUntil(today) });
    expect(daysUntilDestroyed(doc!.originalRetainedUntil!, now)).toBe(56);
  });

  it('requests a kept original once: the first time stays, a replay is a duplicate, the scan service has it listed', async () => {
    const { cursor } = await readFeed(server, token);
    const doc = (await documents()).find(
      (d) => daysUntilDestroyed(d.originalRetainedUntil!, now) > 0 && !d.originalRequestedAt && d.caseId === 'c-0003',
    )!;
    expect(doc).toBeDefined();
    const [first] = await send([request('m-orig-1', doc)]);
    expect(first).toEqual({ mutationId: 'm-orig-1', status: 'applied', version: doc.version + 1 });
    const feed = await readFeed(server, token, cursor);
    expect(feed.changes).toEqual([
      {
        entity: 'document',
        op: 'put',
        id: doc.id,
        caseId: doc.caseId,
        version: doc.version + 1,
        data: {
          ...doc,
          originalRequestedAt: new Date(now).toISOString(),
          version: doc.version + 1,
          updatedAt: new Date(now).toISOString(),
        },
      },
    ]);

    const [replay] = await send([request('m-orig-1', doc)]);
    expect(replay).toEqual({ mutationId: 'm-orig-1', status: 'duplicate', first });
    // Asked again later under a new id: applied, nothing changes, the first time stays.
    now += 3_600_000;
    const [again] = await send([request('m-orig-2', doc)]);
    expect(again).toEqual({ mutationId: 'm-orig-2', status: 'applied', version: doc.version + 1 });
    expect((await readFeed(server, token, feed.cursor)).changes).toEqual([]);

    const listed = (await requests()).filter((r) => r.documentId === doc.id);
    expect(listed).toEqual([
      {
        documentId: doc.id,
        caseId: doc.caseId,
        userId: 'u-demo',
        requestedAt: new Date(now - 3_600_000).toISOString(),
        mutationId: 'm-orig-1',
      },
    ]);
    const dpo = await server.login('dsb');
    const trail = caseAuditResponseSchema.parse(
      await (await server.api(`/audit?caseId=${doc.caseId}`, { token: dpo })).json(),
    );
    expect(trail.events.filter((e) => e.action === 'document.request-original')).toEqual([
      expect.objectContaining({
        userId: 'u-demo',
        recordedBy: 'service',
        entity: 'document',
        entityId: doc.id,
        documentId: doc.id,
        version: doc.version + 1,
      }),
    ]);
  });

  it('refuses a destroyed original with its own problem type and the day it was kept until', async () => {
    const { cursor } = await readFeed(server, token);
    const doc = (await documents()).find((d) => daysUntilDestroyed(d.originalRetainedUntil!, now) < -30)!;
    const [refused] = await send([request('m-orig-late', doc)]);
    const until = doc.originalRetainedUntil!;
    expect(refused).toMatchObject({
      status: 'rejected',
      problem: {
        type: '/problems/original-destroyed',
        status: 410,
        originalRetainedUntil: until,
      },
    });
    const detail = refused?.status === 'rejected' ? refused.problem.detail : '';
    expect(detail).toContain(`${until.slice(8, 10)}.${until.slice(5, 7)}.${until.slice(0, 4)}`);
    expect((await readFeed(server, token, cursor)).changes).toEqual([]);
    expect((await requests()).some((r) => r.documentId === doc.id)).toBe(false);
  });

  it('accepts a request all through the last day in Germany and refuses it from the next German day on', async () => {
    const candidates = (await documents()).filter(
      (d) => daysUntilDestroyed(d.originalRetainedUntil!, now) > 0 && !d.originalRequestedAt,
    );
    const [lastDay, nextDay] = candidates;
    const saved = now;
    try {
      // 23:00 in Berlin on the last day (summer or winter time): still kept.
      now = Date.parse(`${lastDay!.originalRetainedUntil}T23:00:00+02:00`);
      expect(germanDate(now)).toBe(lastDay!.originalRetainedUntil);
      expect((await send([request('m-orig-last', lastDay!)]))[0]?.status).toBe('applied');
      // 00:30 in Berlin on the day after: destroyed, although it is still the last day in UTC.
      const after = new Date(Date.parse(`${nextDay!.originalRetainedUntil}T00:00:00Z`) + DAY).toISOString();
      now = Date.parse(`${after.slice(0, 10)}T00:30:00+01:00`);
      expect(new Date(now).toISOString().slice(0, 10)).toBe(nextDay!.originalRetainedUntil);
      expect((await send([request('m-orig-next', nextDay!)]))[0]).toMatchObject({
        status: 'rejected',
        problem: { type: '/problems/original-destroyed' },
      });
    } finally {
      now = saved;
    }
  });
});
