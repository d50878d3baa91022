/**
 * Delivering the outbox against the real reference server, checked through /admin/state: what is
 * typed while the service is down reaches it exactly once, in order per case, once it is back —
 * also through injected failures and dropped connections — and a conflict or a rejection reaches
 * the user in "Ausstehende Änderungen" with choices that do what they say.
 */
import { createRoot } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { AdminState } from '../../../src/shared/api/admin.ts';
import type { Mutation } from '../../../src/shared/api/mutations.ts';
import { engineOutbox } from '../../../src/renderer/data/repos/outbox-store.ts';
import { OutboxPanel } from '../../../src/renderer/features/outbox/OutboxPanel.tsx';
import { I18nProvider } from '../../../src/renderer/i18n/i18n-context.tsx';
import type { SyncEngine } from '../../../src/renderer/sync/engine.ts';
import { pull } from '../../../src/renderer/sync/pull.ts';
import { push } from '../../../src/renderer/sync/push.ts';
import '../../../src/renderer/styles/app.css';
import { signedIn, startServer, stopServer, testEngine, waitFor, type Harness } from './harness.ts';

let serverUrl: string;
let h: Harness;
let engine: SyncEngine | null = null;
let running: Promise<void> | null = null;

beforeAll(async () => {
  serverUrl = await startServer('outbox');
});
afterEach(async () => {
  engine?.stop();
  await running?.catch(() => undefined);
  engine = null;
  running = null;
  document.body.replaceChildren();
  await h?.admin('/faults', 'POST', {});
  await h?.close();
});
afterAll(() => stopServer('outbox'));

async function adminState(): Promise<AdminState> {
  return (await (await h.admin('/state', 'GET')).json()) as AdminState;
}

function startEngine(): SyncEngine {
  const started = testEngine(h);
  running = started.run();
  return started;
}

const outboxEmpty = async () => (await h.session.db.outbox.count()) === 0;

/** The mutation ids of the outbox by case, in the order they were made. */
async function idsByCase(): Promise<Map<string, string[]>> {
  const byCase = new Map<string, string[]>();
  for (const e of await h.session.db.outbox.orderBy('seq').toArray())
    if (e.kind === 'mutation') byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e.id]);
  return byCase;
}

function expectExactlyOnceInOrder(state: AdminState, byCase: Map<string, string[]>): void {
  for (const [caseId, ids] of byCase) {
    for (const id of ids) expect(state.mutations[id], `${caseId} ${id}`).toMatchObject({ applied: 1 });
    const order = ids.map((id) => state.mutations[id]!.order);
    expect(order, caseId).toEqual([...order].sort((a, b) => a - b));
  }
}

describe('outbox delivery', () => {
  it('delivers annotations, notes, follow-ups and inbox status made offline exactly once, in order per case', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const cases = (await h.session.cases.list()).slice(0, 3).map((c) => c.case.id);
    await commands.stopReferenceServer('outbox');
    engine = startEngine();

    for (const caseId of cases) {
      const note = await h.session.notes.create(caseId, `Telefonat am Vormittag (${caseId})`);
      await h.session.notes.edit(note.id, `Telefonat am Vormittag, Rückruf zugesagt (${caseId})`);
      const followUp = await h.session.followUps.create(caseId, { dueOn: '2025-07-01', text: 'Unterlagen prüfen' });
      await h.session.followUps.complete(followUp.id);
      const [doc] = await h.session.documents.listForCase(caseId);
      await h.session.annotations.create({
        caseId,
        documentId: doc!.id,
        page: 1,
        kind: 'note',
        text: 'Betrag prüfen',
        rect: { x: 50, y: 60, width: 100, height: 40 },
      });
      await h.session.documents.setStatus(doc!.id, doc!.status === 'read' ? 'processed' : 'read');
    }
    // Visible at once, marked as not yet sent.
    const notes = await h.session.notes.listForCase(cases[0]!);
    expect(notes.find((n) => n.text.startsWith('Telefonat am Vormittag, Rückruf'))?.delivery).toBe('pending');
    const byCase = await idsByCase();
    expect([...byCase.values()].flat()).toHaveLength(cases.length * 6);
    await new Promise((r) => setTimeout(r, 1500)); // the engine meets the outage and backs off
    expect(await h.session.db.outbox.where('kind').equals('mutation').count()).toBe(cases.length * 6);

    await commands.resumeReferenceServer('outbox');
    engine.trigger('online');
    await waitFor(outboxEmpty, 30_000, 'outbox delivered');
    expectExactlyOnceInOrder(await adminState(), byCase);

    // The service's versions are kept: a note created and edited offline is at version 2.
    const delivered = (await h.session.notes.listForCase(cases[0]!)).find((n) =>
      n.text.startsWith('Telefonat am Vormittag, Rückruf'),
    );
    expect(delivered).toMatchObject({ version: 2, delivery: 'sent' });
    const followUps = await h.session.followUps.listForCase(cases[0]!);
    expect(followUps.find((f) => f.text === 'Unterlagen prüfen')).toMatchObject({ done: true, version: 2 });
  });

  it('delivers everything exactly once through injected failures (30 %) and dropped connections (10 %)', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const cases = (await h.session.cases.list()).map((c) => c.case.id);
    for (let k = 0; k < 60; k++) {
      const caseId = cases[k % cases.length]!;
      const note = await h.session.notes.create(caseId, `Vermerk ${k} unter Störungen`);
      if (k % 3 === 0) await h.session.notes.edit(note.id, `Vermerk ${k} unter Störungen, ergänzt`);
    }
    const byCase = await idsByCase();
    await h.admin('/faults', 'POST', { failRate: 0.3, resetRate: 0.1, pathPrefix: '/api/v1/mutations' });
    engine = startEngine();
    await waitFor(outboxEmpty, 60_000, 'outbox delivered under faults');
    const state = await adminState();
    expectExactlyOnceInOrder(state, byCase);
    // A reset after the service applied a batch makes the client send it again: seen twice, applied once.
    const ids = [...byCase.values()].flat();
    expect(ids.every((id) => state.mutations[id]!.applied === 1)).toBe(true);
    await h.admin('/faults', 'POST', {});
    // Done with this session's engine: the next session of the same user replaces its database,
    // and a pull still running would write into that one under this session's key.
    engine.stop();
    await running;
    const other = await signedIn(serverUrl);
    await pull(other.api, other.session.db, other.session.cipher);
    let found = 0;
    for (const caseId of cases)
      found += (await other.session.notes.listForCase(caseId)).filter((n) => n.text.includes('unter Störungen')).length;
    expect(found).toBe(60);
    await other.close();
  });
});

