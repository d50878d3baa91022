/**
 * src/main/index.ts itself, run in Node against a stand-in for the electron module (no Electron
 * binary exists here): that it wires what the plain modules promise — the CSP on app://, every
 * IPC channel behind the sender check, guards on every webContents, DevTools and developer
 * overrides only unpackaged, the log file, the Hilfe menu, the updater from the policy, and an
 * update installed on quit only after the windows report a persisted outbox.
 */
import electronLog from 'electron-log/node';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../src/shared/ipc/contract.ts';
import type { MenuItemSpec } from '../../../src/main/app-menu.ts';
import type * as PolicyModule from '../../../src/main/policy.ts';
import type { FakeDisplay } from '../../support/fake-electron.ts';

const hoisted = await vi.hoisted(async () => ({
  fake: (await import('../../support/fake-electron.ts')).createFakeElectron(),
  machinePolicyFile: '',
  updater: {
    calls: [] as unknown[][],
    autoDownload: true,
    autoInstallOnAppQuit: true,
    autoRunAppAfterInstall: true,
    allowDowngrade: true,
    allowPrerelease: false,
    fullChangelog: false,
    logger: {},
    isUserWithinRollout: (_info: unknown) => Promise.resolve(true),
    listeners: new Map<string, unknown>(),
    setFeedURL(options: unknown) {
      this.calls.push(['setFeedURL', options]);
    },
    checkForUpdates() {
      this.calls.push(['checkForUpdates']);
      return Promise.resolve({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } });
    },
    downloadUpdate() {
      this.calls.push(['downloadUpdate']);
      return Promise.resolve([]);
    },
    quitAndInstall(silent: boolean, runAfter: boolean) {
      this.calls.push(['quitAndInstall', silent, runAfter]);
    },
    on(event: string, listener: unknown) {
      this.listeners.set(event, listener);
    },
    off(event: string) {
      this.listeners.delete(event);
    },
  },
}));

vi.mock('electron', () => ({ ...hoisted.fake.electron, default: hoisted.fake.electron }));
vi.mock('electron-updater', () => ({ autoUpdater: hoisted.updater }));
vi.mock('../../../src/main/policy.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof PolicyModule>()),
  machinePolicyPath: () => hoisted.machinePolicyFile,
}));

const dir = mkdtempSync(path.join(tmpdir(), 'eakte-wiring-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const laptop: FakeDisplay = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};
const monitor: FakeDisplay = {
  id: 2,
  bounds: { x: 1920, y: 0, width: 2560, height: 1440 },
  workArea: { x: 1920, y: 0, width: 2560, height: 1400 },
};
const savedEnv = { ...process.env };

async function launch(options: {
  packaged: boolean;
  displays: FakeDisplay[];
  keyringBackend?: string;
  env?: Record<string, string>;
  machinePolicy?: unknown;
  name: string;
}) {
  vi.resetModules();
  const fake = hoisted.fake;
  fake.reset();
  const userData = path.join(dir, options.name);
  Object.assign(fake.state, {
    packaged: options.packaged,
    userData,
    displays: options.displays,
    keyringBackend: options.keyringBackend ?? 'gnome_libsecret',
  });
  hoisted.machinePolicyFile = path.join(dir, `${options.name}-machine-policy.json`);
  if (options.machinePolicy) writeFileSync(hoisted.machinePolicyFile, JSON.stringify(options.machinePolicy));
  Object.assign(process.env, options.env ?? {});
  await import('../../../src/main/index.ts');
  await vi.waitFor(() => expect(fake.BrowserWindow.all.filter((w) => w.shown).length).toBeGreaterThan(0), {
    timeout: 5000,
  });
  return { fake, userData, windows: fake.BrowserWindow.all };
}

beforeEach(() => {
  hoisted.updater.calls.length = 0;
  // Development builds also log to the console; the test reads the log file instead.
  electronLog.transports.console.writeFn = () => undefined;
});
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
});

function findItem(items: MenuItemSpec[], label: string): MenuItemSpec | undefined {
  for (const item of items) {
    if (item.label === label) return item;
    const inner = item.submenu && findItem(item.submenu, label);
    if (inner) return inner;
  }
  return undefined;
}

