/**
 * The built app in browser mode with its real sync worker: a letter newly scanned into a case
 * arrives by sync and is prepared in the sync worker's drawing worker before anyone opens it, so
 * that its first open in the viewer window shows page 1 at once from that picture.
 */
import type { Page } from '@playwright/test';
import { browserOnly, expect, signIn, test } from './fixtures.ts';

/** Keys of a table of the demo user's cache, or whether one key is there. */
function cacheKeys(page: Page, table: string): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('eakte-cache-u-demo');
        open.onerror = () => reject(new Error('no cache'));
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAllKeys();
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
        };
      }),
    table,
  );
}

async function newLetter(adminUrl: string, caseId: string, title: string): Promise<string> {
  const response = await fetch(`${adminUrl}/admin/inbox`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ caseId, pages: 3, title }),
  });
  return ((await response.json()) as { documentId: string }).documentId;
}

test('a document that arrives by sync is prepared in the sync worker and opens from that picture', async ({
  workspace,
  referenceServer,
  browserHost,
  targetKind,
}) => {
  browserOnly(targetKind, 'reads the cache through IndexedDB of the browser profile and opens viewer pages by URL');
  test.setTimeout(120_000);
  const context = workspace.context();
  const viewerUrl = (documentId: string) => `${browserHost.url}/viewer.html?documentId=${documentId}`;
  await signIn(workspace);
  await expect(workspace.locator('.sync-status')).toContainText('Abgeglichen', { timeout: 30_000 });
  const [caseId] = (await cacheKeys(workspace, 'cases')) as string[];

  // The viewer window shows a document once, and so tells the sync worker its layout.
  const shown = await newLetter(referenceServer.url, caseId!, 'Mitteilung über Einkommen');
  await workspace.getByRole('button', { name: 'Jetzt abgleichen' }).click();
  await expect
    .poll(async () => (await cacheKeys(workspace, 'documents')).includes(shown), { timeout: 30_000 })
    .toBe(true);
  const viewer = await context.newPage();
  await viewer.setViewportSize({ width: 1400, height: 1000 });
  await viewer.goto(viewerUrl(shown));
  await expect(viewer.locator('[data-page="1"][data-rendered]')).toBeAttached({ timeout: 30_000 });
  await expect
    .poll(async () => (await cacheKeys(workspace, 'syncState')).includes('openingView'), {
      timeout: 15_000,
    })
    .toBe(true);
  await viewer.close();

  // New mail: it arrives with the next sync and is prepared without being opened.
  const arrived = await newLetter(referenceServer.url, caseId!, 'Kontoauszug März');
  await workspace.getByRole('button', { name: 'Jetzt abgleichen' }).click();
  await expect
    .poll(
      async () =>
        (await cacheKeys(workspace, 'contentChunks')).some((k) => Array.isArray(k) && k[0] === arrived && k[1] === -2),
      { timeout: 60_000, intervals: [500] },
    )
    .toBe(true);

  const again = await context.newPage();
  await again.setViewportSize({ width: 1400, height: 1000 });
  await again.goto(viewerUrl(arrived));
  await expect(again.locator('[data-page="1"]')).toHaveAttribute('data-rendered', 'preview', { timeout: 30_000 });
});