describe('conflicts and rejections reach the user', () => {
  async function mountPanel(): Promise<() => void> {
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    root.render(
      <I18nProvider initial="de">
        <OutboxPanel session={h.session} retentionDays={30} onClose={() => undefined} />
      </I18nProvider>,
    );
    await expect.element(page.getByRole('dialog', { name: 'Ausstehende Änderungen' })).toBeVisible();
    return () => {
      root.unmount();
      container.remove();
    };
  }

  const row = (text: string) => page.getByRole('row').filter({ hasText: text });

  it('a conflict: "send mine again" puts mine on top of the service’s version, "take the service’s" takes it', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const [caseId] = (await h.session.cases.list()).map((c) => c.case.id);
    const mine = await h.session.notes.create(caseId!, 'Erste Notiz, meine Fassung');
    const theirs = await h.session.notes.create(caseId!, 'Zweite Notiz, meine Fassung');
    expect(await push(engineOutbox(h.session.db, h.session.cipher, Date.now).outbox, h.api)).toMatchObject({
      status: 'done',
    });
    // A colleague changes both notes at the service.
    for (const [note, text] of [
      [mine, 'Erste Notiz, Fassung der Kollegin'],
      [theirs, 'Zweite Notiz, Fassung der Kollegin'],
    ] as const) {
      const answer = await h.api.mutations([
        {
          id: crypto.randomUUID(),
          caseId: caseId!,
          entity: 'note',
          op: 'put',
          baseVersion: 1,
          data: { id: note.id, text },
        } as Mutation,
      ]);
      expect(answer.results[0]).toMatchObject({ status: 'applied', version: 2 });
    }
    await h.session.notes.edit(mine.id, 'Erste Notiz, meine zweite Fassung');
    await h.session.notes.edit(theirs.id, 'Zweite Notiz, meine zweite Fassung');
    const store = engineOutbox(h.session.db, h.session.cipher, Date.now).outbox;
    await push(store, h.api);
    expect((await h.session.db.outbox.toArray()).map((e) => e.status)).toEqual(['conflict', 'conflict']);

    const unmount = await mountPanel();
    await expect.element(row('Erste Notiz, meine zweite')).toMatchTextContent('neuere Fassung');
    await expect.element(row('Erste Notiz, meine zweite')).toMatchTextContent('Erste Notiz, Fassung der Kollegin');
    await userEvent.click(
      row('Erste Notiz, meine zweite').getByRole('button', { name: 'Meine Fassung erneut senden' }),
    );
    await expect.element(page.getByRole('status')).toMatchTextContent('Ihre Fassung wird erneut gesendet.');
    await userEvent.click(
      row('Zweite Notiz, meine zweite').getByRole('button', { name: 'Fassung des Dienstes übernehmen' }),
    );
    await expect.element(page.getByRole('status')).toMatchTextContent('Die Fassung des Dienstes wurde übernommen.');
    expect(await push(store, h.api)).toMatchObject({ status: 'done', delivered: 1 });
    expect(await h.session.db.outbox.count()).toBe(0);
    await page.screenshot({ path: '../../../.test-output/screenshots/outbox-panel-empty.png' });
    unmount();

    // Locally, the service's version was taken over.
    expect((await h.session.notes.listForCase(caseId!)).find((n) => n.id === theirs.id)).toMatchObject({
      text: 'Zweite Notiz, Fassung der Kollegin',
      version: 2,
      delivery: 'sent',
    });
    // At the service (a fresh cache of the same user: this one goes).
    const other = await signedIn(serverUrl);
    await pull(other.api, other.session.db, other.session.cipher);
    const atService = await other.session.notes.listForCase(caseId!);
    expect(atService.find((n) => n.id === mine.id)).toMatchObject({
      text: 'Erste Notiz, meine zweite Fassung',
      version: 3,
    });
    expect(atService.find((n) => n.id === theirs.id)).toMatchObject({
      text: 'Zweite Notiz, Fassung der Kollegin',
      version: 2,
    });
    await other.close();
  });

  it('a rejection: edit and resend, send again once it can go, or discard after confirming (audited)', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const [caseId, second] = (await h.session.cases.list()).map((c) => c.case.id);
    const [doc] = await h.session.documents.listForCase(second!);
    // The service refuses a mark on a page the document does not have.
    await h.session.annotations.create({
      caseId: second!,
      documentId: doc!.id,
      page: doc!.pageCount + 3,
      kind: 'highlight',
      rect: { x: 10, y: 10, width: 40, height: 10 },
    });
    // And a note in a case that was taken away from the user a moment ago.
    await h.session.notes.create(caseId!, 'Vermerk zur Akte, die gerade abgegeben wurde');
    await h.admin('/assignments', 'DELETE', { userId: h.user.id, caseId });
    const store = engineOutbox(h.session.db, h.session.cipher, Date.now).outbox;
    await push(store, h.api);
    expect((await h.session.db.outbox.toArray()).map((e) => e.status).sort()).toEqual(['rejected', 'rejected']);

    const unmount = await mountPanel();
    const noteRow = row('gerade abgegeben');
    await expect.element(noteRow).toMatchTextContent('Vom zentralen Dienst abgelehnt');
    await expect.element(noteRow).toMatchTextContent('nicht gefunden');
    await userEvent.click(noteRow.getByRole('button', { name: 'Bearbeiten' }));
    await userEvent.fill(noteRow.getByRole('textbox', { name: 'Text' }), 'Vermerk zur Akte, ergänzt');
    await userEvent.click(noteRow.getByRole('button', { name: 'Bearbeitet senden' }));
    await expect.element(row('Vermerk zur Akte, ergänzt')).toMatchTextContent('Wartet auf Übermittlung');
    const before = (await h.session.db.outbox.where('caseId').equals(caseId!).first())!.id;
    // The case is given back; sent again, it goes through.
    await h.admin('/assignments', 'POST', { userId: h.user.id, caseId, role: 'owner' });
    await push(store, h.api);
    expect((await adminState()).mutations[before]).toMatchObject({ applied: 1 });

    const markRow = row('Markierung auf Seite');
    await expect.element(markRow).toMatchTextContent('ungültig');
    await userEvent.click(markRow.getByRole('button', { name: 'Verwerfen' }));
    const confirm = page.getByRole('alertdialog', { name: 'Änderung verwerfen?' });
    await expect.element(confirm).toBeVisible();
    // The safe choice has the focus, so that Enter does not discard.
    await expect.element(confirm.getByRole('button', { name: 'Abbrechen' })).toHaveFocus();
    await page.screenshot({ path: '../../../.test-output/screenshots/outbox-discard-confirm.png' });
    await userEvent.click(confirm.getByRole('button', { name: 'Endgültig verwerfen' }));
    await expect.element(page.getByRole('status')).toMatchTextContent('Die Änderung wurde verworfen.');
    // The mark the service never had is gone from the device, and the discard is audited.
    expect(
      await h.session.db.annotations
        .where('documentId')
        .equals(doc!.id)
        .filter((a) => a.page > doc!.pageCount)
        .count(),
    ).toBe(0);
    const queued = await h.session.db.outbox.toArray();
    expect(queued.map((e) => e.kind)).toEqual(['audit']);
    const auditId = queued[0]!.id;
    await push(store, h.api);
    expect((await adminState()).audit[auditId]).toMatchObject({ applied: 1 });
    unmount();
  });

  it('shows a conflict, a rejection and an undeliverable entry in English too', async () => {
    h = await signedIn(serverUrl);
    await pull(h.api, h.session.db, h.session.cipher);
    const [caseId] = (await h.session.cases.list()).map((c) => c.case.id);
    await h.session.notes.create(caseId!, 'Note for a case that is taken away');
    await h.admin('/assignments', 'DELETE', { userId: h.user.id, caseId });
    await pull(h.api, h.session.db, h.session.cipher);
    expect((await h.session.db.outbox.toArray()).map((e) => e.status)).toEqual(['undeliverable']);
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    root.render(
      <I18nProvider initial="en">
        <OutboxPanel session={h.session} retentionDays={30} onClose={() => undefined} />
      </I18nProvider>,
    );
    const dialog = page.getByRole('dialog', { name: 'Pending changes' });
    await expect.element(dialog).toBeVisible();
    await expect
      .element(row('taken away'))
      .toMatchTextContent('Undeliverable: the case file is no longer assigned to you');
    await page.screenshot({ path: '../../../.test-output/screenshots/outbox-panel-en.png' });
    root.unmount();
    container.remove();
    await h.admin('/assignments', 'POST', { userId: h.user.id, caseId, role: 'owner' });
  });
});
