/**
 * The eight-week rule and misfiled scans on the device, against the real reference server: a
 * paper original requested offline shows at once and reaches the scan service once; one whose
 * retention ended before delivery is refused and the pending-changes panel says why; a scan
 * reported as misfiled stays, marked, until the next pull takes it and all its bytes off the device.
 */
import { createRoot } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import {
  adminClarificationsSchema,
  adminOriginalRequestsSchema,
  type AdminState,
} from '../../../src/shared/api/admin.ts';
import { daysUntilDestroyed } from '../../../src/shared/domain/original-retention.ts';
import type { DocumentId } from '../../../src/shared/domain/ids.ts';
import { VIEW_INDEX_CHUNK, VIEW_PREVIEW_CHUNK } from '../../../src/renderer/data/repos/contents.ts';
import {
  DocumentReportedMisfiledError,
  OriginalDestroyedError,
} from '../../../src/renderer/data/repos/document-errors.ts';
import type { CachedDocument } from '../../../src/renderer/data/repos/documents.ts';
import { engineOutbox } from '../../../src/renderer/data/repos/outbox-store.ts';
import { OutboxPanel } from '../../../src/renderer/features/outbox/OutboxPanel.tsx';
import { formatDate } from '../../../src/renderer/i18n/format.ts';
import { I18nProvider } from '../../../src/renderer/i18n/i18n-context.tsx';
import { fetchContent } from '../../../src/renderer/sync/content-fetch.ts';
import type { SyncEngine } from '../../../src/renderer/sync/engine.ts';
import { pull } from '../../../src/renderer/sync/pull.ts';
import { push } from '../../../src/renderer/sync/push.ts';
import '../../../src/renderer/styles/app.css';
import { signedIn, startServer, stopServer, testEngine, waitFor, type Harness } from './harness.ts';

const SERVER = 'documents';
let serverUrl: string;
let h: Harness;
let engine: SyncEngine | null = null;
let running: Promise<void> | null = null;
let unmount: (() => void) | null = null;

beforeAll(async () => {
  serverUrl = await startServer(SERVER);
});
afterEach(async () => {
  engine?.stop();
  await running?.catch(() => undefined);
  engine = null;
  running = null;
  unmount?.();
  unmount = null;
  await h?.admin('/faults', 'POST', {});
  await h?.close();
});
afterAll(() => stopServer(SERVER));

function startEngine(): SyncEngine {
  const started = testEngine(h);
  running = started.run();
  return started;
}

async function mountPanel(): Promise<void> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  root.render(
    <I18nProvider initial="de">
      <OutboxPanel session={h.session} retentionDays={30} onClose={() => undefined} />
    </I18nProvider>,
  );
  await expect.element(page.getByRole('dialog', { name: 'Ausstehende Änderungen' })).toBeVisible();
  unmount = () => {
    root.unmount();
    container.remove();
  };
}

const row = (text: string) => page.getByRole('row').filter({ hasText: text });

/** Every document of the cache, opened. */
async function cachedDocuments(): Promise<CachedDocument[]> {
  const all: CachedDocument[] = [];
  for (const { case: c } of await h.session.cases.list()) all.push(...(await h.session.documents.listForCase(c.id)));
  return all;
}

const adminState = async () => (await (await h.admin('/state', 'GET')).json()) as AdminState;

