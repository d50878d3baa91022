/** Both windows open as pages of one browser context and render their shell. */
import path from 'node:path';
import { expect, screenshotDir, test } from './fixtures.ts';

test('the workspace and the viewer window render, and the workspace opens the viewer', async ({ app }) => {
  const errors: string[] = [];
  const workspace = await app.context.newPage();
  workspace.on('pageerror', (error) => errors.push(error.message));
  await workspace.goto(app.url('workspace'));
  await expect(workspace.getByRole('heading', { level: 1, name: 'Anmeldung' })).toBeVisible();
  await expect(workspace.getByRole('status')).toContainText('Browsermodus');
  await expect(workspace).toHaveTitle('Arbeitsbereich – E-Akte Desktop');
  await workspace.screenshot({ path: path.join(screenshotDir, 'workspace-sign-in.png') });
  await workspace.getByLabel('Benutzername').fill('demo');
  await workspace.getByLabel('Passwort', { exact: true }).fill('demo');
  await workspace.getByRole('button', { name: 'Anmelden' }).click();
  await expect(workspace.getByRole('heading', { level: 2, name: /Meine Akten/ })).toBeVisible({ timeout: 30_000 });

  const [viewer] = await Promise.all([
    app.context.waitForEvent('page'),
    workspace.getByRole('button', { name: 'Dokumentenansicht öffnen' }).click(),
  ]);
  viewer.on('pageerror', (error) => errors.push(error.message));
  await expect(viewer.getByRole('heading', { level: 1, name: 'Dokument' })).toBeVisible();
  await expect(viewer.getByText('Kein Dokument ausgewählt.', { exact: false })).toBeVisible();
  await viewer.screenshot({ path: path.join(screenshotDir, 'viewer.png') });
  expect(errors).toEqual([]);
});

test('the viewer follows the document selected in the other window', async ({ app }) => {
  const viewer = await app.context.newPage();
  await viewer.goto(app.url('viewer', 'documentId=doc-1'));
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Dokument doc-1');
  const workspace = await app.context.newPage();
  await workspace.goto(app.url('workspace'));
  await workspace.evaluate(() =>
    new BroadcastChannel('eakte-ui-intent').postMessage({ type: 'select-document', documentId: 'doc-2' }),
  );
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Dokument doc-2');
  // A message outside the contract is ignored.
  await workspace.evaluate(() =>
    new BroadcastChannel('eakte-ui-intent').postMessage({ type: 'select-document', documentId: '../x' }),
  );
  await workspace.waitForTimeout(200);
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Dokument doc-2');
});

test('the interface switches to English and back, and is keyboard reachable', async ({ app }) => {
  const page = await app.context.newPage();
  await page.goto(app.url('workspace'));
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

test('the page refuses scripts from elsewhere (Content-Security-Policy)', async ({ app }) => {
  const page = await app.context.newPage();
  const response = await page.goto(app.url('workspace'));
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
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
