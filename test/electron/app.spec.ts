/**
 * Real Electron: both windows open from app://, the preload exposes exactly the contract and no
 * Node, IPC round-trips and refuses invalid arguments, the workspace opens the viewer.
 */
import path from 'node:path';
import { electronBinary, electronTest as test, expect, screenshotDir } from '../e2e/targets.ts';
import { NO_ELECTRON_REASON } from '../../scripts/electron-binary.ts';

test.skip(!electronBinary, NO_ELECTRON_REASON);

test('opens the workspace from app:// with the sign-in screen, isolated and sandboxed', async ({ workspace }) => {
  expect(workspace.url()).toBe('app://e-akte/workspace.html');
  await expect(workspace.getByRole('heading', { level: 1, name: 'Anmeldung' })).toBeVisible();
  await expect(workspace.getByRole('status')).toContainText('Desktop-Anwendung');
  const exposed = await workspace.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: Object.keys(window.eakteDesktop ?? {}).sort(),
  }));
  expect(exposed).toEqual({
    require: 'undefined',
    process: 'undefined',
    bridge: ['app', 'journal', 'log', 'on', 'outbox', 'secrets', 'settings', 'updates', 'windows'],
  });
  await workspace.screenshot({ path: path.join(screenshotDir, 'electron-workspace.png') });
});

test('IPC round-trips and refuses invalid arguments', async ({ workspace, referenceServer }) => {
  const info = await workspace.evaluate(() => window.eakteDesktop!.app.getInfo());
  expect(info).toMatchObject({ name: 'E-Akte Desktop', shell: 'electron' });
  const settings = await workspace.evaluate(() => window.eakteDesktop!.settings.get());
  expect(settings.effective.serverUrl).toBe(referenceServer.url);
  expect(settings.locked).toEqual([]);
  const refused = await workspace.evaluate(() =>
    window.eakteDesktop!.windows.openViewer({ documentId: '../../x' }).then(
      () => 'accepted',
      (error: { code?: string }) => error.code,
    ),
  );
  expect(refused).toBe('invalid-argument');
});

test('the workspace opens the viewer window', async ({ viewer }) => {
  await expect(viewer.getByRole('heading', { level: 1, name: 'Dokument' })).toBeVisible();
  expect(viewer.url()).toMatch(/^app:\/\/e-akte\/viewer\.html/);
});

test.describe('with a machine policy', () => {
  test.use({ machinePolicy: { maxOfflineDays: 3, updateMode: 'sometimes' } });
  test('locks its fields and reports a bad one as a warning code', async ({ workspace }) => {
    const settings = await workspace.evaluate(() => window.eakteDesktop!.settings.get());
    expect(settings.effective.maxOfflineDays).toBe(3);
    expect(settings.locked).toEqual(['maxOfflineDays', 'updateMode']);
    expect(settings.warnings).toEqual([{ code: 'policy-invalid-value', field: 'updateMode' }]);
    const result = await workspace.evaluate(() => window.eakteDesktop!.settings.set({ maxOfflineDays: 30 }));
    expect(result.refused).toEqual([{ field: 'maxOfflineDays', code: 'locked' }]);
  });
});
