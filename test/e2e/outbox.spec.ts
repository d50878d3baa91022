/**
 * The outbox end to end, in the built app against the reference server: a document viewed while
 * the service is down is audited exactly once when it is back, and the documents prepared in the
 * background are not; the app killed at random moments while it delivers loses nothing and applies
 * nothing twice; IndexedDB lost while changes are pending — they come back from the journal, which
 * holds no plain text, and are delivered once.
 */
import type { Page } from '@playwright/test';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, screenshotDir, signIn, test, type Desk, type Service } from './fixtures.ts';

type FeedDocument = { id: string; caseId: string; status: string; pageCount: number };
type Annotation = { id: string; documentId: string; text?: string };

async function login(service: Service, username: string): Promise<string> {
  const response = await fetch(`${service.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Everything the service holds for demo, through its change feed. */
async function feed(service: Service): Promise<{ documents: FeedDocument[]; annotations: Annotation[] }> {
  const token = await login(service, 'demo');
  const documents: FeedDocument[] = [];
  const annotations: Annotation[] = [];
  let cursor = '';
  for (;;) {
    const page = (await (
      await fetch(`${service.url}/api/v1/changes?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { changes: { entity: string; op: string; data: never }[]; cursor: string; hasMore: boolean };
    for (const change of page.changes) {
      if (change.op !== 'put') continue;
      if (change.entity === 'document') documents.push(change.data);
      if (change.entity === 'annotation') annotations.push(change.data);
    }
    cursor = page.cursor;
    if (!page.hasMore) return { documents, annotations };
  }
}

/** A case with several documents, and its first one. */
async function caseWithDocuments(service: Service): Promise<{ caseId: string; shown: string; others: string[] }> {
  const { documents } = await feed(service);
  const byCase = new Map<string, string[]>();
  for (const d of documents) byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d.id]);
  const [caseId, ids] = [...byCase].find(([, list]) => list.length >= 3)!;
  return { caseId, shown: ids[0]!, others: ids.slice(1) };
}

/** Waits until every document is on the device (the status line says "N Dokumente · N offline"). */
async function allOnDevice(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const match = /(\d+) Dokumente · (\d+) offline/.exec(await page.locator('.sync-status').innerText());
        return match !== null && match[1] === match[2] && match[1] !== '0';
      },
      { timeout: 60_000 },
    )
    .toBe(true);
}

/** Waits until the status line shows nothing waiting: the outbox is delivered. */
async function delivered(page: Page, timeout = 60_000): Promise<void> {
  try {
    await expect(page.locator('.sync-status .outbox-button')).toHaveCount(0, { timeout });
  } catch (error) {
    // What is left, for the report.
    await page.locator('.sync-status .outbox-button').click();
    const left = await page.getByRole('dialog', { name: 'Ausstehende Änderungen' }).innerText();
    throw new Error(`${String(error)}\nAusstehend:\n${left}\n${await outboxRows(page)}`, { cause: error });
  }
}

/** The device's outbox entries without their sealed payloads, for a failure's report. */
async function outboxRows(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('eakte-cache-u-demo');
      open.onsuccess = () => resolve(open.result);
    });
    const all = await new Promise<unknown[]>((resolve) => {
      const r = db.transaction('outbox').objectStore('outbox').getAll();
      r.onsuccess = () => resolve(r.result as unknown[]);
    });
    db.close();
    return JSON.stringify(
      all.map((e) => {
        const { sealed: _s, sealedServer: _v, ...rest } = e as Record<string, unknown>;
        return rest;
      }),
    );
  });
}

async function addNote(viewer: Page, text: string): Promise<void> {
  const panel = viewer.getByRole('complementary', { name: 'Anmerkungen' });
  await panel.getByRole('button', { name: '+ Notiz' }).click();
  await panel.getByRole('textbox', { name: 'Text' }).fill(text);
  await panel.getByRole('button', { name: 'Speichern' }).click();
  // Saved: the editor has closed and the mark shows its text.
  await expect(panel.getByRole('textbox', { name: 'Text' })).toHaveCount(0);
  await expect(panel.getByText(text)).toBeVisible();
}

async function openDocument(viewer: Page): Promise<void> {
  await expect(viewer.locator('.shell-status')).toContainText(/Dokument geöffnet/, { timeout: 30_000 });
}

