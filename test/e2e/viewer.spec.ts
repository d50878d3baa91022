/**
 * The viewer as two real windows (two pages of one browser context sharing IndexedDB), over a
 * scanned document made by the reference server's demo generator: a mark made in one window
 * shows in the other at once; screenshots of the scan and of each kind of mark.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeScannedPdf } from '../../server/demo/scanned-pdf.ts';
import { buildHarness, startHarnessHost, type HarnessHost } from '../browser/support/harness-host.ts';
import { browserOnly, expect, screenshotDir, test } from './fixtures.ts';

const PAGES = 40;
let host: HarnessHost;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const pdf = makeScannedPdf({
    seed: 20250602,
    pages: PAGES,
    title: 'Mietvertrag und Nebenkosten',
    lines: ['Mietvertrag Wohnung Lindenstraße 4', 'Kaltmiete 450,00 EUR, Nebenkosten 120,00 EUR'],
  });
  await buildHarness();
  host = await startHarnessHost((name) => (name === 'scan.pdf' ? pdf : null));
});
test.afterAll(async () => host.close());

async function openWindow(page: Page, keyHex: string, seed: boolean): Promise<void> {
  await page.goto(host.url);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  await page.evaluate((k) => window.harness.signIn('u-e2e-viewer', 'Erika Muster', k), keyHex);
  if (seed)
    await page.evaluate(
      (n) => window.harness.seed('/files/scan.pdf', 'doc-scan', n, 'Mietvertrag und Nebenkosten'),
      PAGES,
    );
  const opened = await page.evaluate(() => window.harness.open('doc-scan'));
  expect(opened.outcome).toBe('rendered');
}

test.beforeEach(({ targetKind }) =>
  browserOnly(targetKind, 'the viewer module in a harness page of Chromium, not the app’s windows'),
);

test('a mark made in one window shows in the other at once; each kind looks right', async ({ context }) => {
  const keyHex = randomBytes(32).toString('hex');
  const first = await context.newPage();
  await first.setViewportSize({ width: 1400, height: 1000 });
  await openWindow(first, keyHex, true);
  const second = await context.newPage();
  await second.setViewportSize({ width: 1400, height: 1000 });
  await openWindow(second, keyHex, false);
  await expect(first.getByRole('heading', { level: 1 })).toHaveText('Kontoauszug: Mietvertrag und Nebenkosten');
  await first.screenshot({ path: path.join(screenshotDir, 'viewer-scan.png') });

  const panel = first.getByRole('complementary', { name: 'Anmerkungen' });
  const page1 = first.getByRole('group', { name: 'Seite 1', exact: true });
  // Highlight: drag over the typed lines at the top of the first page.
  await panel.getByRole('button', { name: 'Markieren', exact: true }).click();
  const box = (await page1.boundingBox())!;
  await first.mouse.move(box.x + box.width * 0.09, box.y + box.height * 0.065);
  await first.mouse.down();
  await first.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.1, { steps: 5 });
  await first.mouse.up();
  await expect(second.locator('.mark-highlight')).toHaveCount(1);
  await first.screenshot({ path: path.join(screenshotDir, 'viewer-highlight.png') });

  // Sticky note by click, text typed in the panel's editor.
  await panel.getByRole('button', { name: 'Notiz', exact: true }).click();
  await page1.click({ position: { x: box.width * 0.72, y: box.height * 0.2 } });
  await panel.getByRole('textbox', { name: 'Text' }).fill('Nebenkostenabrechnung 2024 anfordern');
  await panel.getByRole('button', { name: 'Speichern' }).click();
  await expect(second.locator('.mark-note')).toContainText('Nebenkostenabrechnung 2024 anfordern');
  await first.screenshot({ path: path.join(screenshotDir, 'viewer-note.png') });

  // Stamp "Eingegangen" with user and date.
  await panel.getByRole('button', { name: 'Stempel', exact: true }).click();
  await page1.click({ position: { x: box.width * 0.75, y: box.height * 0.05 } });
  await expect(second.locator('.mark-stamp')).toContainText('Eingegangen');
  await expect(second.locator('.mark-stamp')).toContainText('Erika Muster');
  await panel.getByRole('button', { name: 'Auswählen', exact: true }).click();
  await first.screenshot({ path: path.join(screenshotDir, 'viewer-stamp.png') });
  await second.screenshot({ path: path.join(screenshotDir, 'viewer-second-window.png') });

  // Deleting in the second window removes it from the first.
  await second
    .getByRole('listitem')
    .filter({ hasText: 'Nebenkostenabrechnung 2024 anfordern' })
    .getByRole('button', { name: 'Löschen' })
    .click();
  await expect(first.locator('.mark-note')).toHaveCount(0);
});

test('find in the OCR text layer of the demo scan, paging and zoom in the built viewer', async ({ context }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openWindow(page, randomBytes(32).toString('hex'), true);
  await page.getByRole('searchbox', { name: 'Suchen im Text' }).fill('Lindenstraße');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Treffer 1 von 1')).toBeVisible();
  await expect(page.locator('[data-page="1"] .find-hit-current')).toHaveCount(1);
  await page.locator('.viewer-pages').focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('textbox', { name: 'Gehe zu Seite' })).toHaveValue(String(PAGES));
  await expect(page.locator(`[data-page="${PAGES}"][data-rendered]`)).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Zoom' }).selectOption('fit-page');
  await page.screenshot({ path: path.join(screenshotDir, 'viewer-fit-page.png') });
});
