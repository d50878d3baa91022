/** The viewer follows the document selected in the workspace, unless it is pinned. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import type { OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import { mountViewer, type MountedViewer } from '../support/mount-viewer.tsx';
import { makeTestScan } from '../support/scanned-pdf.ts';
import { openTestSession, seedDocument, testUser } from '../support/seed.ts';

let session: Session;
let viewer: MountedViewer;
const workspace = new BroadcastChannel('eakte-ui-intent');
const select = (documentId: string, pageNumber?: number) =>
  workspace.postMessage({ type: 'select-document', documentId, ...(pageNumber ? { page: pageNumber } : {}) });
const heading = () => page.getByRole('heading', { level: 1 });

beforeAll(async () => {
  await page.viewport(1280, 900);
  ({ session } = await openTestSession(testUser(`u-follow-${Date.now()}`)));
  await seedDocument(session, await makeTestScan(2), {
    id: 'doc-a',
    title: 'Antrag auf Weiterbewilligung',
    type: 'continuationApplication',
  });
  await seedDocument(session, await makeTestScan(6), {
    id: 'doc-b',
    title: 'Mietvertrag',
    type: 'tenancyAgreement',
    pageCount: 6,
  });
  viewer = mountViewer(session, 'doc-a');
});
afterAll(() => {
  viewer.unmount();
  workspace.close();
  session.close();
});

it('follows a selection, opening the asked-for page', async () => {
  await expect.element(heading()).toHaveTextContent('Weiterbewilligungsantrag: Antrag auf Weiterbewilligung');
  select('doc-b', 4);
  await expect.element(heading()).toHaveTextContent('Mietvertrag: Mietvertrag');
  await expect.element(page.getByRole('textbox', { name: 'Gehe zu Seite' })).toHaveValue('4');
});

it('stays on its document while pinned, and follows again once unpinned', async () => {
  await page.getByRole('button', { name: 'Dokument anheften' }).click();
  await expect.element(page.getByRole('button', { name: 'Angeheftet' })).toHaveAttribute('aria-pressed', 'true');
  select('doc-a');
  await new Promise((r) => setTimeout(r, 300));
  await expect.element(heading()).toHaveTextContent('Mietvertrag: Mietvertrag');
  await page.getByRole('button', { name: 'Angeheftet' }).click();
  select('doc-a');
  await expect.poll(() => document.querySelector('h1')?.textContent).toMatch(/^Weiterbewilligungsantrag/);
});

it('shows a clear message for a document whose bytes are not cached yet', async () => {
  await session.db.contents.update('doc-b', { state: 'partial' });
  select('doc-b');
  await expect
    .poll(() => document.querySelector('[role="alert"]')?.textContent)
    .toMatch(/noch nicht auf diesem Gerät gespeichert/);
});