test('a document viewed while the service is down is audited exactly once when it is back; prepared ones are not', async ({
  workspace,
  viewer,
  service,
}) => {
  const { caseId, shown, others } = await caseWithDocuments(service);
  await signIn(workspace);
  await allOnDevice(workspace);
  await service.stop();
  await workspace.evaluate(
    (documentId) => new BroadcastChannel('eakte-ui-intent').postMessage({ type: 'select-document', documentId }),
    shown,
  );
  await openDocument(viewer);
  // The viewer prepares the case's other documents after 2 s on screen (their remembered first
  // view is chunk −2 beside their bytes): wait until at least one of them is prepared.
  await expect
    .poll(
      () =>
        viewer.evaluate(async (ids) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open('eakte-cache-u-demo');
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error ?? new Error('open failed'));
          });
          const store = db.transaction('contentChunks').objectStore('contentChunks');
          const counts = await Promise.all(
            ids.map(
              (id) =>
                new Promise<number>((resolve) => {
                  const request = store.count([id, -2]);
                  request.onsuccess = () => resolve(request.result);
                }),
            ),
          );
          db.close();
          return counts.reduce((a, b) => a + b, 0);
        }, others),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  await expect(workspace.locator('.sync-status')).toContainText(/Keine Verbindung|nicht erreichbar/, {
    timeout: 30_000,
  });
  await service.resume();
  await workspace.getByRole('button', { name: 'Jetzt abgleichen' }).click();
  await delivered(workspace);

  const token = await login(service, 'dsb');
  const trail = (await (
    await fetch(`${service.url}/api/v1/audit?caseId=${caseId}`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { events: { action: string; userId: string; documentId?: string }[] };
  const views = trail.events.filter((e) => e.action === 'document.view' && e.userId === 'u-demo');
  expect(views.map((e) => e.documentId)).toEqual([shown]);
  expect(views.some((e) => others.includes(e.documentId ?? ''))).toBe(false);
  const state = await service.state();
  const ids = Object.entries(state.audit).filter(([, c]) => c.applied === 1);
  expect(ids.length).toBeGreaterThanOrEqual(1);
  expect(Object.values(state.audit).every((c) => c.applied <= 1)).toBe(true);
});

/** Every mark the test typed is at the service exactly once; nothing was applied twice. */
async function expectAllOnce(service: Service, texts: readonly string[]): Promise<void> {
  const { annotations } = await feed(service);
  const seen = JSON.stringify(
    annotations
      .filter((a) => a.text?.startsWith(texts[0]!.split(' ')[0]!) || a.text === undefined)
      .map((a) => [a.id, a.text]),
  );
  for (const text of texts)
    expect(
      annotations.filter((a) => a.text === text),
      `${text} in ${seen}`,
    ).toHaveLength(1);
  const state = await service.state();
  expect(Object.entries(state.mutations).filter(([, c]) => c.applied > 1)).toEqual([]);
}

async function startSignedIn(desk: Desk): Promise<Page> {
  const page = await desk.start();
  await signIn(page);
  await expect(page.getByRole('heading', { level: 2, name: /Meine Akten/ })).toBeVisible({ timeout: 30_000 });
  return page;
}

test('killed at random moments while delivering, 20 times: nothing lost, nothing applied twice', async ({
  desk,
  service,
}) => {
  test.setTimeout(600_000);
  const { shown } = await caseWithDocuments(service);
  const typed: string[] = [];
  let workspace = await startSignedIn(desk);
  await allOnDevice(workspace);
  // Every answer of the service a little late, so that the app dies with requests on the way.
  await service.admin('/faults', { latencyMs: 150, pathPrefix: '/api/v1/mutations' });
  for (let round = 1; round <= 20; round++) {
    const viewer = await desk.viewer(shown);
    await openDocument(viewer);
    await service.stop();
    for (let k = 1; k <= 3; k++) {
      const text = `Absturzprobe ${round}.${k}`;
      await addNote(viewer, text);
      typed.push(text);
    }
    await service.resume();
    await service.admin('/faults', { latencyMs: 150, pathPrefix: '/api/v1/mutations' });
    await workspace.getByRole('button', { name: 'Jetzt abgleichen' }).click();
    // Somewhere in the flush: before the first batch, while it is on the way, or after it.
    await workspace.waitForTimeout(Math.floor(Math.random() * 400));
    await desk.crash();
    workspace = await startSignedIn(desk);
  }
  // Right after the last start the outbox may not be read yet, so an empty outbox line proves
  // nothing: wait until the service holds every mark, each once.
  try {
    await expect(async () => expectAllOnce(service, typed)).toPass({ timeout: 90_000 });
  } catch (error) {
    const state = await service.state();
    throw new Error(
      `${String(error)}\nGerät:\n${await outboxRows(workspace)}\nDienst:\n${JSON.stringify(state.mutations)}`,
      { cause: error },
    );
  }
  await delivered(workspace);
});

/** Every file under a folder (sockets and the like left out). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(full) : stat.isFile() ? [full] : [];
  });
}

function indexedDbFolders(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat?.isDirectory()) return [];
    return name === 'IndexedDB' ? [full] : indexedDbFolders(full);
  });
}

test('IndexedDB lost while changes are pending: restored from the journal, which holds no plain text, and delivered once', async ({
  desk,
  service,
}) => {
  test.setTimeout(180_000);
  const { shown } = await caseWithDocuments(service);
  const workspace = await startSignedIn(desk);
  await allOnDevice(workspace);
  const viewer = await desk.viewer(shown);
  await openDocument(viewer);
  await service.stop();
  const texts = ['Journalprobe Zaunkönig Rückruf', 'Journalprobe Zaunkönig Nachweis', 'Journalprobe Zaunkönig Frist'];
  for (const text of texts) await addNote(viewer, text);
  await desk.stop();

  // What Chromium does after disk-full or corruption: the origin's databases are gone, keyring included.
  const folders = indexedDbFolders(desk.profile);
  expect(folders.length).toBeGreaterThan(0);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  const needles = ['Zaunkönig', 'Journalprobe'].flatMap((w) => [Buffer.from(w, 'utf8'), Buffer.from(w, 'utf16le')]);
  const hits = filesUnder(desk.profile)
    .filter((file) => {
      const bytes = readFileSync(file);
      return needles.some((n) => bytes.includes(n));
    })
    .map((file) => path.relative(desk.profile, file));
  expect(hits).toEqual([]);

  await service.resume();
  const again = await startSignedIn(desk);
  await expect(again.locator('.sync-status')).toContainText(/aus der Sicherungskopie wiederhergestellt/, {
    timeout: 30_000,
  });
  await again.screenshot({ path: path.join(screenshotDir, 'outbox-restored.png') });
  await expect(async () => expectAllOnce(service, texts)).toPass({ timeout: 90_000 });
  await delivered(again);
});
