/**
 * Annotations in real Chromium: each kind created, edited, moved and deleted through the viewer;
 * every change leaves exactly one outbox entry written with it; another window on the same cache
 * sees each change at once; colleagues' marks show their author and stay read-only.
 */
import { liveQuery } from 'dexie';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { annotationSchema } from '../../../src/shared/domain/annotation.ts';
import type { Annotation } from '../../../src/shared/domain/annotation.ts';
import { openPayload } from '../../../src/renderer/data/repos/outbox.ts';
import { createAnnotationsRepo } from '../../../src/renderer/data/repos/annotations.ts';
import type { OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import type { DocumentId, UserId } from '../../../src/shared/domain/ids.ts';
import { mountViewer, type MountedViewer } from '../support/mount-viewer.tsx';
import { makeTestScan } from '../support/scanned-pdf.ts';
import { openTestSession, seedDocument, testUser } from '../support/seed.ts';

const DOC = 'doc-marks' as DocumentId;
let session: Session;
let other: Session;
let viewer: MountedViewer;
/** What the other window currently sees, kept up to date by liveQuery on its own connection. */
let seenByOther: Annotation[] = [];
let stop: () => void;

const panel = () => page.getByRole('complementary', { name: 'Anmerkungen' });
const marks = () => [...document.querySelectorAll<HTMLElement>('.mark')];

async function outbox() {
  // Changes only: showing the document also queued its audit event.
  const entries = (await session.db.outbox.orderBy('seq').toArray()).filter((e) => e.kind === 'mutation');
  return Promise.all(
    entries.map(async (e) => {
      const payload = await openPayload(session.cipher, e);
      if (payload.kind !== 'mutation') throw new Error('not a change');
      return { entry: e, mutation: payload.mutation };
    }),
  );
}

beforeAll(async () => {
  await page.viewport(1400, 900);
  const user = testUser(`u-marks-${Date.now()}`, 'Erika Muster');
  const opened = await openTestSession(user);
  session = opened.session;
  other = (await openTestSession(user, opened.key)).session;
  await seedDocument(session, await makeTestScan(3), { id: DOC, pageCount: 3 });
  const sub = liveQuery(() => other.annotations.listForDocument(DOC)).subscribe((list) => (seenByOther = list));
  stop = () => sub.unsubscribe();
  viewer = mountViewer(session, DOC);
});
afterAll(() => {
  stop();
  viewer.unmount();
  session.close();
  other.close();
});

it('creates a highlight, a note and a stamp from the keyboard, each with one outbox entry', async () => {
  await expect.poll(() => document.querySelector('[data-page="1"][data-rendered]'), { timeout: 10_000 }).toBeTruthy();
  await panel().getByRole('button', { name: '+ Markierung' }).click();
  await expect.poll(() => seenByOther.length).toBe(1);
  await userEvent.fill(panel().getByRole('textbox', { name: 'Text' }), 'Miete prüfen');
  await panel().getByRole('button', { name: 'Speichern' }).click();
  await expect.poll(() => seenByOther[0]?.text).toBe('Miete prüfen');

  await panel().getByRole('button', { name: '+ Notiz' }).click();
  await userEvent.fill(panel().getByRole('textbox', { name: 'Text' }), 'Rückfrage bei Vermieter');
  await panel().getByRole('button', { name: 'Speichern' }).click();
  await expect.poll(() => seenByOther.find((a) => a.kind === 'note')?.text).toBe('Rückfrage bei Vermieter');

  await panel().getByRole('combobox', { name: 'Stempelart' }).selectOptions('checked');
  await panel().getByRole('button', { name: '+ Stempel' }).click();
  await expect.poll(() => seenByOther.find((a) => a.kind === 'stamp')?.stamp).toBe('checked');
  await expect.poll(() => marks().length).toBe(3);
  expect(document.querySelector('.mark-stamp')?.textContent).toContain('Geprüft');
  expect(document.querySelector('.mark-stamp')?.textContent).toContain('Erika Muster');

  const entries = await outbox();
  // create highlight, edit its text, create note, edit its text, create stamp
  expect(entries.map((e) => [e.mutation.entity, e.mutation.op])).toEqual(Array(5).fill(['annotation', 'put']));
  expect(new Set(entries.map((e) => e.entry.id)).size).toBe(5);
  expect(entries.every((e) => e.entry.status === 'pending')).toBe(true);
  for (const a of seenByOther) expect(annotationSchema.parse(a).authorName).toBe('Erika Muster');
  await page.screenshot({ path: '../../../.test-output/screenshots/viewer-annotations.png' });
});

it('places a stamp and a highlight with the pointer tools', async () => {
  const before = seenByOther.length;
  const layer = page.getByRole('group', { name: 'Seite 1', exact: true });
  await panel().getByRole('button', { name: 'Stempel', exact: true }).click();
  await panel().getByRole('combobox', { name: 'Stempelart' }).selectOptions('done');
  await layer.click({ position: { x: 600, y: 700 } });
  await expect.poll(() => seenByOther.filter((a) => a.stamp === 'done').length).toBe(1);
  await panel().getByRole('button', { name: 'Markieren', exact: true }).click();
  await layer.click({ position: { x: 100, y: 320 } });
  await expect.poll(() => seenByOther.length).toBe(before + 2);
  await panel().getByRole('button', { name: 'Auswählen', exact: true }).click();
});

it('moves an own mark with the arrow keys and deletes it with Delete', async () => {
  const stamp = seenByOther.find((a) => a.stamp === 'done')!;
  const outboxBefore = (await outbox()).length;
  const el = document.querySelector<HTMLElement>(`[data-annotation-id="${stamp.id}"]`)!;
  el.focus();
  await userEvent.keyboard('{ArrowRight}');
  await expect.poll(() => seenByOther.find((a) => a.id === stamp.id)?.rect.x).toBeGreaterThan(stamp.rect.x);
  await expect.poll(async () => (await outbox()).length).toBe(outboxBefore + 1);
  document.querySelector<HTMLElement>(`[data-annotation-id="${stamp.id}"]`)!.focus();
  await userEvent.keyboard('{Delete}');
  await expect.poll(() => seenByOther.some((a) => a.id === stamp.id)).toBe(false);
  const entries = await outbox();
  expect(entries.length).toBe(outboxBefore + 2);
  const last = entries.at(-1)!;
  expect([last.mutation.op, last.mutation.data.id]).toEqual(['delete', stamp.id]);
});

it('resizes an own highlight by its corner and with Ctrl+arrow keys, one outbox entry each', async () => {
  const highlight = seenByOther.find((a) => a.kind === 'highlight')!;
  const el = () => document.querySelector<HTMLElement>(`[data-annotation-id="${highlight.id}"]`)!;
  const outboxBefore = (await outbox()).length;
  el().focus();
  const width = el().getBoundingClientRect().width;
  await userEvent.keyboard('{Control>}{ArrowRight}{/Control}');
  await expect.poll(() => el().getBoundingClientRect().width).toBeCloseTo(width + 10, 0);
  await expect
    .poll(() => seenByOther.find((a) => a.id === highlight.id)?.rect.width)
    .toBeGreaterThan(highlight.rect.width);
  // The top-left corner stays where it was.
  expect(seenByOther.find((a) => a.id === highlight.id)?.rect.x).toBeCloseTo(highlight.rect.x, 6);
  await expect.poll(async () => (await outbox()).length).toBe(outboxBefore + 1);

  // Dragging the corner handle of the selected highlight.
  const handle = el().querySelector<HTMLElement>('.mark-resize')!;
  const start = handle.getBoundingClientRect();
  const height = el().getBoundingClientRect().height;
  const slotBox = document.querySelector('[data-page="1"]')!.getBoundingClientRect();
  await userEvent.dragAndDrop(page.elementLocator(handle), page.getByRole('group', { name: 'Seite 1', exact: true }), {
    targetPosition: {
      x: start.left + start.width / 2 - slotBox.left,
      y: start.top + start.height / 2 + 40 - slotBox.top,
    },
  });
  await expect.poll(() => el().getBoundingClientRect().height).toBeCloseTo(height + 40, 0);
  await expect.poll(async () => (await outbox()).length).toBe(outboxBefore + 2);
  const last = (await outbox()).at(-1)!;
  expect([last.mutation.op, last.mutation.data.id]).toEqual(['put', highlight.id]);
  // The mark was resized, not moved.
  expect(seenByOther.find((a) => a.id === highlight.id)?.rect.y).toBeCloseTo(highlight.rect.y, 6);
  await expect.element(page.getByText('Markierung: Größe geändert.')).toBeInTheDocument();
  await page.screenshot({ path: '../../../.test-output/screenshots/viewer-resize.png' });
});

it('edits and deletes through the panel', async () => {
  const note = seenByOther.find((a) => a.kind === 'note')!;
  const entry = page.getByRole('listitem').filter({ hasText: 'Rückfrage bei Vermieter' });
  await entry.getByRole('button', { name: 'Bearbeiten' }).click();
  await userEvent.fill(panel().getByRole('textbox', { name: 'Text' }), 'Rückfrage erledigt');
  await panel().getByRole('button', { name: 'Speichern' }).click();
  await expect.poll(() => seenByOther.find((a) => a.id === note.id)?.text).toBe('Rückfrage erledigt');
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Rückfrage erledigt' })
    .getByRole('button', { name: 'Löschen' })
    .click();
  await expect.poll(() => seenByOther.some((a) => a.id === note.id)).toBe(false);
});

it('shows a colleague’s mark with the author, read-only, as soon as it arrives', async () => {
  const colleague = createAnnotationsRepo(
    { db: other.db, cipher: other.cipher, clock: () => Date.now() },
    { id: 'u-colleague' as UserId, displayName: 'Jonas Beispiel' },
  );
  await colleague.create({
    caseId: 'case-1' as Annotation['caseId'],
    documentId: DOC,
    page: 1,
    kind: 'note',
    text: 'Bitte Kontoauszug März nachfordern',
    rect: { x: 330, y: 420, width: 180, height: 70 },
  });
  await expect.poll(() => document.querySelector('.mark-colleague')?.textContent ?? '').toContain('Jonas Beispiel');
  const entry = [...document.querySelectorAll('.annotation-list li')].find((li) =>
    li.textContent?.includes('März nachfordern'),
  )!;
  expect(entry.textContent).toContain('von Jonas Beispiel');
  expect(entry.textContent).toContain('nur lesbar');
  expect([...entry.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Zeigen']);
  await page.screenshot({ path: '../../../.test-output/screenshots/viewer-annotations-colleague.png' });
});

it('keeps what was typed: read-only while saving, still there when the save failed, and as a draft when another mark is opened', async () => {
  const before = new Set(seenByOther.map((a) => a.id));
  await panel().getByRole('button', { name: '+ Notiz' }).click();
  await expect.poll(() => seenByOther.length).toBe(before.size + 1);
  const first = seenByOther.find((a) => !before.has(a.id))!;
  const editor = panel().getByRole('textbox', { name: 'Text' });
  await userEvent.fill(editor, 'Kontoauszug fehlt');

  // The disk is full: this save fails, after a moment in which nothing more can be typed.
  const update = session.annotations.update.bind(session.annotations);
  let fail!: () => void;
  session.annotations.update = () =>
    new Promise((_, reject) => {
      fail = () => reject(new DOMException('Der Speicher ist voll.', 'QuotaExceededError'));
    });
  await panel().getByRole('button', { name: 'Speichern' }).click();
  await expect.element(editor).toHaveAttribute('readonly');
  await expect.element(panel().getByRole('button', { name: 'Speichern' })).toBeDisabled();
  fail();
  session.annotations.update = update;
  await expect.element(editor).not.toHaveAttribute('readonly');
  await expect.element(editor).toHaveValue('Kontoauszug fehlt');
  // Said in the user's language, with what to do, not the browser's technical text.
  await expect
    .element(page.getByText(/Die Änderung wurde nicht gespeichert: Auf diesem Gerät ist kein Platz mehr/))
    .toBeInTheDocument();
  expect(seenByOther.find((a) => a.id === first.id)?.text).toBeUndefined();

  // Another note is added: the first editor closes, and its text waits as a draft.
  await panel().getByRole('button', { name: '+ Notiz' }).click();
  await expect.poll(() => seenByOther.length).toBe(before.size + 2);
  const second = seenByOther.find((a) => !before.has(a.id) && a.id !== first.id)!;
  await expect.poll(() => document.querySelectorAll('.annotation-editor').length).toBe(1);
  await expect.element(editor).toHaveValue('');
  await userEvent.fill(editor, 'Mietvertrag liegt vor');
  await panel().getByRole('button', { name: 'Speichern' }).click();
  await expect.poll(() => seenByOther.find((a) => a.id === second.id)?.text).toBe('Mietvertrag liegt vor');
  await expect.poll(() => document.querySelectorAll('.annotation-editor').length).toBe(0);

  await page
    .elementLocator(document.querySelector(`[data-entry="${first.id}"]`)!)
    .getByRole('button', { name: 'Bearbeiten' })
    .click();
  await expect.element(editor).toHaveValue('Kontoauszug fehlt');
  await panel().getByRole('button', { name: 'Speichern' }).click();
  await expect.poll(() => seenByOther.find((a) => a.id === first.id)?.text).toBe('Kontoauszug fehlt');
  await expect.poll(() => document.querySelectorAll('.annotation-editor').length).toBe(0);
});
