/**
 * A letter's way from the outbox to the service against the real reference server: listed in
 * "Ausstehende Änderungen" like every change, refused (the id already used for another letter)
 * and discarded there, not overwritten by the feed while its answer is outstanding and brought up
 * to the service's status afterwards, and kept by the journal beside IndexedDB with its bytes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { AdminState } from '../../../src/shared/api/admin.ts';
import { bytesToBase64 } from '../../../src/shared/util/base64.ts';
import { desktopJournal, followOutbox, restoreFromJournal } from '../../../src/renderer/data/journal.ts';
import { engineOutbox } from '../../../src/renderer/data/repos/outbox-store.ts';
import { openPayload } from '../../../src/renderer/data/repos/outbox.ts';
import { CaseLetters } from '../../../src/renderer/features/letters/CaseLetters.tsx';
import { OutboxPanel } from '../../../src/renderer/features/outbox/OutboxPanel.tsx';
import { createBrowserDesktopApi } from '../../../src/renderer/platform/browser-desktop-api.ts';
import { pull } from '../../../src/renderer/sync/pull.ts';
import { push } from '../../../src/renderer/sync/push.ts';
import '../../../src/renderer/styles/app.css';
import { signedIn, startServer, waitFor, type Harness } from '../sync/harness.ts';
import { makeLetter, mount } from './support.tsx';

const SERVER = 'letter-delivery';
let serverUrl: string;
let h: Harness;
let unmount: () => void = () => undefined;

beforeAll(async () => {
  await page.viewport(1280, 900);
  serverUrl = await startServer(SERVER, { letterPrintDelayMs: 200, letterDispatchDelayMs: 200 });
});
afterEach(async () => {
  unmount();
  unmount = () => undefined;
  await h?.close();
});
afterAll(() => commands.stopReferenceServer(SERVER));

async function caseOfDemo(): Promise<string> {
  h = await signedIn(serverUrl);
  await pull(h.api, h.session.db, h.session.cipher);
  return (await h.session.cases.list())[0]!.case.id;
}

const adminState = async (): Promise<AdminState> => (await (await h.admin('/state', 'GET')).json()) as AdminState;
const store = () => engineOutbox(h.session.db, h.session.cipher, Date.now).outbox;
const row = (text: string) => page.getByRole('row').filter({ hasText: text });

describe('a letter in the outbox', () => {
  it('is listed in "Ausstehende Änderungen"; refused for an id used otherwise, it can be discarded (audited)', async () => {
    const caseId = await caseOfDemo();
    const letter = await makeLetter(h.session, caseId, 'Ihre Anfrage zur Heizkostenabrechnung');
    // Another letter went under the same id (a client error the service must catch): 422 for ours.
    const other = await makeLetter(h.session, caseId, 'Ein anderes Schreiben', letter.meta.id);
    expect((await h.api.sendLetter(other.meta, other.pdf)).id).toBe(letter.meta.id);
    await h.session.letters.queue(letter);

    unmount = mount(
      <>
        <OutboxPanel session={h.session} retentionDays={30} onClose={() => undefined} />
        <CaseLetters session={h.session} caseId={caseId} />
      </>,
    );
    const entry = row(`Schreiben „Ihre Anfrage zur Heizkostenabrechnung“ an ${letter.recipient}`);
    await expect.element(entry).toMatchTextContent('Wartet auf Übermittlung');

    expect(await push(store(), h.api)).toMatchObject({ status: 'done' });
    await expect.element(entry).toMatchTextContent('Vom zentralen Dienst abgelehnt');
    await expect.element(entry).toMatchTextContent('Der Dienst kennt diese Änderung bereits mit anderem Inhalt.');
    await expect
      .element(row('Ihre Anfrage zur Heizkostenabrechnung').last())
      .toMatchTextContent('Vom zentralen Dienst abgelehnt – siehe „Ausstehende Änderungen“');
    await page.screenshot({ path: '../../../.test-output/screenshots/outbox-panel-letter-refused.png' });

    await userEvent.click(entry.getByRole('button', { name: 'Verwerfen' }));
    await userEvent.click(
      page
        .getByRole('alertdialog', { name: 'Änderung verwerfen?' })
        .getByRole('button', { name: 'Endgültig verwerfen' }),
    );
    await expect.element(page.getByRole('status')).toMatchTextContent('Die Änderung wurde verworfen.');
    expect(await h.session.db.letters.count()).toBe(0);
    const left = await h.session.db.outbox.orderBy('seq').toArray();
    const actions = await Promise.all(
      left.map(async (e) => {
        const payload = await openPayload(h.session.cipher, e);
        return payload.kind === 'audit' ? payload.event.action : payload.kind;
      }),
    );
    // The letter.send event went with the push; the discard's own event waits for the next.
    expect(actions).toEqual(['change.discard']);
    // The service kept only the other letter under the id.
    expect((await adminState()).letters[letter.meta.id]).toMatchObject({ applied: 1 });
  });

  it('is not overwritten by the feed while its answer is outstanding, and catches up once it comes', async () => {
    const caseId = await caseOfDemo();
    const letter = await makeLetter(h.session, caseId, 'Bestätigung Ihres Termins');
    await h.session.letters.queue(letter);
    // The first POST reached the service, but its answer was lost on the way back.
    await h.api.sendLetter(letter.meta, letter.pdf);
    await waitFor(
      async () => (await h.api.letterStatus(letter.meta.id)).status === 'dispatched',
      10_000,
      'dispatched at the service',
    );
    await pull(h.api, h.session.db, h.session.cipher);
    const mine = async () => (await h.session.letters.listForCase(caseId)).find((l) => l.id === letter.meta.id);
    expect(await mine()).toMatchObject({ status: 'queued', delivery: 'pending' });

    // Sent again under its id: the service answers the first result; the status is asked for.
    // (The letter and its letter.send audit event.)
    expect(await push(store(), h.api)).toEqual({ status: 'done', delivered: 2, changes: 1 });
    expect(await h.session.db.outbox.count()).toBe(0);
    expect(await mine()).toMatchObject({
      status: 'dispatched',
      delivery: 'sent',
      documentId: expect.any(String) as string,
    });
    expect((await adminState()).letters[letter.meta.id]).toMatchObject({ seen: 2, applied: 1 });
  });

  it('goes through the journal with its PDF, and comes back from it when IndexedDB lost it', async () => {
    const caseId = await caseOfDemo();
    const letter = await makeLetter(h.session, caseId, 'Schreiben für das Journal');
    const journal = desktopJournal(createBrowserDesktopApi(), h.user.id);
    const errors: unknown[] = [];
    const follower = followOutbox(h.session.db, h.session.cipher, journal, [], (e) => errors.push(e));
    await h.session.letters.queue(letter);
    await waitFor(async () => (await journal.read()).some((e) => e.id === letter.meta.id), 10_000, 'journaled');
    follower.stop();
    await follower.drained();
    expect(errors).toEqual([]);
    expect(letter.pdf.byteLength).toBeGreaterThan(20_000);

    await h.session.db.outbox.clear();
    const restored = await restoreFromJournal(h.session.db, h.session.cipher, journal);
    expect(restored).toMatchObject({ restored: 2, unreadable: 0 });
    const entry = await h.session.db.outbox.where('id').equals(letter.meta.id).first();
    const payload = await openPayload(h.session.cipher, entry!);
    expect(payload.kind === 'letter' && payload.pdf).toBe(bytesToBase64(letter.pdf));
    await journal.acknowledge(restored.journaled);
  });
});
