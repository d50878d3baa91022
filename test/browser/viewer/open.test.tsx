import { afterEach, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { mountViewer, type MountedViewer } from '../support/mount-viewer.tsx';
import { makeTestScan } from '../support/scanned-pdf.ts';
import { openTestSession, seedDocument, testUser } from '../support/seed.ts';

let mounted: MountedViewer | null = null;
afterEach(() => mounted?.unmount());

it('opens a cached scan and paints its first page', async () => {
  await page.viewport(1280, 900);
  const { session } = await openTestSession(testUser(`u-open-${Date.now()}`));
  const bytes = await makeTestScan(12, (n) => (n === 3 ? ['Mietvertrag Wohnung'] : []));
  await seedDocument(session, bytes, { id: 'doc-1', pageCount: 12 });
  mounted = mountViewer(session, 'doc-1');
  await expect.element(page.getByRole('heading', { level: 1 })).toHaveTextContent('Kontoauszug: Kontoauszüge Mai 2025');
  await expect.poll(() => document.querySelector('[data-page="1"][data-rendered]'), { timeout: 10_000 }).toBeTruthy();
  await page.screenshot({ path: '../../../.test-output/screenshots/viewer-open.png' });
});
