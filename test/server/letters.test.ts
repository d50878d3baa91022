import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterAcceptedSchema, letterStatusResponseSchema } from '../../src/shared/api/letters.ts';
import { makeScannedPdf } from '../../server/demo/scanned-pdf.ts';
import { expectProblem, readFeed, removeDir, startTestServer, type TestServer } from './helpers.ts';

type State = { letters: Record<string, { seen: number; applied: number }> };

describe('letters', () => {
  let server: TestServer;
  let token: string;
  let personId: string;
  const pdf = makeScannedPdf({ seed: 3, pages: 2, title: 'Einladung', pageWidthPx: 160, poolSize: 2 });
  const form = (meta: unknown, bytes: Uint8Array | string = pdf, type = 'application/pdf') => {
    const body = new FormData();
    body.append('meta', typeof meta === 'string' ? meta : JSON.stringify(meta));
    body.append('pdf', new Blob([bytes as BlobPart], { type }), 'schreiben.pdf');
    return body;
  };
  const post = (body: BodyInit, as = token) => server.api('/letters', { method: 'POST', token: as, body });
  const meta = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    caseId: 'c-0001',
    recipientPersonId: personId,
    templateId: 'einladung-v2',
    subject: 'Einladung zum Gespräch',
    ...extra,
  });
  beforeAll(async () => {
    // Long enough that 'accepted' is still seen on a loaded machine; the later steps are polled.
    server = await startTestServer({ letterPrintDelayMs: 2_000, letterDispatchDelayMs: 300 });
    token = await server.login();
    const { changes } = await readFeed(server, token);
    personId = String(changes.find((c) => c['entity'] === 'person' && c['caseId'] === 'c-0001')?.['id']);
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('accepts a letter once, answers replays with the first result, and walks it to dispatched', async () => {
    const { cursor } = await readFeed(server, token);
    const first = await post(form(meta('l-1')));
    expect(first.status).toBe(201);
    const accepted = letterAcceptedSchema.parse(await first.json());
    const replay = await post(form(meta('l-1')));
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(accepted);
    const state = (await (await server.admin('/state', 'GET')).json()) as State;
    expect(state.letters['l-1']).toMatchObject({ seen: 2, applied: 1 });

    const feed = await readFeed(server, token, cursor);
    const document = feed.changes.find((c) => c['entity'] === 'document');
    expect(document).toMatchObject({
      id: accepted.documentId,
      data: { direction: 'outgoing', type: 'letter', pageCount: 2 },
    });
    expect(feed.changes.find((c) => c['entity'] === 'letter')).toMatchObject({
      id: 'l-1',
      data: { status: 'accepted' },
    });
    const content = await server.api(`/documents/${accepted.documentId}/content`, { token });
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(pdf);

    const status = async () =>
      letterStatusResponseSchema.parse(await (await server.api('/letters/l-1', { token })).json()).status;
    expect(await status()).toBe('accepted');
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const now = await status();
          seen.add(now);
          return now;
        },
        { timeout: 10_000, interval: 50 },
      )
      .toBe('dispatched');
    expect(seen).toContain('printed');
    const later = await readFeed(server, token, feed.cursor);
    expect(later.changes.find((c) => c['entity'] === 'letter')).toMatchObject({ data: { status: 'dispatched' } });
  });

  it('refuses the same letter id with other content (422), and a file that is not a PDF (422), writing nothing', async () => {
    await post(form(meta('l-2')));
    await expectProblem(await post(form(meta('l-2', { subject: 'Anderer Betreff' }))), 422);
    await expectProblem(
      await post(form(meta('l-2'), makeScannedPdf({ seed: 4, pages: 1, title: 'x', pageWidthPx: 160, poolSize: 1 }))),
      422,
    );
    const problem = await expectProblem(
      await post(form(meta('l-3'), 'Hallo, ich bin kein PDF', 'application/pdf')),
      422,
    );
    expect(problem['type']).toBe('/problems/not-a-pdf');
    await expectProblem(await server.api('/letters/l-3', { token }), 404);
    const state = (await (await server.admin('/state', 'GET')).json()) as State;
    expect(state.letters['l-3']).toBeUndefined();
    expect(state.letters['l-2']).toMatchObject({ seen: 1, applied: 1 });
  });

  it('answers 404 for cases not assigned, recipients of other cases and unknown letters', async () => {
    await expectProblem(await post(form(meta('l-4', { caseId: 'c-0009' }))), 404);
    await expectProblem(await post(form(meta('l-5', { caseId: 'c-0002' }))), 404);
    await expectProblem(await server.api('/letters/l-unknown', { token }), 404);
    const demo2 = await server.login('demo2');
    await expectProblem(await server.api('/letters/l-1', { token: demo2 }), 404);
  });

  it('refuses malformed uploads with 4xx problems', async () => {
    await expectProblem(await post(form('{kaputt')), 400);
    await expectProblem(await post(form({ ...meta('l-6'), extra: 1 })), 400);
    await expectProblem(await post(form(meta('../etc'))), 400);
    const onlyMeta = new FormData();
    onlyMeta.append('meta', JSON.stringify(meta('l-7')));
    await expectProblem(await post(onlyMeta), 400);
    const extraFile = form(meta('l-8'));
    extraFile.append('virus', new Blob(['x']), 'x.exe');
    const extra = await post(extraFile);
    expect([400, 413]).toContain(extra.status);
    await expectProblem(await server.api('/letters', { method: 'POST', token, json: meta('l-9') }), 415);
    await expectProblem(
      await server.api('/letters', {
        method: 'POST',
        token,
        headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
        body: '--xyz\r\nbroken',
      }),
      400,
    );
    await expectProblem(await post(form(meta('l-10')), ''), 401);
  });

  it('refuses an oversized PDF with 413', async () => {
    const small = await startTestServer({ maxLetterPdfBytes: 1024 });
    try {
      const smallToken = await small.login();
      const body = new FormData();
      body.append('meta', JSON.stringify(meta('l-big')));
      body.append('pdf', new Blob([pdf as BlobPart], { type: 'application/pdf' }), 'gross.pdf');
      await expectProblem(await small.api('/letters', { method: 'POST', token: smallToken, body }), 413);
    } finally {
      await small.stop();
      removeDir(small.dataDir);
    }
  });

  it('marks a letter failed with a reason via admin', async () => {
    await post(form(meta('l-fail')));
    expect(
      (await server.admin('/letters/fail', 'POST', { id: 'l-fail', reason: 'Anschrift unzustellbar' })).status,
    ).toBe(200);
    const status = letterStatusResponseSchema.parse(await (await server.api('/letters/l-fail', { token })).json());
    expect(status).toMatchObject({ status: 'failed', failureReason: 'Anschrift unzustellbar' });
  });
});
