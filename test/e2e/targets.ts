/**
 * The two targets an end-to-end spec runs in, behind one set of fixtures. A spec asks for
 * `workspace` and `viewer` (the two windows, signed out, against the reference server), `service`
 * (that server with its admin endpoints, and an outage on demand) and, for crash tests, `desk` (the
 * app on a profile of its own that can be killed and started again); it does not care whether they
 * are two pages of one Chromium profile (browser mode, project "browser" of
 * test/e2e/playwright.config.ts) or the two windows of the real Electron app (project
 * "electron-e2e" of test/electron/playwright.config.ts). Electron starts the app from the built
 * dist/ with a fresh temporary user-data folder per test; both targets block the outside network
 * and keep screenshots of the windows (and main's log) when a test fails. Where no Electron binary
 * exists, every Electron test is skipped with the reason (scripts/test-electron.ts reports that),
 * never passed.
 */
import { _electron, test as base, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminState } from '../../src/shared/api/admin.ts';
import { startBrowserHost, type BrowserHost } from '../../scripts/browser-host.ts';
import { launchKillableChromium, type KillableChromium } from '../../scripts/killable-chromium.ts';
import { findElectronBinary, NO_ELECTRON_REASON } from '../../scripts/electron-binary.ts';
import { startReferenceServer, type RunningServer } from '../../scripts/reference-server.ts';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const electronBinary = findElectronBinary(projectRoot);

export type TargetKind = 'browser' | 'electron';

/** What every end-to-end spec gets, in either target. */
export type AppTarget = {
  readonly kind: TargetKind;
  /** The workspace window, showing workspace.html. */
  readonly workspace: Page;
  /** The viewer window, showing viewer.html. */
  readonly viewer: Page;
};

/** The reference server as a spec drives it. */
export type Service = {
  readonly url: string;
  admin(path: string, body?: unknown, method?: string): Promise<Response>;
  state(): Promise<AdminState>;
  /** Stops the service, as an outage; `resume` brings it back with the same data on the same port. */
  stop(): Promise<void>;
  resume(): Promise<void>;
};

/** The app on a profile of its own, for crash and restart tests. */
export type Desk = {
  /** Starts the app (again) on the desk's profile; answers its workspace window. */
  start(): Promise<Page>;
  /** Kills the app's process at once, as a power cut would; the profile stays. */
  crash(): Promise<void>;
  /** Closes the app the normal way; the profile stays. */
  stop(): Promise<void>;
  /** The viewer window, showing a document (the app must be started). */
  viewer(documentId: string): Promise<Page>;
  readonly profile: string;
};

export type TargetFixtures = {
  targetKind: TargetKind;
  target: AppTarget;
  workspace: Page;
  viewer: Page;
  service: Service;
  desk: Desk;
};

export type TargetWorkerFixtures = { referenceServer: RunningServer; host: BrowserHost };

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

/** Only loopback (the reference server) and the app's own origin; everything else is refused. */
const ALLOWED_URL = /^(app:\/\/e-akte\/|https?:\/\/(127\.0\.0\.1|localhost)[:/]|devtools:|data:|about:|chrome-error:)/;

async function keepOnFailure(testInfo: TestInfo, pages: Record<string, Page | undefined>, log?: string): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const [name, page] of Object.entries(pages))
    if (page && !page.isClosed())
      await page.screenshot({ path: testInfo.outputPath(`${name}.png`) }).catch(() => undefined);
  if (log && existsSync(log)) copyFileSync(log, testInfo.outputPath('main.log'));
}

async function launchElectron(
  userDataDir: string,
  serverUrl: string,
  policyFile: string,
): Promise<ElectronApplication> {
  if (!existsSync(path.join(projectRoot, 'dist', 'main', 'index.cjs')))
    throw new Error('dist/ fehlt: zuerst "npm run build" ausführen.');
  const app = await _electron.launch({
    executablePath: electronBinary!,
    args: [projectRoot, `--user-data-dir=${userDataDir}`],
    env: { ...process.env, EAKTE_SERVER_URL: serverUrl, EAKTE_POLICY_FILE: policyFile },
  });
  await app.evaluate(({ session }, allowed) => {
    const pattern = new RegExp(allowed);
    session.defaultSession.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !pattern.test(details.url) }),
    );
  }, ALLOWED_URL.source);
  return app;
}

/** Browser mode: Chromium started by hand on a profile folder, so that it can be killed like a crash. */
function browserDesk(profile: string, workspaceUrl: string): Desk {
  let running: KillableChromium | null = null;
  return {
    profile,
    async start() {
      // Electron has no password manager and no form autofill; the Chromium of browser mode has
      // both and would keep the typed user name in the profile. Switched off, as in the desktop app.
      const preferences = path.join(profile, 'Default', 'Preferences');
      if (!existsSync(preferences)) {
        mkdirSync(path.dirname(preferences), { recursive: true });
        writeFileSync(
          preferences,
          JSON.stringify({
            credentials_enable_service: false,
            profile: { password_manager_enabled: false },
            autofill: { enabled: false, profile_enabled: false, credit_card_enabled: false },
          }),
        );
      }
      running = await launchKillableChromium(profile);
      await running.context.route(
        (url) => !ALLOWED_URL.test(url.href),
        (route) => route.abort('blockedbyclient'),
      );
      const page = await running.context.newPage();
      await page.goto(workspaceUrl);
      return page;
    },
    async viewer(documentId) {
      const page = await running!.context.newPage();
      await page.goto(workspaceUrl.replace('workspace.html', `viewer.html?documentId=${documentId}`));
      return page;
    },
    async crash() {
      await running?.kill();
      running = null;
    },
    async stop() {
      await running?.close();
      running = null;
    },
  };
}