describe('paper originals', () => {
  it('requested offline: shown at once, delivered once, and the scan service has it', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const doc = (await cachedDocuments()).find(
      (d) => daysUntilDestroyed(d.originalRetainedUntil!, Date.now()) > 1 && !d.originalRequestedAt,
    )!;
    expect(doc).toBeDefined();
    await commands.stopReferenceServer(SERVER);
    engine = startEngine();

    const before = Date.now();
    const requested = await h.session.documents.requestOriginal(doc.id);
    expect(Date.parse(requested.originalRequestedAt!)).toBeGreaterThanOrEqual(before);
    expect((await h.session.documents.get(doc.id))?.originalRequestedAt).toBe(requested.originalRequestedAt);
    // Asked again before it went: nothing new to send.
    await h.session.documents.requestOriginal(doc.id);
    const entries = await h.session.db.outbox.toArray();
    expect(entries.map((e) => [e.entity, e.op, e.entityId, e.status])).toEqual([
      ['document', 'requestOriginal', doc.id, 'pending'],
    ]);
    await mountPanel();
    await expect.element(row('Original angefordert')).toMatchTextContent('Wartet auf Übermittlung');
    unmount!();
    unmount = null;

    await commands.resumeReferenceServer(SERVER);
    engine.trigger('online');
    await waitFor(async () => (await h.session.db.outbox.count()) === 0, 30_000, 'request delivered');
    expect((await adminState()).mutations[entries[0]!.id]).toMatchObject({ applied: 1 });
    const listed = adminOriginalRequestsSchema
      .parse(await (await h.admin('/original-requests', 'GET')).json())
      .requests.filter((r) => r.documentId === doc.id);
    expect(listed).toEqual([expect.objectContaining({ userId: h.user.id, mutationId: entries[0]!.id })]);

    // At the service (a fresh cache of the same user): requested, at the service's time. The
    // first session's engine stops first: the second session replaces its database under a new key.
    engine.stop();
    await running?.catch(() => undefined);
    engine = null;
    running = null;
    const other = await signedIn(serverUrl);
    await pull(other.api, other.session.db, other.session.cipher);
    const atService = await other.session.documents.get(doc.id);
    expect(atService).toMatchObject({ originalRequestedAt: listed[0]!.requestedAt, version: doc.version + 1 });
    await other.close();
  });

  it('past its end: refused on the device; made in time but delivered too late, refused by the service with the reason in the panel', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const doc = (await cachedDocuments()).find(
      (d) => daysUntilDestroyed(d.originalRetainedUntil!, Date.now()) < -3 && !d.originalRequestedAt,
    )!;
    const until = doc.originalRetainedUntil!;
    await expect(h.session.documents.requestOriginal(doc.id)).rejects.toBeInstanceOf(OriginalDestroyedError);
    expect(await h.session.db.outbox.count()).toBe(0);
    await h.close();

    // A laptop at a branch office asked on the last day and came back online days later.
    h = await signedIn(serverUrl, 'demo', { clock: () => Date.parse(`${until}T10:00:00Z`) });
    await pull(h.api, h.session.db, h.session.cipher);
    await h.session.documents.requestOriginal(doc.id);
    const store = engineOutbox(h.session.db, h.session.cipher, Date.now).outbox;
    await push(store, h.api);
    expect((await h.session.db.outbox.toArray()).map((e) => e.status)).toEqual(['rejected']);

    await mountPanel();
    const refused = row('Original angefordert');
    await expect.element(refused).toMatchTextContent('Vom zentralen Dienst abgelehnt');
    await expect
      .element(refused)
      .toMatchTextContent(
        `Das Papieroriginal ist nach der Acht-Wochen-Regel vernichtet; der Scandienst hat es bis zum ${formatDate(until, 'de')} aufbewahrt.`,
      );
    await page.screenshot({ path: '../../../.test-output/screenshots/outbox-original-destroyed.png' });
    // Discarded, the device takes the service's state again: not requested.
    await userEvent.click(refused.getByRole('button', { name: 'Verwerfen' }));
    await userEvent.click(
      page
        .getByRole('alertdialog', { name: 'Änderung verwerfen?' })
        .getByRole('button', { name: 'Endgültig verwerfen' }),
    );
    await expect.element(page.getByRole('status')).toMatchTextContent('Die Änderung wurde verworfen.');
    await push(store, h.api);
    await pull(h.api, h.session.db, h.session.cipher);
    expect((await h.session.documents.get(doc.id))?.originalRequestedAt).toBeUndefined();
    expect(await h.session.db.outbox.count()).toBe(0);
  });
});

