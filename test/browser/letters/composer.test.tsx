/**
 * Writing a letter in real Chromium against the real reference server: composed and previewed
 * while the service is down, sent, and once the service is back it arrives exactly once, the
 * service files exactly the previewed bytes as an outgoing document of the case, and the letter's
 * status follows the print-and-mail provider to "Versandt" with the day it is deemed notified.
 * And each check refuses with its own message and queues nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { AdminState } from '../../../src/shared/api/admin.ts';
import { openPayload } from '../../../src/renderer/data/repos/outbox.ts';
import { CaseLetters } from '../../../src/renderer/features/letters/CaseLetters.tsx';
import { LetterComposer, type ComposerResult } from '../../../src/renderer/features/letters/LetterComposer.tsx';
import { rasterize } from '../../../src/renderer/features/letters/letter-preview.ts';
import { PREVIEW_WIDTH_PX } from '../../../src/renderer/features/letters/use-letter-preview.ts';
import { deemedNotifiedOn } from '../../../src/renderer/features/letters/notified-date.ts';
import { base64ToBytes } from '../../../src/shared/util/base64.ts';
import { formatDate } from '../../../src/renderer/i18n/format.ts';
import { lettersDe } from '../../../src/renderer/letters/messages-de.ts';
import type { LetterProblemCode } from '../../../src/renderer/letters/problems.ts';
import { pull } from '../../../src/renderer/sync/pull.ts';
import '../../../src/renderer/styles/app.css';
import { canvasPixels } from '../support/pixels.ts';
import { signedIn, startServer, waitFor, type Harness } from '../sync/harness.ts';
import {
  composer,
  field,
  fill,
  mount,
  seedMember,
  sha256,
  startEngine,
  violations,
  watchPreviews,
} from './support.tsx';

const SERVER = 'letters';
let serverUrl: string;
let h: Harness | null = null;
const cleanup: (() => void)[] = [];

beforeAll(async () => {
  await page.viewport(1400, 1000);
  serverUrl = await startServer(SERVER, { letterPrintDelayMs: 400, letterDispatchDelayMs: 400 });
});
let sync: ReturnType<typeof startEngine> | null = null;
afterEach(async () => {
  sync?.engine.stop();
  await sync?.running.catch(() => undefined);
  sync = null;
  for (const done of cleanup.splice(0).reverse()) done();
  document.body.replaceChildren();
  await commands.resumeReferenceServer(SERVER);
  await h?.close();
  h = null;
});
afterAll(() => commands.stopReferenceServer(SERVER));

async function adminState(): Promise<AdminState> {
  return (await (await h!.admin('/state', 'GET')).json()) as AdminState;
}

async function firstCase(): Promise<string> {
  h = await signedIn(serverUrl);
  await pull(h.api, h.session.db, h.session.cipher);
  return (await h.session.cases.list())[0]!.case.id;
}

function openComposer(caseId: string, options: Parameters<typeof mount>[1] = {}) {
  const closed: (ComposerResult | undefined)[] = [];
  cleanup.push(mount(<LetterComposer session={h!.session} caseId={caseId} onClose={(r) => closed.push(r)} />, options));
  return closed;
}

describe('a letter from the composer to the citizen', () => {
  it('composed offline, previewed, sent: accepted once, filed as previewed, dispatched and shown in the case', async () => {
    const caseId = await firstCase();
    const session = h!.session;
    const members = await session.persons.membersOf(caseId);
    const recipient = members.find((m) => m.address)!;
    await commands.stopReferenceServer(SERVER);

    const previews = watchPreviews();
    cleanup.push(() => previews.stop());
    const closed = openComposer(caseId);
    await expect.element(composer()).toBeVisible();
    await userEvent.selectOptions(composer().getByLabelText('Vorlage'), 'Einladung zu einem persönlichen Termin');
    await fill('Datum des Termins', '2025-07-01');
    await fill('Uhrzeit', '10:30');
    await fill('Ort und Zimmer', 'Zimmer 214, 2. Obergeschoss');
    await fill('Anlass des Gesprächs', 'Ihre berufliche Situation');
    await fill('Bitte mitbringen', '- Personalausweis\n- Lebenslauf');
    await expect
      .element(composer().getByRole('heading', { name: 'Das Schreiben kann gesendet werden.' }))
      .toBeVisible();
    await expect.element(composer().getByRole('img', { name: 'Vorschau, Seite 1 von 2' })).toBeVisible();
    await waitFor(async () => {
      const last = previews.painted.at(-1);
      return !!last && composer().getByText('Vorschau wird aktualisiert …').query() === null;
    });
    await page.screenshot({ path: '../../../.test-output/screenshots/letter-composer-de.png' });
    // One more word, typed: every page of the preview that follows must be exactly pdf.js's
    // drawing of the bytes that are sent.
    const settled = previews.painted.length;
    const reason = field('Anlass des Gesprächs').element() as HTMLInputElement;
    reason.focus();
    reason.setSelectionRange(reason.value.length, reason.value.length);
    await userEvent.keyboard(' heute');
    await waitFor(async () => {
      const last = previews.painted.at(-1);
      return (
        previews.painted.length > settled &&
        !!last &&
        composer().getByText('Vorschau wird aktualisiert …').query() === null
      );
    });
    const shownPages = [...document.querySelectorAll<HTMLCanvasElement>('canvas.letter-preview-page')].map((c) =>
      canvasPixels(c),
    );
    const previewed = previews.painted.at(-1)!.sha256;

    await userEvent.click(composer().getByRole('button', { name: 'Senden' }));
    await waitFor(() => closed.length === 1, 10_000, 'composer closed');
    const letterId = closed[0]!.queued;

    // Queued on this device: the letter, its entry with exactly the previewed bytes, the audit event.
    const entries = await session.db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => e.kind)).toEqual(['letter', 'audit']);
    const payload = await openPayload(session.cipher, entries[0]!);
    if (payload.kind !== 'letter') throw new Error('not a letter entry');
    expect(payload.meta).toMatchObject({
      id: letterId,
      caseId,
      recipientPersonId: recipient.id,
      templateId: 'einladung',
    });
    expect(payload.meta.subject).toBe('Einladung zu einem Gespräch am 01.07.2025 um 10:30 Uhr');
    // Every page drawn afresh (no pictures to reuse), as many as were shown.
    const sent = { pdf: base64ToBytes(payload.pdf), pageKeys: shownPages.map((_, k) => `page ${k + 1}`) };
    const drawn = (await rasterize(sent, PREVIEW_WIDTH_PX, window.devicePixelRatio || 1)).pages;
    drawn.forEach((bitmap, k) => {
      const expected = canvasPixels(bitmap);
      expect(shownPages[k]!.length, `page ${k + 1}`).toBe(expected.length);
      expect(
        shownPages[k]!.every((v, i) => v === expected[i]),
        `page ${k + 1} as pdf.js draws the sent bytes`,
      ).toBe(true);
    });
    const audit = await openPayload(session.cipher, entries[1]!);
    expect(audit.kind === 'audit' && audit.event.action).toBe('letter.send');

    cleanup.push(mount(<CaseLetters session={session} caseId={caseId} />));
    const row = page.getByRole('row').filter({ hasText: payload.meta.subject });
    await expect.element(row).toMatchTextContent('In der Warteschlange');
    await expect.element(row).toMatchTextContent(`${recipient.firstName} ${recipient.lastName}`);
    await expect.element(row).toMatchTextContent('Einladung zu einem persönlichen Termin');

    await commands.resumeReferenceServer(SERVER);
    sync = startEngine(h!);
    await waitFor(async () => (await session.db.outbox.count()) === 0, 20_000, 'outbox delivered');
    expect((await adminState()).letters[letterId]).toMatchObject({ applied: 1 });

    // Filed at the service as an outgoing document of the case, with the previewed bytes.
    const [accepted] = await session.letters.listForCase(caseId);
    expect(accepted).toMatchObject({ id: letterId, documentId: expect.any(String) as string });
    const stored = await h!.api.content({ documentId: accepted!.documentId!, from: 0 });
    expect(await sha256(await stored.arrayBuffer())).toBe(previewed);
    await waitFor(
      async () => (await session.documents.get(accepted!.documentId!))?.direction === 'outgoing',
      20_000,
      'the letter as a document of the case',
    );
    expect(await session.documents.get(accepted!.documentId!)).toMatchObject({
      caseId,
      type: 'letter',
      title: payload.meta.subject,
      sha256: previewed,
    });

    // The provider walks it to dispatched; the pulls bring it to this device.
    await waitFor(
      async () => (await session.letters.listForCase(caseId))[0]?.status === 'dispatched',
      20_000,
      'letter dispatched locally',
    );
    const dispatched = (await session.letters.listForCase(caseId))[0]!;
    await expect.element(row).toMatchTextContent('Versandt');
    await expect
      .element(row)
      .toMatchTextContent(`Gilt als bekannt gegeben am ${formatDate(deemedNotifiedOn(dispatched.updatedAt), 'de')}`);
    await page.screenshot({ path: '../../../.test-output/screenshots/case-letters-de.png' });
    const state = (await adminState()).letters[letterId];
    expect(state).toMatchObject({ applied: 1 });
  });
});

describe('the checks refuse, each with its own message, and nothing is queued', () => {
  const LONG_STREET = 'Straße der Deutsch-Sowjetischen Freundschaft und Völkerverständigung 112';

  async function refusedWith(code: LetterProblemCode) {
    await userEvent.click(composer().getByRole('button', { name: 'Senden' }));
    await expect
      .element(composer().getByRole('status').filter({ hasText: 'Nicht gesendet' }))
      .toHaveTextContent('Nicht gesendet: Bitte beheben Sie zuerst die aufgeführten Punkte.');
    await expect
      .element(
        composer()
          .getByRole('listitem')
          .filter({ hasText: problemText(code) })
          .first(),
      )
      .toBeVisible();
    expect(await h!.session.db.outbox.count()).toBe(0);
    // (Letters that came with the feed from earlier tests are the service's, not queued here.)
    expect(await h!.session.db.letters.where('status').equals('queued').count()).toBe(0);
  }

  /** The longest fixed part of a check's German message (the parameters depend on the case). */
  const problemText = (code: string): string =>
    lettersDe[`letters.problem.${code}` as keyof typeof lettersDe]
      .split(/\{\w+\}/)
      .map((part) => part.replace(/^[“)\s]+|[„(\s]+$/g, ''))
      .sort((a, b) => b.length - a.length)[0]!;

  it('a recipient without a postal address, and an address too wide for the envelope window', async () => {
    const caseId = await firstCase();
    await seedMember(h!.session, caseId, { id: 'p-ohne-anschrift' as never, firstName: 'Mia', lastName: 'Ohnefest' });
    await seedMember(h!.session, caseId, {
      id: 'p-lange-strasse' as never,
      firstName: 'Karl',
      lastName: 'Langstraßer',
      address: { street: LONG_STREET, postalCode: '12345', city: 'Musterstadt' },
    });
    openComposer(caseId);
    await expect.element(composer().getByLabelText('Vorlage')).toBeVisible();
    await userEvent.selectOptions(composer().getByLabelText('Vorlage'), 'Freies Schreiben');
    await fill('Betreff', 'Ihre Anfrage');
    await fill('Text des Schreibens', 'vielen Dank für Ihre Nachricht.');
    await expect
      .element(composer().getByRole('heading', { name: 'Das Schreiben kann gesendet werden.' }))
      .toBeVisible();

    await userEvent.selectOptions(
      composer().getByLabelText('Empfänger'),
      'Mia Ohnefest (weitere Person) – keine Postanschrift gespeichert',
    );
    await refusedWith('recipient-without-address');

    await userEvent.selectOptions(composer().getByLabelText('Empfänger'), 'Karl Langstraßer (weitere Person)');
    await refusedWith('address-line-too-long');
    await expect.element(composer().getByText(LONG_STREET, { exact: false }).first()).toBeVisible();
  });

  it('a mandatory field left empty, an empty subject, and a placeholder left in the text', async () => {
    const caseId = await firstCase();
    openComposer(caseId);
    await expect.element(composer().getByLabelText('Vorlage')).toBeVisible();
    await userEvent.selectOptions(composer().getByLabelText('Vorlage'), 'Freies Schreiben');
    await fill('Text des Schreibens', 'vielen Dank für Ihre Nachricht.');
    await refusedWith('field-missing');
    await refusedWith('subject-empty');

    await fill('Betreff', 'Ihre Anfrage vom Mai');
    await fill('Text des Schreibens', 'bitte reichen Sie bis zum {{frist}} die Unterlagen ein.');
    await refusedWith('placeholder-unfilled');
    await expect.element(composer().getByRole('listitem').filter({ hasText: '{{frist}}' })).toBeVisible();
    // With problems listed and tied to their fields, the composer is still WCAG 2.1 AA.
    expect(await violations()).toEqual([]);

    // Put right, it goes.
    await fill('Text des Schreibens', 'bitte reichen Sie bis zum 30. Juni die Unterlagen ein.');
    await expect
      .element(composer().getByRole('heading', { name: 'Das Schreiben kann gesendet werden.' }))
      .toBeVisible();
    await userEvent.click(composer().getByRole('button', { name: 'Senden' }));
    await waitFor(
      async () => (await h!.session.db.letters.where('status').equals('queued').count()) === 1,
      10_000,
      'letter queued',
    );
  });
});

