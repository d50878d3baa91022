/**
 * Real Electron: both windows open from app://, the preload exposes exactly the contract, IPC
 * round-trips, and the security settings hold. Runs only where an Electron binary is present
 * (scripts/test-electron.ts decides and reports the suite as skipped otherwise).
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../../scripts/electron-binary.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const binary = findElectronBinary(projectRoot);
test.skip(!binary, 'kein Electron-Programm vorhanden');

let app: ElectronApplication;

test.beforeAll(async () => {
  app = await electron.launch({
    executablePath: binary!,
    args: [projectRoot, `--user-data-dir=${mkdtempSync(path.join(tmpdir(), 'eakte-electron-'))}`],
    env: { ...process.env, EAKTE_SERVER_URL: 'http://127.0.0.1:8787' },
  });
});

test.afterAll(async () => {
  await app?.close();
});

test('opens the workspace from app:// with contextIsolation and sandbox', async () => {
  const workspace = await app.firstWindow();
  await expect(workspace.getByRole('heading', { level: 1, name: 'Meine Akten' })).toBeVisible();
  expect(workspace.url()).toBe('app://e-akte/workspace.html');
  await expect(workspace.getByRole('status')).toContainText('Desktop-Anwendung');
  const exposed = await workspace.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: Object.keys(window.eakteDesktop ?? {}).sort(),
  }));
  expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridge: ['app', 'on', 'secrets', 'windows'] });
  await workspace.screenshot({ path: path.join(projectRoot, '.test-output', 'screenshots', 'electron-workspace.png') });
});

test('IPC round-trips and refuses invalid arguments', async () => {
  const workspace = await app.firstWindow();
  const info = await workspace.evaluate(() => window.eakteDesktop!.app.getInfo());
  expect(info).toMatchObject({ name: 'E-Akte Desktop', shell: 'electron' });
  const refused = await workspace.evaluate(() =>
    window.eakteDesktop!.windows.openViewer({ documentId: '../../x' }).then(
      () => 'accepted',
      (error: Error) => error.message,
    ),
  );
  expect(refused).toContain('Ungültige Anfrage');
});

test('the workspace opens the viewer window', async () => {
  const workspace = await app.firstWindow();
  const [viewer] = await Promise.all([
    app.waitForEvent('window'),
    workspace.getByRole('button', { name: 'Dokumentenansicht öffnen' }).click(),
  ]);
  await expect(viewer.getByRole('heading', { level: 1, name: 'Dokument' })).toBeVisible();
  expect(viewer.url()).toMatch(/^app:\/\/e-akte\/viewer\.html/);
});

test('navigation away from the app and new windows are denied', async () => {
  const workspace = await app.firstWindow();
  await workspace.evaluate(() => {
    location.href = 'https://example.invalid/';
  });
  await workspace.waitForTimeout(500);
  expect(workspace.url()).toMatch(/^app:\/\/e-akte\//);
  const opened = await workspace.evaluate(() => window.open('https://example.invalid/') === null);
  expect(opened).toBe(true);
});