describe('misfiled scans', () => {
  const REASON = 'Gehört zu einer anderen Bedarfsgemeinschaft (Familie Yilmaz).';

  it('stays, marked as reported, until the next pull takes it off the device with its bytes, index, preview and marks', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const doc = (await cachedDocuments()).find((d) => d.direction === 'incoming');
    const id = doc!.id;
    await fetchContent({ api: h.api, db: h.session.db, cipher: h.session.cipher, contents: h.session.contents }, id);
    const chunked = await h.session.contents.openChunked(id);
    await chunked.saveViewIndex(new Uint8Array([1, 2, 3]));
    await chunked.savePreview(new Uint8Array([4, 5, 6]));
    const chunks = () => h.session.db.contentChunks.where('documentId').equals(id).primaryKeys();
    expect((await chunks()).map(([, index]) => index)).toEqual(
      expect.arrayContaining([VIEW_PREVIEW_CHUNK, VIEW_INDEX_CHUNK, 0]),
    );
    const mark = await h.session.annotations.create({
      caseId: doc!.caseId,
      documentId: id,
      page: 1,
      kind: 'highlight',
      rect: { x: 10, y: 10, width: 40, height: 10 },
    });
    const store = engineOutbox(h.session.db, h.session.cipher, Date.now).outbox;
    await push(store, h.api);
    await pull(h.api, h.session.db, h.session.cipher);

    const reported = await h.session.documents.reportMisfiled(id, `  ${REASON}  `);
    expect(reported.misfiledReport).toMatchObject({ reason: REASON });
    const listed = (await h.session.documents.listForCase(doc!.caseId)).find((d) => d.id === id);
    expect(listed?.misfiledReport?.reason).toBe(REASON);
    await expect(h.session.documents.setStatus(id, 'processed')).rejects.toBeInstanceOf(DocumentReportedMisfiledError);
    await mountPanel();
    await expect.element(row('Als falsch zugeordnet gemeldet')).toMatchTextContent(`„${REASON}“`);
    unmount!();
    unmount = null;

    // Delivered: the service has it in its clarification queue; on the device it is still marked.
    await push(store, h.api);
    expect(await h.session.db.outbox.count()).toBe(0);
    expect((await h.session.documents.get(id))?.misfiledReport?.reason).toBe(REASON);
    const queue = adminClarificationsSchema.parse(await (await h.admin('/clarifications', 'GET')).json());
    expect(queue.clarifications).toContainEqual(
      expect.objectContaining({ documentId: id, caseId: doc!.caseId, reason: REASON, userId: h.user.id }),
    );

    await pull(h.api, h.session.db, h.session.cipher);
    expect(await h.session.documents.get(id)).toBeUndefined();
    expect(await h.session.db.contents.get(id)).toBeUndefined();
    expect(await chunks()).toEqual([]);
    expect(await h.session.db.annotations.get(mark.id)).toBeUndefined();
    expect(await h.session.db.outbox.count()).toBe(0);
  });

  it('leaves the device even with a change of it still undelivered, and keeps none of the bytes arriving meanwhile', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const docs = (await h.session.db.documents.toArray()).sort((a, b) => b.byteSize - a.byteSize);
    const doc = docs[0]!;
    const chunkSize = 16 * 1024;
    expect(doc.byteSize).toBeGreaterThan(4 * chunkSize);
    await h.session.db.contents.update(doc.id, { chunkSize });
    // The bytes trickle in over about four seconds.
    await h.admin('/faults', 'POST', {
      bandwidthBytesPerSec: Math.ceil(doc.byteSize / 4),
      pathPrefix: '/api/v1/documents/',
    });
    const fetching = fetchContent(
      { api: h.api, db: h.session.db, cipher: h.session.cipher, contents: h.session.contents },
      doc.id,
    );
    await waitFor(async () => ((await h.session.db.contents.get(doc.id))?.storedBytes ?? 0) > 0, 10_000, 'first chunk');
    // A colleague (the substitute) reports it, while this device has its status change still to send.
    await h.session.documents.setStatus(doc.id as DocumentId, doc.status === 'read' ? 'processed' : 'read');
    expect((await h.session.db.outbox.toArray()).map((e) => e.entityId)).toEqual([doc.id]);
    const colleague = await h.api.mutations([
      {
        id: crypto.randomUUID() as never,
        entity: 'document',
        op: 'reportMisfiled',
        caseId: doc.caseId as never,
        data: { id: doc.id as DocumentId, reason: 'Falsche Akte' },
      },
    ]);
    expect(colleague.results[0]?.status).toBe('applied');
    await pull(h.api, h.session.db, h.session.cipher);
    expect(await h.session.db.documents.get(doc.id)).toBeUndefined();
    await fetching;
    expect(await h.session.db.contentChunks.where('documentId').equals(doc.id).count()).toBe(0);
    expect(await h.session.db.contents.get(doc.id)).toBeUndefined();
    // The status change meets a document the case no longer has: refused, kept for the user to see.
    const store = engineOutbox(h.session.db, h.session.cipher, Date.now).outbox;
    await h.admin('/faults', 'POST', {});
    await push(store, h.api);
    expect((await h.session.db.outbox.toArray()).map((e) => [e.op, e.status])).toEqual([['put', 'rejected']]);
  });
});
