import { createHash } from 'node:crypto';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, readFeed, removeDir, startTestServer, type TestServer } from './helpers.ts';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('document content', () => {
  let server: TestServer;
  let token: string;
  let doc: { id: string; sha256: string; byteSize: number };
  beforeAll(async () => {
    server = await startTestServer();
    token = await server.login();
    const { changes } = await readFeed(server, token);
    const first = changes.find((c) => c['entity'] === 'document' && c['op'] === 'put');
    doc = first?.['data'] as typeof doc;
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('serves the PDF with the sha256 as ETag and Accept-Ranges', async () => {
    const response = await server.api(`/documents/${doc.id}/content`, { token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('etag')).toBe(`"${doc.sha256}"`);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.byteLength).toBe(doc.byteSize);
    expect(sha(bytes)).toBe(doc.sha256);
  });

  it('answers a single range with 206 and Content-Range, a suffix range too', async () => {
    const part = await server.api(`/documents/${doc.id}/content`, { token, headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${doc.byteSize}`);
    expect(new Uint8Array(await part.arrayBuffer()).byteLength).toBe(10);
    const tail = await server.api(`/documents/${doc.id}/content`, { token, headers: { range: 'bytes=-6' } });
    expect(tail.status).toBe(206);
    expect(new TextDecoder().decode(await tail.arrayBuffer())).toBe('%%EOF\n');
  });

  it('answers 416 for a range beyond the end, 304 for a matching If-None-Match, 200 for a stale If-Range', async () => {
    const beyond = await server.api(`/documents/${doc.id}/content`, {
      token,
      headers: { range: `bytes=${doc.byteSize}-` },
    });
    expect(beyond.headers.get('content-range')).toBe(`bytes */${doc.byteSize}`);
    await expectProblem(beyond, 416);
    const same = await server.api(`/documents/${doc.id}/content`, {
      token,
      headers: { 'if-none-match': `"${doc.sha256}"` },
    });
    expect(same.status).toBe(304);
    const stale = await server.api(`/documents/${doc.id}/content`, {
      token,
      headers: { range: 'bytes=0-9', 'if-range': '"other"' },
    });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
  });

  it('answers 404 for documents of cases not assigned and 400 for ids with path characters', async () => {
    await expectProblem(await server.api('/documents/d-0009-001/content', { token }), 404);
    await expectProblem(await server.api('/documents/nope/content', { token }), 404);
    await expectProblem(await server.api('/documents/..%2F..%2Fetc%2Fpasswd/content', { token }), 400);
    await expectProblem(await server.api('/documents/.hidden/content', { token }), 400);
    await expectProblem(await server.api(`/documents/${doc.id}/content`), 401);
  });

  it('answers a document whose bytes are missing on disk with a 503 problem, not a 500', async () => {
    const { changes } = await readFeed(server, token);
    const other = changes
      .filter((c) => c['entity'] === 'document' && c['op'] === 'put')
      .map((c) => c['data'] as typeof doc)
      .find((d) => d.sha256 !== doc.sha256);
    if (!other) throw new Error('the demo district has a second document');
    const blob = join(server.dataDir, 'blobs', other.sha256.slice(0, 2), `${other.sha256}.pdf`);
    const kept = `${blob}.away`;
    renameSync(blob, kept);
    try {
      for (const headers of [{}, { range: 'bytes=0-99' }] as Record<string, string>[]) {
        const response = await server.api(`/documents/${other.id}/content`, { token, headers });
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        const body = await expectProblem(response, 503);
        expect(body['type']).toBe('/problems/content-unavailable');
        expect(String(body['detail'])).toMatch(/Datei dieses Dokuments ist beim Dienst derzeit nicht verfügbar/);
      }
      // Other documents are still served.
      expect(
        (await server.api(`/documents/${doc.id}/content`, { token, headers: { range: 'bytes=0-9' } })).status,
      ).toBe(206);
    } finally {
      renameSync(kept, blob);
    }
    const back = await server.api(`/documents/${other.id}/content`, { token });
    expect(sha(new Uint8Array(await back.arrayBuffer()))).toBe(other.sha256);
  });

  it('resets the connection mid-download on request, and the client resumes with Range', async () => {
    await server.admin('/faults', 'POST', { resetRate: 1, pathPrefix: '/api/v1/documents/' });
    const broken = await server.api(`/documents/${doc.id}/content`, { token });
    const received: Uint8Array[] = [];
    await expect(
      (async () => {
        const reader = broken.body!.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          received.push(value);
        }
      })(),
    ).rejects.toThrow();
    const have = received.reduce((n, c) => n + c.byteLength, 0);
    expect(have).toBeLessThan(doc.byteSize);
    // Other endpoints are not affected by the path prefix.
    expect((await server.api('/me', { token })).status).toBe(200);
    await server.admin('/faults', 'POST', {});
    const rest = await server.api(`/documents/${doc.id}/content`, {
      token,
      headers: { range: `bytes=${have}-`, 'if-range': `"${doc.sha256}"` },
    });
    expect(rest.status).toBe(206);
    const whole = Buffer.concat([...received, new Uint8Array(await rest.arrayBuffer())]);
    expect(sha(whole)).toBe(doc.sha256);
  });

  it('injects failures, latency and limited bandwidth, and clears them with {}', async () => {
    await server.admin('/faults', 'POST', { failRate: 1 });
    const failed = await server.api('/me', { token });
    expect(failed.headers.get('retry-after')).toBe('1');
    await expectProblem(failed, 503);
    await server.admin('/faults', 'POST', { failRate: 1, failStatus: 502 });
    await expectProblem(await server.api('/me', { token }), 502);
    await server.admin('/faults', 'POST', { latencyMs: 150, bandwidthBytesPerSec: 20_000 });
    const started = Date.now();
    const slow = await server.api(`/documents/${doc.id}/content`, { token, headers: { range: 'bytes=0-5999' } });
    expect((await slow.arrayBuffer()).byteLength).toBe(6000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150 + 250);
    const state = (await (await server.admin('/state', 'GET')).json()) as { faults: Record<string, unknown> };
    expect(state.faults).toEqual({ latencyMs: 150, bandwidthBytesPerSec: 20_000 });
    await server.admin('/faults', 'POST', {});
    const fast = Date.now();
    expect((await server.api('/me', { token })).status).toBe(200);
    expect(Date.now() - fast).toBeLessThan(150);
    expect((await server.api('/health')).status).toBe(200);
  });
});
