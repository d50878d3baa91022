/**
 * The two targets an end-to-end spec runs in, behind one shape: a spec asks for `workspace` and
 * `viewer` (two pages showing the two windows, signed out, against the reference server) and
 * `referenceServer`, and does not care whether they are two pages of one Chromium profile
 * (browser mode) or the two windows of the real Electron app. `electronTest` starts the app
 * from the built dist/ with a fresh temporary user-data folder per test, the outside network
 * blocked, and keeps its log and screenshots of both windows when a test fails; `browserTest`
 * does the same in browser mode. Where no Electron binary exists, every `electronTest` is
 * skipped with the reason (scripts/test-electron.ts reports that), never passed.
 */
import { _electron, test as base, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserHost } from '../../scripts/browser-host.ts';
import { findElectronBinary, NO_ELECTRON_REASON } from '../../scripts/electron-binary.ts';
import { startReferenceServer, type RunningServer } from '../../scripts/reference-server.ts';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const electronBinary = findElectronBinary(projectRoot);

/** What every end-to-end spec gets, in either target. */
export type AppTarget = {
  readonly kind: 'browser' | 'electron';
  /** The workspace window, showing workspace.html. */
  readonly workspace: Page;
  /** The viewer window, showing viewer.html. */
  readonly viewer: Page;
};

export type TargetFixtures = {
  target: AppTarget;
  workspace: Page;
  viewer: Page;
};

export type TargetWorkerFixtures = { referenceServer: RunningServer };

/** Electron only: the running app, its user-data folder, and a machine policy to start with. */
export type ElectronFixtures = {
  electronApp: ElectronApplication;
  userDataDir: string;
  /** A machine policy for this test (EAKTE_POLICY_FILE); none by default. */
  machinePolicy: Record<string, unknown> | null;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The reference server on a free loopback port with a small demo district, one per worker. */
async function referenceServerFixture({}, use: (server: RunningServer) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-e2e-server-'));
  const server = await startReferenceServer({
    port: await freePort(),
    dataDir,
    args: ['--demo', '--admin', '--cases', '8', '--max-pages', '8', '--page-width', '300', '--raster-pool', '4'],
    quiet: true,
  });
  await use(server);
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** Only loopback (the reference server) and the app's own origin; everything else is refused. */
const ALLOWED_URL = /^(app:\/\/e-akte\/|https?:\/\/(127\.0\.0\.1|localhost)[:/]|devtools:|data:|about:|chrome-error:)/;

async function keepOnFailure(testInfo: TestInfo, pages: Record<string, Page | undefined>, log?: string): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const [name, page] of Object.entries(pages))
    if (page && !page.isClosed())
      await page.screenshot({ path: testInfo.outputPath(`${name}.png`) }).catch(() => undefined);
  if (log && existsSync(log)) copyFileSync(log, testInfo.outputPath('main.log'));
}

export const electronTest = base.extend<TargetFixtures & ElectronFixtures, TargetWorkerFixtures>({
  referenceServer: [referenceServerFixture, { scope: 'worker' }],
  machinePolicy: [null, { option: true }],
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eakte-electron-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  electronApp: async ({ referenceServer: server, userDataDir, machinePolicy }, use, testInfo) => {
    testInfo.skip(!electronBinary, NO_ELECTRON_REASON);
    if (!existsSync(path.join(projectRoot, 'dist', 'main', 'index.cjs')))
      throw new Error('dist/ fehlt: zuerst "npm run build" ausführen.');
    // Never the machine's own policy: a file of this test, or one that does not exist.
    const policyFile = path.join(userDataDir, '..', `${path.basename(userDataDir)}-policy.json`);
    if (machinePolicy) writeFileSync(policyFile, JSON.stringify(machinePolicy));
    const app = await _electron.launch({
      executablePath: electronBinary!,
      args: [projectRoot, `--user-data-dir=${userDataDir}`],
      env: { ...process.env, EAKTE_SERVER_URL: server.url, EAKTE_POLICY_FILE: policyFile },
    });
    await app.evaluate(({ session }, allowed) => {
      const pattern = new RegExp(allowed);
      session.defaultSession.webRequest.onBeforeRequest((details, callback) =>
        callback({ cancel: !pattern.test(details.url) }),
      );
    }, ALLOWED_URL.source);
    await use(app);
    await keepOnFailure(
      testInfo,
      Object.fromEntries(app.windows().map((page, i) => [`window-${i}`, page])),
      path.join(userDataDir, 'logs', 'main.log'),
    );
    await app.close().catch(() => undefined);
    rmSync(policyFile, { force: true });
  },
  workspace: async ({ electronApp }, use) => {
    const page = await electronApp.firstWindow();
    await page.waitForURL(/^app:\/\/e-akte\/workspace\.html/);
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
  viewer: async ({ electronApp, workspace }, use) => {
    const isViewer = (page: Page): boolean => page.url().startsWith('app://e-akte/viewer.html');
    let page = electronApp.windows().find(isViewer);
    if (!page) {
      const opened = electronApp.waitForEvent('window');
      await workspace.evaluate(() => window.eakteDesktop!.windows.openViewer({}));
      page = await opened;
    }
    await page.waitForURL(/^app:\/\/e-akte\/viewer\.html/);
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
  target: async ({ workspace, viewer }, use) => {
    await use({ kind: 'electron', workspace, viewer });
  },
});

export const browserTest = base.extend<TargetFixtures, TargetWorkerFixtures & { host: { url: string } }>({
  referenceServer: [referenceServerFixture, { scope: 'worker' }],
  host: [
    async ({ referenceServer: server }, use) => {
      const host = await startBrowserHost({
        rendererDir: path.join(projectRoot, 'dist', 'renderer'),
        serverUrl: server.url,
      });
      await use(host);
      await host.close();
    },
    { scope: 'worker' },
  ],
  workspace: async ({ context, host }, use, testInfo) => {
    await context.route(
      (url) => !ALLOWED_URL.test(url.href),
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    await page.goto(`${host.url}/workspace.html`);
    await use(page);
    await keepOnFailure(testInfo, { workspace: page });
  },
  viewer: async ({ context, host, workspace }, use, testInfo) => {
    void workspace;
    const page = await context.newPage();
    await page.goto(`${host.url}/viewer.html`);
    await use(page);
    await keepOnFailure(testInfo, { viewer: page });
  },
  target: async ({ workspace, viewer }, use) => {
    await use({ kind: 'browser', workspace, viewer });
  },
});

export { expect } from '@playwright/test';
export const screenshotDir = path.join(projectRoot, '.test-output', 'screenshots');