/** Electron: the app on a user-data folder of its own, killed like a crash. */
function electronDesk(profile: string, serverUrl: string): Desk {
  let app: ElectronApplication | null = null;
  return {
    profile,
    async viewer(documentId) {
      const opened = app!.waitForEvent('window');
      const workspace = await app!.firstWindow();
      await workspace.evaluate((id) => window.eakteDesktop!.windows.openViewer({ documentId: id }), documentId);
      const page = await opened;
      await page.waitForLoadState('domcontentloaded');
      return page;
    },
    async start() {
      app = await launchElectron(profile, serverUrl, path.join(profile, '..', `${path.basename(profile)}-policy.json`));
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      return page;
    },
    async crash() {
      const running = app?.process();
      app = null;
      if (running && running.exitCode === null && running.signalCode === null) {
        const exited = new Promise((r) => running.once('exit', r));
        running.kill('SIGKILL');
        await exited;
      }
    },
    async stop() {
      const running = app;
      app = null;
      await running?.close().catch(() => undefined);
    },
  };
}

async function serverFixture({}, use: (server: RunningServer) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-e2e-server-'));
  const server = await startReferenceServer({
    port: await freePort(),
    dataDir,
    args: [
      '--demo',
      '--admin',
      '--cases',
      '8',
      '--max-pages',
      '8',
      '--page-width',
      '300',
      '--raster-pool',
      '4',
      '--print-delay-ms',
      '1500',
      '--dispatch-delay-ms',
      '1500',
    ],
    quiet: true,
  });
  await use(server);
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const serviceFixture = async (
  { referenceServer: server }: { referenceServer: RunningServer },
  use: (service: Service) => Promise<void>,
): Promise<void> => {
  const admin = (p: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') =>
    fetch(`${server.url}/admin${p}`, {
      method,
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
  await use({
    url: server.url,
    admin,
    state: async () => (await (await admin('/state')).json()) as AdminState,
    stop: () => server.pause(),
    resume: () => server.resume(),
  });
  // The next test meets the service as it should be: up, without faults.
  await server.resume();
  await admin('/faults', {});
};

async function deskFixture(desk: Desk, use: (desk: Desk) => Promise<void>): Promise<void> {
  await use(desk);
  await desk.crash();
  rmSync(desk.profile, { recursive: true, force: true });
}

export const electronTest = base.extend<
  TargetFixtures & ElectronFixtures & { browserHost: BrowserHost },
  Pick<TargetWorkerFixtures, 'referenceServer'>
>({
  referenceServer: [serverFixture, { scope: 'worker' }],
  targetKind: 'electron',
  machinePolicy: [null, { option: true }],
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eakte-electron-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  electronApp: async ({ referenceServer: server, userDataDir, machinePolicy }, use, testInfo) => {
    testInfo.skip(!electronBinary, NO_ELECTRON_REASON);
    // Never the machine's own policy: a file of this test, or one that does not exist.
    const policyFile = path.join(userDataDir, '..', `${path.basename(userDataDir)}-policy.json`);
    if (machinePolicy) writeFileSync(policyFile, JSON.stringify(machinePolicy));
    const app = await launchElectron(userDataDir, server.url, policyFile);
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
  browserHost: async ({}, use, testInfo) => {
    testInfo.skip(true, 'nur im Browsermodus');
    await use(undefined as never);
  },
  service: serviceFixture,
  desk: async ({ referenceServer }, use, testInfo) => {
    testInfo.skip(!electronBinary, NO_ELECTRON_REASON);
    await deskFixture(electronDesk(mkdtempSync(path.join(tmpdir(), 'eakte-desk-')), referenceServer.url), use);
  },
});

export const browserTest = base.extend<
  TargetFixtures & { browserHost: BrowserHost },
  Pick<TargetWorkerFixtures, 'referenceServer' | 'host'>
>({
  referenceServer: [serverFixture, { scope: 'worker' }],
  host: [
    async ({ referenceServer }, use) => {
      const host = await startBrowserHost({
        rendererDir: path.join(projectRoot, 'dist', 'renderer'),
        serverUrl: referenceServer.url,
      });
      await use(host);
      await host.close();
    },
    { scope: 'worker' },
  ],
  browserHost: async ({ host }, use) => use(host),
  targetKind: 'browser',
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
  service: serviceFixture,
  desk: async ({ host }, use) => {
    await deskFixture(browserDesk(mkdtempSync(path.join(tmpdir(), 'eakte-desk-')), `${host.url}/workspace.html`), use);
  },
});

/**
 * The fixtures of the target this run is for: the Electron suite's config sets
 * EAKTE_E2E_TARGET=electron before it loads the specs; otherwise browser mode.
 */
export const test = (process.env['EAKTE_E2E_TARGET'] === 'electron' ? electronTest : browserTest) as typeof browserTest;

/** Skips a spec that is about browser mode itself (a third window of one profile, the browser's own files). */
export function browserOnly(targetKind: TargetKind, reason: string): void {
  test.skip(targetKind !== 'browser', reason);
}

/** Signs in through the sign-in screen. */
export async function signIn(page: Page, username = 'demo', password = 'demo'): Promise<void> {
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

export { expect } from '@playwright/test';
export const screenshotDir = path.join(projectRoot, '.test-output', 'screenshots');
