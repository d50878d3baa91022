/** A second start of the app for the same user ends at once and leaves the first one as it was. */
import { spawn } from 'node:child_process';
import { NO_ELECTRON_REASON } from '../../scripts/electron-binary.ts';
import { electronBinary, electronTest as test, expect, projectRoot } from '../e2e/targets.ts';

test.skip(!electronBinary, NO_ELECTRON_REASON);

test('a second instance quits and the first keeps its windows', async ({ electronApp, workspace, userDataDir }) => {
  const before = await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  const second = spawn(electronBinary!, [projectRoot, `--user-data-dir=${userDataDir}`], { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      second.kill();
      reject(new Error('the second instance did not quit'));
    }, 20_000);
    second.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code).toBe(0);
  expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(before);
  await expect(workspace.getByRole('heading', { level: 1 })).toBeVisible();
});