describe('index.ts, unpackaged (development)', () => {
  it('wires windows, protocol, IPC, guards, logs and menu', async () => {
    const devPolicy = path.join(dir, 'dev-policy.json');
    writeFileSync(devPolicy, JSON.stringify({ maxOfflineDays: 5, colour: 'blue' }));
    const { fake, userData, windows } = await launch({
      name: 'dev',
      packaged: false,
      displays: [laptop, monitor],
      env: { EAKTE_POLICY_FILE: devPolicy, EAKTE_SERVER_URL: 'http://127.0.0.1:9999' },
    });
    await vi.waitFor(() => expect(windows.filter((w) => w.shown)).toHaveLength(2));
    const [workspace, viewer] = windows;
    expect(workspace!.url).toBe('app://e-akte/workspace.html');
    expect(viewer!.url).toBe('app://e-akte/viewer.html');
    expect(workspace!.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: true,
    });
    expect(viewer!.bounds.x).toBeGreaterThanOrEqual(1920);

    const serve = fake.state.protocolHandlers.get('app')!;
    const page = await serve({ url: 'app://e-akte/workspace.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' http://127.0.0.1:9999;");
    expect((await serve({ url: 'app://e-akte/..%2f..%2fpackage.json' })).status).toBe(404);

    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual([...ipcChannels].sort());
    const settings = (await fake.invoke(workspace!, 'settings:get')) as { ok: true; value: Record<string, unknown> };
    expect(settings.value).toMatchObject({
      effective: { maxOfflineDays: 5, serverUrl: 'http://127.0.0.1:9999' },
      locked: ['maxOfflineDays'],
      warnings: [{ code: 'policy-unknown-field', field: 'colour' }],
      keyring: 'os',
    });
    // The viewer's display: listed for the settings screen, and a choice moves the open viewer.
    expect(await fake.invoke(workspace!, 'windows:displays')).toMatchObject({
      ok: true,
      value: {
        displays: [
          { key: '0,0,1920x1080', number: 1, primary: true, workspace: true, viewer: false },
          { key: '1920,0,2560x1440', number: 2, primary: false, workspace: false, viewer: true },
        ],
        autoKey: '1920,0,2560x1440',
        managed: true,
      },
    });
    expect(await fake.invoke(workspace!, 'settings:set', { viewerDisplay: '0,0,1920x1080' })).toMatchObject({
      ok: true,
      value: { applied: ['viewerDisplay'] },
    });
    expect(viewer!.bounds.x + viewer!.bounds.width).toBeLessThanOrEqual(1920);
    expect(workspace!.webContents.sent.map(([channel]) => channel)).toContain('settings:changed');
    expect(await fake.invoke(workspace!, 'app:getInfo', undefined, 'https://evil.invalid/')).toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
    // The job centre's letter templates come from the folder beside the policy file.
    mkdirSync(path.join(dir, 'letters'), { recursive: true });
    writeFileSync(path.join(dir, 'letters', 'eigene.vorlage.txt'), '---\nid: eigene\n---\n');
    expect(await fake.invoke(workspace!, 'letters:templates')).toMatchObject({
      ok: true,
      value: { folder: path.join(dir, 'letters'), templates: [{ file: 'eigene.vorlage.txt' }], unreadable: [] },
    });
    const handler = fake.state.ipcHandlers.get('app:getInfo')!;
    expect(
      await handler({ sender: { id: 999 }, senderFrame: { url: 'app://e-akte/workspace.html' } }, undefined),
    ).toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });

    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const attempt = {
        url: 'https://example.invalid/',
        prevented: false,
        preventDefault: () => (attempt.prevented = true),
      };
      workspace!.webContents.emit(event, attempt);
      expect(attempt.prevented, event).toBe(true);
    }
    expect(workspace!.webContents.windowOpenHandler!()).toEqual({ action: 'deny' });
    let granted: boolean | undefined;
    fake.state.permissionRequest!({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);

    await fake.invoke(viewer!, 'log:write', {
      level: 'warn',
      module: 'viewer',
      message: 'page failed',
      fields: { page: 3 },
    });
    const help = findItem(fake.state.menu!.template as MenuItemSpec[], 'Protokollordner öffnen')!;
    help.click!();
    await vi.waitFor(() => expect(fake.state.openedPaths).toEqual([path.join(userData, 'logs')]));
    const log = readFileSync(path.join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('"message":"starting"');
    expect(log).toMatch(/"page":3.*"module":"renderer\/viewer","message":"page failed"/);

    fake.electron.app.emit('window-all-closed');
    expect(fake.state.quits).toBe(1);
  });
});

describe('index.ts, packaged (installed)', () => {
  it('ignores developer overrides, has no DevTools, and installs an update only after the outbox is persisted', async () => {
    const { fake, windows } = await launch({
      name: 'packaged',
      packaged: true,
      displays: [laptop],
      keyringBackend: 'basic_text',
      env: { EAKTE_SERVER_URL: 'http://127.0.0.1:9999', EAKTE_POLICY_FILE: '/nonexistent' },
      machinePolicy: {
        serverUrl: 'https://akte.jobcenter.example/',
        updateUrl: 'https://updates.jobcenter.example/e-akte/',
        updateMode: 'auto',
        updateChannel: 'beta',
      },
    });
    expect(windows).toHaveLength(1);
    const [workspace] = windows;
    expect(workspace!.options['webPreferences']).toMatchObject({ devTools: false, sandbox: true });
    const page = await fake.state.protocolHandlers.get('app')!({ url: 'app://e-akte/workspace.html' });
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain('https://akte.jobcenter.example');
    expect(csp).not.toContain('127.0.0.1:9999');
    expect(await fake.invoke(workspace!, 'settings:get')).toMatchObject({ value: { keyring: 'none', warnings: [] } });
    expect(await fake.invoke(workspace!, 'secrets:isAvailable')).toEqual({ ok: true, value: false });

    expect(hoisted.updater.calls[0]).toEqual([
      'setFeedURL',
      { provider: 'generic', url: 'https://updates.jobcenter.example/e-akte/', channel: 'beta' },
    ]);
    expect(hoisted.updater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false, allowDowngrade: false });
    expect(await fake.invoke(workspace!, 'updates:check')).toEqual({
      ok: true,
      value: { phase: 'ready', version: '0.2.0' },
    });
    expect(
      workspace!.webContents.sent.filter(([c]) => c === 'updates:state').map(([, s]) => (s as { phase: string }).phase),
    ).toEqual(['checking', 'available', 'downloading', 'ready']);

    let prevented = 0;
    fake.electron.app.emit('before-quit', { preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
    const request = workspace!.webContents.sent.find(([c]) => c === 'outbox:flushRequest');
    expect(request).toBeDefined();
    const { requestId } = request![1] as { requestId: string };
    await fake.invoke(workspace!, 'outbox:report', { requestId, inFlight: 1, persisted: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(hoisted.updater.calls.some(([name]) => name === 'quitAndInstall')).toBe(false);
    await fake.invoke(workspace!, 'outbox:report', { requestId, inFlight: 0, persisted: true });
    await vi.waitFor(() => expect(hoisted.updater.calls.at(-1)).toEqual(['quitAndInstall', true, false]));
  });
});
