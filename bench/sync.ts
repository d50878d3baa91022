/**
 * `npm run bench -- sync`: the sync engine against the reference server throttled like a branch
 * office line (16 Mbit/s, 80 ms per round trip), in real Chromium.
 *   cold metadata sync of the demo caseload (best of three), and its ratio to the lower bound
 *     (compressed payload / bandwidth + round trips × 80 ms);
 *   content prefetch throughput as a fraction of the line;
 *   apply throughput of change pages into IndexedDB (sealing and keyed hashes included, the next
 *     page sealed while the current one is written, as pull does) against raw IndexedDB puts of
 *     the same records in the same run;
 *   the longest task on the UI thread of the workspace window during a cold sync.
 * Flags: --cases N (150), --window S (prefetch window, 30).
 */
import { chromium } from 'playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { startBrowserHost } from '../scripts/browser-host.ts';
import { createServer } from '../server/create-server.ts';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.ts';
import { report } from './_report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('cases', 150);
const WINDOW_S = arg('window', 30);
const BANDWIDTH = 2_000_000; // 16 Mbit/s in bytes per second
const RTT_MS = 80;
const LINE = { latencyMs: RTT_MS, bandwidthBytesPerSec: BANDWIDTH };

const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-bench-sync-'));
const server = await createServer({ dataDir, port: 0, admin: true, demo: { cases: CASES }, logLevel: 'silent' });
const admin = (p: string, body: unknown) =>
  fetch(`${server.url}/admin${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** The compressed bytes of the whole change feed and the number of pages, as the client asks for it. */
async function feedOnTheWire(): Promise<{ bytes: number; pages: number }> {
  const login = (await (
    await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo', password: 'demo' }),
    })
  ).json()) as { accessToken: string };
  let cursor = '';
  let bytes = 0;
  let pages = 0;
  for (;;) {
    const url = `${server.url}/api/v1/changes?limit=1000${cursor ? `&cursor=${cursor}` : ''}`;
    const raw = await new Promise<Buffer>((resolve, reject) => {
      request(url, { headers: { authorization: `Bearer ${login.accessToken}`, 'accept-encoding': 'gzip' } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve(Buffer.concat(parts)));
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
    bytes += raw.byteLength;
    pages++;
    const { gunzipSync } = await import('node:zlib');
    const page = JSON.parse(gunzipSync(raw).toString('utf8')) as { cursor: string; hasMore: boolean };
    cursor = page.cursor;
    if (!page.hasMore) return { bytes, pages };
  }
}

// The in-page half, built from the client's own modules.
const benchDir = path.join(root, '.data', 'bench-sync');
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    outDir: benchDir,
    emptyOutDir: true,
    target: 'chrome140',
    lib: { entry: path.join(root, 'bench/pages/sync-bench.ts'), formats: ['es'], fileName: 'sync-bench' },
  },
});
const pageHost = createHttpServer((req, res) => {
  if (req.url === '/sync-bench.js') {
    import('node:fs')
      .then(({ createReadStream }) => {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        createReadStream(path.join(benchDir, 'sync-bench.js')).pipe(res);
      })
      .catch(() => res.writeHead(500).end());
    return;
  }
  res
    .writeHead(200, { 'content-type': 'text/html' })
    .end('<!doctype html><script type="module" src="/sync-bench.js"></script>');
});
await new Promise<void>((resolve) => pageHost.listen(0, '127.0.0.1', resolve));
const pageUrl = `http://127.0.0.1:${(pageHost.address() as AddressInfo).port}/`;

const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
try {
  const page = await browser.newPage();
  await page.goto(pageUrl);
  await page.waitForFunction(() => 'syncBench' in window);

  // Cold metadata sync over the throttled line.
  const wire = await feedOnTheWire();
  await admin('/faults', LINE);
  const cold = await page.evaluate((url) => window.syncBench.coldMetadata(url, 3), server.url);
  const lowerBoundMs = (wire.bytes / BANDWIDTH) * 1000 + cold.requests * RTT_MS;
  report({
    bench: 'sync',
    metric: `cold metadata sync, ${CASES} cases, ${cold.changes} changes (best of 3)`,
    value: cold.ms / 1000,
    unit: 's',
    baseline: lowerBoundMs / 1000,
  });
  report({ bench: 'sync', metric: 'change feed on the wire (gzip)', value: wire.bytes / 1e6, unit: 'MB' });

  // Apply throughput, unthrottled, against raw IndexedDB.
  await admin('/faults', {});
  const apply = await page.evaluate((url) => window.syncBench.applyVersusRaw(url), server.url);
  const applyRate = apply.changes / (apply.applyMs / 1000);
  const rawRate = apply.changes / (apply.rawMs / 1000);
  report({
    bench: 'sync',
    metric:
      'apply throughput (sealing and keyed hashes included) vs raw IndexedDB puts of the same records and indexes',
    value: applyRate,
    unit: 'changes/s',
    baseline: rawRate,
  });
  report({
    bench: 'sync',
    metric: "sealing (AES-GCM, and the BG numbers' HMACs) of all changes at once; part of apply, not of the baseline",
    value: apply.sealMs,
    unit: 'ms',
  });
  report({
    bench: 'sync',
    metric: 'apply throughput less the sealing time',
    value: apply.changes / ((apply.applyMs - apply.sealMs) / 1000),
    unit: 'changes/s',
    baseline: rawRate,
  });

  // Content prefetch over the throttled line.
  await admin('/faults', LINE);
  const fetched = await page.evaluate(([url, ms]) => window.syncBench.prefetch(url, ms), [
    server.url,
    WINDOW_S * 1000,
  ] as const);
  const throughput = fetched.bytes / (fetched.ms / 1000);
  report({
    bench: 'sync',
    metric: 'content prefetch throughput (fraction of the line in ratio)',
    value: throughput / 1e6,
    unit: 'MB/s',
    baseline: BANDWIDTH / 1e6,
  });
  await page.close();

  // The workspace window during a cold sync: the longest UI-thread task.
  await admin('/faults', LINE);
  const { spawnSync } = await import('node:child_process');
  spawnSync(process.execPath, ['scripts/build.mjs', '--renderer-only'], { cwd: root, stdio: 'ignore' });
  const host = await startBrowserHost({ rendererDir: path.join(root, 'dist', 'renderer'), serverUrl: server.url });
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const longest = { max: 0, count: 0 };
    (window as unknown as { __longTasks: typeof longest }).__longTasks = longest;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longest.max = Math.max(longest.max, entry.duration);
        longest.count++;
      }
    }).observe({ type: 'longtask', buffered: true });
  });
  const ui = await context.newPage();
  await ui.goto(`${host.url}/workspace.html`);
  await ui.getByLabel('Benutzername').fill('demo');
  await ui.getByLabel('Passwort', { exact: true }).fill('demo');
  await ui.evaluate(() => {
    const t = (window as unknown as { __longTasks: { max: number; count: number } }).__longTasks;
    t.max = 0;
    t.count = 0;
  });
  const signInStart = Date.now();
  await ui.getByRole('button', { name: 'Anmelden' }).click();
  await ui
    .locator('.sync-status')
    .filter({ hasText: /Zuletzt abgeglichen/ })
    .waitFor({ timeout: 120_000 });
  const uiColdMs = Date.now() - signInStart;
  await ui.waitForTimeout(10_000); // and ten seconds of content prefetch
  const longTasks = await ui.evaluate(
    () => (window as unknown as { __longTasks: { max: number; count: number } }).__longTasks,
  );
  report({
    bench: 'sync',
    metric: 'workspace: sign-in click to cold metadata synced (worker)',
    value: uiColdMs / 1000,
    unit: 's',
  });
  report({
    bench: 'sync',
    metric: `longest UI-thread task during cold sync and prefetch (${longTasks.count} tasks over 50 ms)`,
    value: longTasks.max,
    unit: 'ms',
  });
  await context.close();
  await host.close();
} finally {
  await browser.close();
  pageHost.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
