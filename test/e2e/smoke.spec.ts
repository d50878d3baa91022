/** Both windows render their shell, the workspace opens the viewer, the viewer follows the selection. */
import path from 'node:path';
import { expect, screenshotDir, signIn, test } from './fixtures.ts';

test('the workspace and the viewer window render, and the workspace opens the viewer', async ({
  workspace,
  targetKind,
}) => {
  const errors: string[] = [];
  workspace.on('pageerror', (error) => errors.push(error.message));
  await expect(workspace.getByRole('heading', { level: 1, name: 'Anmeldung' })).toBeVisible();
  await expect(workspace.getByRole('status')).toContainText(
    targetKind === 'electron' ? 'Desktop-Anwendung' : 'Browsermodus',
  );
  await expect(workspace).toHaveTitle('Arbeitsbereich – E-Akte Desktop');
  await workspace.screenshot({ path: path.join(screenshotDir, 'workspace-sign-in.png') });
  await signIn(workspace);
  await expect(workspace.getByRole('heading', { level: 2, name: /Meine Akten/ })).toBeVisible({ timeout: 30_000 });

  const opened = workspace.context().waitForEvent('page');
  await workspace.getByRole('button', { name: 'Dokumentenansicht öffnen' }).click();
  const viewer = await opened;
  viewer.on('pageerror', (error) => errors.push(error.message));
  await expect(viewer.getByRole('heading', { level: 1, name: 'Dokument' })).toBeVisible();
  await expect(viewer.getByText('Kein Dokument ausgewählt.', { exact: false })).toBeVisible();
  await viewer.screenshot({ path: path.join(screenshotDir, 'viewer.png') });
  expect(errors).toEqual([]);
});

test('the viewer follows the document selected in the other window', async ({ workspace, viewer }) => {
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Dokument');
  // Posted until the viewer listens (it subscribes once it has rendered).
  await expect
    .poll(async () => {
      await workspace.evaluate(() =>
        new BroadcastChannel('eakte-ui-intent').postMessage({ type: 'select-document', documentId: 'doc-2' }),
      );
      return viewer.getByRole('heading', { level: 1 }).innerText();
    })
    .toBe('Dokument doc-2');
  // A message outside the contract is ignored.
  await workspace.evaluate(() =>
    new BroadcastChannel('eakte-ui-intent').postMessage({ type: 'select-document', documentId: '../x' }),
  );
  await workspace.waitForTimeout(200);
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Dokument doc-2');
});

test('the interface switches to English and back, and is keyboard reachable', async ({ workspace: page }) => {
  // Backwards from the user name: the language switch, then the skip link, the first stop of the page.
  await page.getByLabel('Benutzername').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('Sprache')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  await page.getByLabel('Sprache').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.getByLabel('User name')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption('de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anmeldung');
});

test('the page refuses scripts from elsewhere (Content-Security-Policy)', async ({ workspace: page }) => {
  await page.reload();
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true;';
    document.body.append(inline);
    const foreign = document.createElement('script');
    foreign.src = 'http://127.0.0.2:9/evil.js';
    document.body.append(foreign);
    await new Promise((r) => setTimeout(r, 300));
    return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, violations };
  });
  expect(outcome.inlineRan).toBe(false);
  expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem']));
});
