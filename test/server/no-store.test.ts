/** No answer of the service may be kept in an HTTP cache: it carries social data. */
import { expect, it } from 'vitest';
import { useSignedInServer, type TestServer } from './helpers.ts';

let server: TestServer;
let token: string;

useSignedInServer((s, t) => {
  server = s;
  token = t;
});

it('marks every /api/v1 answer no-store, errors included', async () => {
  const feed = await server.api('/changes', { token });
  expect(feed.status).toBe(200);
  expect(feed.headers.get('cache-control')).toBe('no-store');
  expect((await server.api('/me', { token })).headers.get('cache-control')).toBe('no-store');
  expect((await server.api('/me')).headers.get('cache-control')).toBe('no-store');
  const [first] = ((await feed.json()) as { changes: { entity: string; id: string }[] }).changes.filter(
    (c) => c.entity === 'document',
  );
  const content = await server.api(`/documents/${first!.id}/content`, { token });
  expect(content.headers.get('cache-control')).toBe('private, no-store');
});

it('compresses JSON but not document bytes, which are sent as they are for Range', async () => {
  const feed = await server.api('/changes', { token, headers: { 'accept-encoding': 'gzip' } });
  expect(feed.headers.get('content-encoding')).toBe('gzip');
  const { changes } = (await feed.json()) as { changes: { entity: string; id: string }[] };
  const doc = changes.find((c) => c.entity === 'document')!;
  const content = await server.api(`/documents/${doc.id}/content`, {
    token,
    headers: { 'accept-encoding': 'gzip', range: 'bytes=0-99' },
  });
  expect(content.status).toBe(206);
  expect(content.headers.get('content-encoding')).toBeNull();
  expect((await content.arrayBuffer()).byteLength).toBe(100);
});
