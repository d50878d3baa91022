/**
 * Password-protected mail: the viewer asks for the password, opens the document with it, says
 * plainly when it is wrong and lets the user try again. The password is never stored, and nothing
 * of the document is remembered that would show it without one.
 */
import axe from 'axe-core';
import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cacheDbName } from '../../../src/renderer/data/db.ts';
import { VIEW_INDEX_CHUNK, VIEW_PREVIEW_CHUNK } from '../../../src/renderer/data/repos/contents.ts';
import { dumpDatabase } from '../sync/harness.ts';
import { mountViewer, type MountedViewer } from '../support/mount-viewer.tsx';
import { makeProtectedPdf } from '../support/protected-pdf.ts';
import { openTestSession, seedDocument, testUser } from '../support/seed.ts';

const PASSWORD = '01.02.1980';
let mounted: MountedViewer | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const painted = () => document.querySelector('[data-page="1"][data-rendered="true"]');

it('opens a protected statement with the right password and refuses a wrong one, saying so', async () => {
  await page.viewport(1280, 900);
  const user = testUser(`u-password-${Date.now()}`);
  const { session } = await openTestSession(user);
  // Read in pieces too, like a long statement: the password also reaches pdf.js that way.
  await seedDocument(session, await makeProtectedPdf(PASSWORD, { pages: 3 }), {
    id: 'doc-locked',
    pageCount: 3,
    chunkSize: 1024,
  });
  mounted = mountViewer(session, 'doc-locked');

  const dialog = page.getByRole('dialog', { name: 'Kennwort' });
  await expect.element(dialog).toBeVisible();
  const field = dialog.getByLabelText('Kennwort des Dokuments');
  await expect.element(field).toHaveFocus();

  await userEvent.fill(field, '12345');
  await userEvent.click(dialog.getByRole('button', { name: 'Öffnen' }));
  await expect
    .element(dialog.getByRole('alert'))
    .toHaveTextContent('Das Kennwort ist falsch (1 Versuch). Bitte prüfen Sie es und versuchen Sie es noch einmal.');
  expect(painted()).toBeNull();
  await page.screenshot({ path: '../../../.test-output/screenshots/password-dialog-de.png', element: dialog });
  // The dialog with its refusal passes WCAG 2.1 A/AA as machines can check it.
  const checked = await axe.run(document.body, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  expect(checked.violations.map((v) => v.id)).toEqual([]);

  // Another wrong one, by Enter this time.
  await userEvent.fill(field, 'geheim');
  await userEvent.keyboard('{Enter}');
  await expect.element(dialog.getByRole('alert')).toMatchTextContent(/^Das Kennwort ist falsch \(2 Versuche\)\./);

  await userEvent.fill(field, PASSWORD);
  await userEvent.keyboard('{Enter}');
  await expect.poll(painted, { timeout: 10_000 }).toBeTruthy();
  await expect.element(page.getByText('von 3', { exact: false }).first()).toBeInTheDocument();
  // Shown: the view is recorded for data protection like any other.
  await expect.poll(() => session.db.outbox.where('kind').equals('audit').count(), { timeout: 5000 }).toBe(1);

  // Nothing kept that would show it without the password, and the password itself nowhere.
  await new Promise((r) => setTimeout(r, 2500));
  expect(await session.db.contentChunks.get(['doc-locked', VIEW_PREVIEW_CHUNK])).toBeUndefined();
  expect(await session.db.contentChunks.get(['doc-locked', VIEW_INDEX_CHUNK])).toBeUndefined();
  expect(await dumpDatabase(cacheDbName(user.id))).not.toContain(PASSWORD);
  expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(PASSWORD);

  // Shown again later: it asks again.
  mounted.unmount();
  mounted = mountViewer(session, 'doc-locked');
  await expect.element(page.getByRole('dialog', { name: 'Kennwort' })).toBeVisible();
  expect(painted()).toBeNull();
});

it('asks in English too', async () => {
  await page.viewport(1280, 900);
  const { session } = await openTestSession(testUser(`u-password-en-${Date.now()}`));
  await seedDocument(session, await makeProtectedPdf(PASSWORD), { id: 'doc-locked-en', pageCount: 2 });
  mounted = mountViewer(session, 'doc-locked-en');
  await page.getByRole('combobox', { name: 'Sprache' }).selectOptions('en');
  const dialog = page.getByRole('dialog', { name: 'Password' });
  await expect.element(dialog).toBeVisible();
  await userEvent.fill(dialog.getByLabelText('Document password'), 'wrong');
  await userEvent.click(dialog.getByRole('button', { name: 'Open' }));
  await expect.element(dialog.getByRole('alert')).toMatchTextContent(/^The password is wrong \(1 attempt\)\./);
  await page.screenshot({ path: '../../../.test-output/screenshots/password-dialog-en.png', element: dialog });
  await userEvent.fill(dialog.getByLabelText('Document password'), PASSWORD);
  await userEvent.click(dialog.getByRole('button', { name: 'Open' }));
  await expect.poll(painted, { timeout: 10_000 }).toBeTruthy();
});
