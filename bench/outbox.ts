/**
 * `npm run bench -- outbox`: delivering the outbox against the reference server, in real Chromium.
 *   the time to deliver 1,000 queued changes across 50 cases with 80 ms injected latency, against
 *     the sequential bound (batches × round trip);
 *   the longest UI-thread task of the workspace window while it delivers 1,000 changes;
 *   a crash soak: N kills of the browser while it delivers (default 200, `--kills N`), restarted on
 *     the same profile each time, with the counts of lost and of twice-applied changes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright';
import { build } from 'vite';
import type { AdminState } from '../src/shared/api/admin.ts';
import { startBrowserHost } from '../scripts/browser-host.ts';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.ts';
import { launchKillableChromium } from '../scripts/killable-chromium.ts';
import { createServer } from '../server/create-server.ts';
import { report } from './_report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const KILLS = arg('kills', 200);
const RTT_MS = 80;

const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-bench-outbox-'));
const server = await createServer({
  dataDir,
  port: 0,
  admin: true,
  demo: { cases: 60, maxPages: 4, rasterPool: 4, pageWidthPx: 300 },
  logLevel: 'silent',
});
const admin = (p: string, body?: unknown) =>
  fetch(`${server.url}/admin${p}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
  });

// The in-page half, from the client's own modules, served on the app's origin.
const pageDir = path.join(root, '.data', 'bench-outbox');
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    outDir: pageDir,
    emptyOutDir: true,
    target: 'chrome140',
    lib: { entry: path.join(root, 'bench/pages/outbox-bench.ts'), formats: ['es'], fileName: 'outbox-bench' },
  },
});
writeFileSync(
  path.join(pageDir, 'outbox.html'),
  '<!doctype html><html lang="de"><title>outbox bench</title><script type="module" src="/bench/outbox-bench.js"></script></html>',
);
const { spawnSync } = await import('node:child_process');
spawnSync(process.execPath, ['scripts/build.mjs', '--renderer-only'], { cwd: root, stdio: 'ignore' });
const host = await startBrowserHost({
  rendererDir: path.join(root, 'dist', 'renderer'),
  serverUrl: server.url,
  extraFiles: {
    '/bench/outbox.html': path.join(pageDir, 'outbox.html'),
    '/bench/outbox-bench.js': path.join(pageDir, 'outbox-bench.js'),
  },
});

async function harness(page: Page): Promise<void> {
  await page.goto(`${host.url}/bench/outbox.html`);
  await page.waitForFunction(() => 'outboxBench' in window);
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${host.url}/workspace.html`);
  await page.getByLabel('Benutzername').fill('demo');
  await page.getByLabel('Passwort', { exact: true }).fill('demo');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page
    .locator('.sync-status')
    .filter({ hasText: /Zuletzt abgeglichen/ })
    .waitFor({ timeout: 120_000 });
}

const state = async (): Promise<AdminState> => (await (await admin('/state')).json()) as AdminState;

/** Notes at the service whose text starts with `prefix`, by text. */
async function notesAtService(prefix: string): Promise<Map<string, number>> {
  const login = (await (
    await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo', password: 'demo' }),
    })
  ).json()) as { accessToken: string };
  const counts = new Map<string, number>();
  let cursor = '';
  for (;;) {
    const page = (await (
      await fetch(`${server.url}/api/v1/changes?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: { authorization: `Bearer ${login.accessToken}` },
      })
    ).json()) as {
      changes: { entity: string; op: string; data?: { text?: string } }[];
      cursor: string;
      hasMore: boolean;
    };
    for (const c of page.changes)
      if (c.entity === 'note' && c.op === 'put' && c.data?.text?.startsWith(prefix))
        counts.set(c.data.text, (counts.get(c.data.text) ?? 0) + 1);
    cursor = page.cursor;
    if (!page.hasMore) return counts;
  }
}

const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
try {
  // 1. 1,000 queued changes across 50 cases, 80 ms per round trip.
  {
    const page = await browser.newPage();
    await harness(page);
    const { batches } = await page.evaluate((url) => window.outboxBench.prepareDelivery(url, 50, 20), server.url);
    await admin('/faults', { latencyMs: RTT_MS });
    const { ms } = await page.evaluate(() => window.outboxBench.runDelivery());
    await admin('/faults', {});
    report({
      bench: 'outbox',
      metric: `deliver 1000 queued changes across 50 cases at ${RTT_MS} ms latency (baseline: ${batches} batches × ${RTT_MS} ms, one after another)`,
      value: ms,
      unit: 'ms',
      baseline: batches * RTT_MS,
    });
    await page.close();
  }

  // 2. The workspace window while it delivers 1,000 changes: its longest UI-thread task.
  {
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
    const workspace = await context.newPage();
    await signIn(workspace);
    // Queued while the service refuses changes, so that they are all waiting when it takes them.
    await admin('/faults', { failRate: 1, pathPrefix: '/api/v1/mutations' });
    const side = await context.newPage();
    await harness(side);
    await side.evaluate(() => window.outboxBench.queueBesideWorkspace(50, 20, 'Lastvermerk'));
    await workspace.waitForTimeout(3000); // the journal takes its copies first
    await workspace.evaluate(() => {
      const t = (window as unknown as { __longTasks: { max: number; count: number } }).__longTasks;
      t.max = 0;
      t.count = 0;
    });
    await admin('/faults', { latencyMs: RTT_MS });
    const started = Date.now();
    await workspace.getByRole('button', { name: 'Jetzt abgleichen' }).click();
    while ((await side.evaluate(() => window.outboxBench.pendingBesideWorkspace())) > 0) {
      if (Date.now() - started > 120_000) throw new Error('the workspace did not deliver within 2 minutes');
      await workspace.waitForTimeout(50);
    }
    const ms = Date.now() - started;
    const longTasks = await workspace.evaluate(
      () => (window as unknown as { __longTasks: { max: number; count: number } }).__longTasks,
    );
    report({
      bench: 'outbox',
      metric: 'workspace: 1000 changes delivered after "Jetzt abgleichen"',
      value: ms,
      unit: 'ms',
    });
    report({
      bench: 'outbox',
      metric: `longest UI-thread task of the workspace window during delivery (${longTasks.count} tasks over 50 ms)`,
      value: longTasks.max,
      unit: 'ms',
    });
    await admin('/faults', {});
    await context.close();
  }

  // 3. Crash soak: killed while delivering, restarted on the same profile.
  {
    const profile = mkdtempSync(path.join(tmpdir(), 'eakte-bench-soak-'));
    const made: string[] = [];
    await admin('/faults', { latencyMs: 60, pathPrefix: '/api/v1/mutations' });
    const started = Date.now();
    for (let kill = 1; kill <= KILLS; kill++) {
      const app = await launchKillableChromium(profile);
      const workspace = await app.context.newPage();
      await signIn(workspace);
      const side = await app.context.newPage();
      await harness(side);
      made.push(...(await side.evaluate((n) => window.outboxBench.queueBesideWorkspace(2, 3, `Soak ${n}`), kill)));
      await workspace.waitForTimeout(Math.floor(Math.random() * 600));
      await app.kill();
      if (kill % 20 === 0)
        process.stderr.write(
          `outbox soak: ${kill} of ${KILLS} kills, ${Math.round((Date.now() - started) / 1000)} s\n`,
        );
    }
    // The last start: everything still queued goes.
    const app = await launchKillableChromium(profile);
    const workspace = await app.context.newPage();
    await signIn(workspace);
    const side = await app.context.newPage();
    await harness(side);
    const deadline = Date.now() + 300_000;
    while ((await side.evaluate(() => window.outboxBench.pendingBesideWorkspace())) > 0 && Date.now() < deadline)
      await workspace.waitForTimeout(200);
    const left = await side.evaluate(() => window.outboxBench.pendingBesideWorkspace());
    await app.close();
    await admin('/faults', {});
    const atService = await notesAtService('Soak ');
    const lost = made.filter((text) => !atService.has(text)).length;
    const twiceByText = [...atService.values()].filter((n) => n > 1).length;
    const twiceApplied = Object.values((await state()).mutations).filter((c) => c.applied > 1).length;
    report({
      bench: 'outbox',
      metric: `crash soak: kills during delivery (${made.length} changes made)`,
      value: KILLS,
      unit: 'kills',
    });
    report({ bench: 'outbox', metric: 'crash soak: changes lost', value: lost, unit: 'changes' });
    report({
      bench: 'outbox',
      metric: 'crash soak: changes applied twice (by id at the service, and notes at the service twice)',
      value: twiceApplied + twiceByText,
      unit: 'changes',
    });
    report({
      bench: 'outbox',
      metric: 'crash soak: still queued at the end (not delivered within 5 min)',
      value: left,
      unit: 'changes',
    });
    rmSync(profile, { recursive: true, force: true });
  }
} finally {
  await browser.close();
  await host.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
