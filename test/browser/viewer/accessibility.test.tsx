/**
 * The viewer checked against WCAG 2.1 A and AA with axe-core in real Chromium: a scanned document
 * open, with thumbnails, the page text, marks of each kind and the annotations panel.
 */
import axe from 'axe-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import { mountViewer, type MountedViewer } from '../support/mount-viewer.tsx';
import { makeTestScan } from '../support/scanned-pdf.ts';
import { openTestSession, seedDocument, testUser } from '../support/seed.ts';

let session: Session;
let viewer: MountedViewer;

beforeAll(async () => {
  await page.viewport(1280, 900);
  ({ session } = await openTestSession(testUser(`u-a11y-${Date.now()}`, 'Erika Muster')));
  await seedDocument(session, await makeTestScan(5, () => ['Kaltmiete 450 EUR']), { id: 'doc-a11y', pageCount: 5 });
  viewer = mountViewer(session, 'doc-a11y');
});
afterAll(() => {
  viewer.unmount();
  session.close();
});

async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

it('has no WCAG 2.1 A/AA violations with a document, its text, thumbnails and marks', async () => {
  await expect.poll(() => document.querySelector('[data-page="1"][data-rendered]'), { timeout: 10_000 }).toBeTruthy();
  await expect.poll(() => document.querySelector('[data-page="1"] .page-text span'), { timeout: 10_000 }).toBeTruthy();
  await expect.poll(() => document.querySelector('.viewer-thumbs canvas'), { timeout: 10_000 }).toBeTruthy();
  const panel = page.getByRole('complementary', { name: 'Anmerkungen' });
  await panel.getByRole('button', { name: '+ Markierung' }).click();
  await panel.getByRole('button', { name: 'Abbrechen' }).click();
  await panel.getByRole('button', { name: '+ Notiz' }).click();
  await userEvent.fill(panel.getByRole('textbox', { name: 'Text' }), 'Rückfrage bei Vermieter');
  await panel.getByRole('button', { name: 'Speichern' }).click();
  await panel.getByRole('button', { name: '+ Stempel' }).click();
  await expect.poll(() => document.querySelectorAll('.mark').length).toBe(3);
  await expect.poll(() => document.querySelector('.mark-note')?.textContent).toContain('Rückfrage bei Vermieter');
  expect(await violations()).toEqual([]);
  // The same with a mark selected (its tag and corner handle shown) and in English.
  (document.querySelector('.mark-highlight') as HTMLElement).focus();
  await expect.poll(() => document.querySelector('.mark-resize')).toBeTruthy();
  expect(await violations()).toEqual([]);
  await page.getByRole('combobox', { name: 'Sprache' }).selectOptions('en');
  await expect.element(page.getByRole('button', { name: /Rotate view/ })).toBeInTheDocument();
  expect(await violations()).toEqual([]);
  await page.screenshot({ path: '../../../.test-output/screenshots/viewer-accessibility.png' });
});