describe('by keyboard', () => {
  it('Enter in a field never sends, Ctrl+Enter does; Esc asks before typed text is dropped', async () => {
    const caseId = await firstCase();
    const closed = openComposer(caseId);
    await expect.element(composer().getByLabelText('Vorlage')).toHaveFocus();
    await userEvent.selectOptions(composer().getByLabelText('Vorlage'), 'Freies Schreiben');
    await fill('Text des Schreibens', 'wie besprochen rufe ich Sie an.');
    await userEvent.click(field('Betreff'));
    await userEvent.keyboard('Rückruf');
    await expect
      .element(composer().getByRole('heading', { name: 'Das Schreiben kann gesendet werden.' }))
      .toBeVisible();
    await userEvent.keyboard('{Enter}');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await h!.session.db.outbox.count()).toBe(0);
    expect(closed).toEqual([]);

    await userEvent.keyboard('{Escape}');
    const ask = page.getByRole('alertdialog', { name: 'Schreiben verwerfen?' });
    await expect.element(ask.getByRole('button', { name: 'Weiter bearbeiten' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(ask).not.toBeInTheDocument();
    expect(closed).toEqual([]);

    await userEvent.click(field('Text des Schreibens'));
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => closed.length === 1, 10_000, 'sent by Ctrl+Enter');
    const [letter] = await h!.session.letters.listForCase(caseId);
    expect(letter).toMatchObject({ id: closed[0]!.queued, subject: 'Rückruf', status: 'queued' });
  });
});
