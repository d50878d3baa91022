/**
 * Benchmarks of the reference server on loopback: demo generation time, change-feed throughput
 * (changes/s) and content throughput (MB/s). One JSON object per line on stdout.
 * Run: `node bench/server.ts [--cases N] [--max-pages N]` (defaults: the default demo district).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from '../server/create-server.ts';

const { values } = parseArgs({ options: { cases: { type: 'string' }, 'max-pages': { type: 'string' } } });
const print = (metric: string, value: number, unit: string, extra: Record<string, unknown> = {}) =>
  process.stdout.write(
    `${JSON.stringify({ bench: 'server', metric, value: Number(value.toFixed(3)), unit, ...extra })}\n`,
  );

const dataDir = mkdtempSync(join(tmpdir(), 'e-akte-bench-'));
try {
  const server = await createServer({
    dataDir,
    port: 0,
    logLevel: 'warn',
    demo: {
      ...(values.cases ? { cases: Number(values.cases) } : {}),
      ...(values['max-pages'] ? { maxPages: Number(values['max-pages']) } : {}),
    },
  });
  const seeded = server.seeded;
  if (seeded) {
    print('demo_generation', seeded.totalMs / 1000, 's', {
      cases: seeded.cases,
      documents: seeded.documents,
      pages: seeded.pages,
      bytes: seeded.bytes,
      rasterSeconds: Number((seeded.rasterMs / 1000).toFixed(2)),
    });
  }
  const base = `${server.url}/api/v1`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo', password: 'demo' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const auth = { authorization: `Bearer ${accessToken}` };

  // Change feed: full snapshots in pages of 1000, several rounds.
  let changes = 0;
  const documents: { id: string; byteSize: number }[] = [];
  const feedStarted = performance.now();
  for (let round = 0; round < 5; round++) {
    let cursor: string | undefined;
    for (;;) {
      const query = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
      const page = (await (await fetch(`${base}/changes?${query}`, { headers: auth })).json()) as {
        changes: { entity: string; op: string; data?: { id: string; byteSize: number } }[];
        cursor: string;
        hasMore: boolean;
      };
      changes += page.changes.length;
      if (round === 0) for (const c of page.changes) if (c.entity === 'document' && c.data) documents.push(c.data);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
  }
  const feedSeconds = (performance.now() - feedStarted) / 1000;
  print('change_feed_throughput', changes / feedSeconds, 'changes/s', {
    changes,
    seconds: Number(feedSeconds.toFixed(2)),
  });

  // Content: download documents until about 300 MB have passed, largest first.
  documents.sort((a, b) => b.byteSize - a.byteSize);
  let bytes = 0;
  const contentStarted = performance.now();
  for (const doc of documents) {
    const response = await fetch(`${base}/documents/${doc.id}/content`, { headers: auth });
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    if (bytes > 300e6) break;
  }
  const contentSeconds = (performance.now() - contentStarted) / 1000;
  print('content_throughput', bytes / 1e6 / contentSeconds, 'MB/s', {
    bytes,
    seconds: Number(contentSeconds.toFixed(2)),
  });
  await server.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
