/**
 * The workspace as a case worker uses it, against the reference server with its demo data: find a
 * case (BG number, a surname typed without its umlaut, Ctrl+K), open its documents in the viewer
 * window, work the Posteingang, write notes and follow-ups while the service is down, the
 * eight-week rule, English without German, and a case of another user that cannot be found.
 */
import type { Locator, Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { de } from '../../src/renderer/i18n/messages-de.ts';
import { en } from '../../src/renderer/i18n/messages-en.ts';
import { feedOf, login } from './feed.ts';
import { expect, signIn, test, type Service } from './fixtures.ts';

type Person = { caseId: string; firstName: string; lastName: string; address: { street: string; city: string } };
type Case = { id: string; bgNumber: string; headPersonId?: string };
type Doc = {
  id: string;
  caseId: string;
  title: string;
  type: string;
  status: string;
  direction: string;
  receivedOn: string;
  originalRetainedUntil?: string;
};

async function demoData(service: Service, user = 'demo') {
  const feed = await feedOf(service, user);
  return {
    cases: (feed.get('case') ?? []) as unknown as Case[],
    persons: (feed.get('person') ?? []) as unknown as Person[],
    documents: (feed.get('document') ?? []) as unknown as Doc[],
    /** What people wrote: notes, follow-ups, annotations. */
    texts: (['note', 'followUp', 'annotation'] as const).flatMap((kind) =>
      (feed.get(kind) ?? []).flatMap((e) => (typeof e['text'] === 'string' ? [e['text']] : [])),
    ),
  };
}

async function signedIn(page: Page, user = 'demo'): Promise<void> {
  await signIn(page, user);
  await expect(page.locator('.case-row').first()).toBeVisible({ timeout: 30_000 });
}

const caseHeading = (page: Page, bg: string): Locator => page.getByRole('heading', { level: 2, name: `Akte ${bg}` });
const search = (page: Page): Locator => page.getByRole('searchbox', { name: 'Akten suchen' });

/** German letters folded the simple way a caller types them: "Müller" → "Muller". */
const withoutUmlauts = (text: string): string =>
  text.replace(/[äöü]/g, (c) => ({ ä: 'a', ö: 'o', ü: 'u' })[c] ?? c).replace(/ß/g, 'ss');

test('find a case by BG number, by a surname without its umlaut and through Ctrl+K; open its documents in the viewer', async ({
  workspace: page,
  viewer,
  service,
}) => {
  const data = await demoData(service);
  await signedIn(page);
  await expect(page.getByRole('heading', { name: `Meine Akten (${data.cases.length})` })).toBeVisible();

  // BG number without the "BG" part and without the serial's leading zeros.
  const target = data.cases[3]!;
  const [, office, serial] = /^(\d{5})BG(\d{7})$/.exec(target.bgNumber)!;
  await search(page).fill(`${office} ${Number(serial)}`);
  await expect(page.locator('.case-row')).toHaveCount(1);
  await search(page).press('Enter');
  await expect(caseHeading(page, target.bgNumber)).toBeFocused();

  // A surname with an umlaut or ß, typed without it.
  const umlaut = data.persons.find((p) => /[äöüß]/.test(p.lastName) || /[äöüß]/.test(p.firstName));
  expect(umlaut, 'the demo district has a name with an umlaut').toBeDefined();
  const name = /[äöüß]/.test(umlaut!.lastName) ? umlaut!.lastName : umlaut!.firstName;
  await search(page).fill(withoutUmlauts(name).toLowerCase());
  await expect(page.locator(`.case-row[data-case-id="${umlaut!.caseId}"]`)).toHaveCount(1);
  // …and the "ae" form finds it too.
  const twoLetter = name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  await search(page).fill(twoLetter);
  await expect(page.locator(`.case-row[data-case-id="${umlaut!.caseId}"]`)).toHaveCount(1);
  await search(page).fill('');

  // Ctrl+K from anywhere: the dialog, arrow keys, Enter.
  const other = data.cases[1]!;
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Posteingang/ })
    .focus();
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Akte suchen' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Akte suchen' })).toBeFocused();
  // The serial without its leading zeros, as a caller reads it from a letter.
  await page.keyboard.type(String(Number(other.bgNumber.slice(-7))));
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(caseHeading(page, other.bgNumber)).toBeVisible();
  // Escape closes the dialog and gives the focus back.
  await search(page).focus();
  await page.keyboard.press('Control+K');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(search(page)).toBeFocused();

  // A document from the case view, by keyboard: the viewer window shows it.
  const doc = data.documents.find((d) => d.caseId === other.id)!;
  const button = page.locator(`.document-open[data-document-id="${doc.id}"]`);
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(viewer.getByRole('heading', { level: 1 })).toContainText(doc.title, { timeout: 20_000 });
  await expect(page.locator('.document-list li.selected')).toContainText(doc.title);
  // The viewer follows the selection.
  const next = data.documents.find((d) => d.caseId === other.id && d.id !== doc.id && d.title !== doc.title);
  if (next) {
    await page.locator(`.document-open[data-document-id="${next.id}"]`).click();
    await expect(viewer.getByRole('heading', { level: 1 })).toContainText(next.title, { timeout: 20_000 });
  }
});

test('the Posteingang: unread first, open in the viewer, mark read and processed through the outbox', async ({
  workspace: page,
  viewer,
  service,
}) => {
  const data = await demoData(service);
  const unread = data.documents.filter((d) => d.status === 'new' && d.direction === 'incoming');
  expect(unread.length).toBeGreaterThanOrEqual(2);
  await signedIn(page);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('button', { name: `Posteingang ${unread.length} ungelesen` })).toBeVisible();
  await nav.getByRole('button', { name: /Posteingang/ }).click();
  const rows = page.locator('.inbox-table tbody tr');
  await expect(rows.first()).toBeVisible();
  // Unread first, newest first among them.
  const states = await rows.locator('td:nth-child(4)').allInnerTexts();
  expect(states.slice(0, unread.length).every((s) => s === 'ungelesen')).toBe(true);
  expect(states.slice(unread.length).every((s) => s === 'gelesen')).toBe(true);

  const [first, second] = [...unread].sort((a, b) => b.receivedOn.localeCompare(a.receivedOn));
  // Open one: the viewer shows it and it counts as read.
  await page.locator(`tr[data-document-id="${first!.id}"] th button`).click();
  await expect(viewer.getByRole('heading', { level: 1 })).toContainText(first!.title, { timeout: 20_000 });
  await expect(page.locator(`tr[data-document-id="${first!.id}"] td:nth-child(4)`)).toHaveText('gelesen');
  // Mark another read, then processed: it leaves the Posteingang.
  const row = page.locator(`tr[data-document-id="${second!.id}"]`);
  await row.getByRole('button', { name: 'Als gelesen markieren' }).click();
  await expect(row.locator('td:nth-child(4)')).toHaveText('gelesen');
  await expect(nav.getByRole('button', { name: `Posteingang ${unread.length - 2} ungelesen` })).toBeVisible();
  await row.getByRole('button', { name: 'Als erledigt markieren' }).click();
  await expect(row).toHaveCount(0);

  // The service has both changes.
  await expect
    .poll(
      async () => {
        const now = await demoData(service);
        const status = (id: string) => now.documents.find((d) => d.id === id)?.status;
        return [status(first!.id), status(second!.id)];
      },
      { timeout: 20_000 },
    )
    .toEqual(['read', 'processed']);
});

test('a note and a follow-up written while the service is down are marked not sent, then delivered once', async ({
  workspace: page,
  service,
}) => {
  const data = await demoData(service);
  await signedIn(page);
  await expect(page.locator('.sync-status')).toContainText('Abgeglichen', { timeout: 30_000 });
  const target = data.cases[0]!;
  await page.locator(`.case-row[data-case-id="${target.id}"]`).click();
  await expect(caseHeading(page, target.bgNumber)).toBeVisible();
  const before = Object.keys((await service.state()).mutations).length;

  await service.stop();
  await page.getByRole('button', { name: 'Vermerk hinzufügen' }).click();
  await page.getByRole('textbox', { name: 'Vermerk' }).fill('Telefonat: Mietbescheinigung folgt per Post.');
  await page.getByRole('button', { name: 'Vermerk speichern' }).click();
  const note = page.locator('.note-list li').filter({ hasText: 'Telefonat: Mietbescheinigung folgt per Post.' });
  await expect(note).toContainText('noch nicht übermittelt');

  await page.getByRole('button', { name: 'Wiedervorlage hinzufügen' }).click();
  await page.getByLabel('Fällig am').fill('2030-01-15');
  await page.getByLabel('Worum geht es?').fill('Mietbescheinigung eingegangen?');
  await page.getByRole('button', { name: 'Wiedervorlage speichern' }).click();
  const followUp = page.locator('.followup-list li').filter({ hasText: 'Mietbescheinigung eingegangen?' });
  await expect(followUp).toContainText('noch nicht übermittelt');
  await expect(page.locator('.sync-status')).toContainText(/2 Änderungen warten/, { timeout: 20_000 });

  await service.resume();
  await page.getByRole('button', { name: 'Jetzt abgleichen' }).click();
  await expect(note).not.toContainText('noch nicht übermittelt', { timeout: 30_000 });
  await expect(followUp).not.toContainText('noch nicht übermittelt');
  const state = await service.state();
  const fresh = Object.entries(state.mutations).slice(before);
  expect(fresh.length).toBeGreaterThanOrEqual(2);
  expect(Object.values(state.mutations).every((c) => c.applied <= 1)).toBe(true);
  const feed = await feedOf(service, 'demo');
  expect(
    (feed.get('note') ?? []).filter((n) => n['text'] === 'Telefonat: Mietbescheinigung folgt per Post.'),
  ).toHaveLength(1);
  expect((feed.get('followUp') ?? []).filter((f) => f['text'] === 'Mietbescheinigung eingegangen?')).toHaveLength(1);
});

test('the eight-week rule: request an original while it exists; a misfiled scan leaves the case after the next sync', async ({
  workspace: page,
  service,
}) => {
  const data = await demoData(service);
  const today = new Date().toISOString().slice(0, 10);
  const kept = data.documents.find(
    (d) => d.direction === 'incoming' && d.originalRetainedUntil !== undefined && d.originalRetainedUntil >= today,
  );
  const destroyed = data.documents.find(
    (d) => d.direction === 'incoming' && d.originalRetainedUntil !== undefined && d.originalRetainedUntil < today,
  );
  expect(kept, 'the demo data has an original that still exists').toBeDefined();
  expect(destroyed, 'the demo data has an original that was destroyed').toBeDefined();
  await signedIn(page);

  const open = async (doc: Doc) => {
    await search(page).fill(data.cases.find((c) => c.id === doc.caseId)!.bgNumber);
    await search(page).press('Enter');
    return page.locator('.document-list li').filter({ has: page.locator(`[data-document-id="${doc.id}"]`) });
  };
  const item = await open(kept!);
  await expect(item).toContainText('Original vorhanden bis');
  await item.getByRole('button', { name: 'Original anfordern' }).click();
  await expect(item).toContainText('Original angefordert am');

  const gone = await open(destroyed!);
  await expect(gone).toContainText('Papieroriginal vernichtet');
  await expect(gone.getByRole('button', { name: 'Original anfordern' })).toHaveCount(0);

  // Misfiled: reported with a reason, it leaves the case once the service has taken it out.
  const misfiled = data.documents.find(
    (d) => d.caseId === kept!.caseId && d.direction === 'incoming' && d.id !== kept!.id,
  )!;
  const misfiledItem = await open(misfiled);
  await misfiledItem.getByRole('button', { name: 'Falsch zugeordnet melden' }).click();
  await misfiledItem
    .getByRole('textbox', { name: 'Grund der Meldung' })
    .fill('Gehört zu einer anderen Bedarfsgemeinschaft');
  await misfiledItem.getByRole('button', { name: 'Meldung senden' }).click();
  await expect(misfiledItem).toContainText('Als falsch zugeordnet gemeldet');
  await expect
    .poll(async () => (await demoData(service)).documents.some((d) => d.id === misfiled.id), { timeout: 20_000 })
    .toBe(false);
  // Delivered: the sync that follows delivery takes it out of the case on this device too.
  await expect(page.locator(`[data-document-id="${misfiled.id}"]`)).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.sync-status')).not.toContainText('warten');
  await expect
    .poll(
      async () => (await demoData(service)).documents.find((d) => d.id === kept!.id)?.['originalRequestedAt' as 'id'],
      {
        timeout: 20_000,
      },
    )
    .toBeTruthy();
});

/** German texts of the catalogue that the English one does not share, as the UI would show them. */
function germanFragments(data: readonly string[]): RegExp[] {
  const english = en as Record<string, string>;
  const fragments = new Set<string>();
  for (const [key, text] of Object.entries(de as Record<string, string>)) {
    if (english[key] === text) continue;
    for (const part of [text.split('{')[0]!, text.slice(text.lastIndexOf('}') + 1)])
      if (part.trim().length >= 8 && /\p{L}{4}/u.test(part)) fragments.add(part.trim());
  }
  // Words the service's own data holds (a document titled "Mietvertrag") are data, not UI text.
  const inData = (fragment: string) => data.some((d) => d.includes(fragment));
  return [...fragments]
    .filter((f) => !inData(f))
    .map((f) => new RegExp(`(^|[^\\p{L}])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u'));
}

async function germanOn(page: Page, fragments: readonly RegExp[]): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return fragments.filter((f) => f.test(text)).map((f) => f.source);
}

test('in English the workspace shows no German, errors included; a case of another user cannot be found', async ({
  workspace: page,
  service,
}) => {
  const data = await demoData(service);
  const others = await demoData(service, 'demo2');
  const mine = new Set(data.cases.map((c) => c.id));
  const foreign = others.cases.find((c) => !mine.has(c.id));
  expect(foreign, 'demo2 has a case demo does not').toBeDefined();
  const dataTexts = [
    ...data.documents.map((d) => d.title),
    ...data.persons.flatMap((p) => [p.lastName, p.firstName, p.address.street, p.address.city]),
    ...data.texts,
  ];
  const fragments = germanFragments(dataTexts);

  await page.getByLabel('Sprache').selectOption('en');
  const signInEnglish = async (password: string) => {
    await page.getByLabel('User name').fill('demo');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  // A wrong password, in English.
  await signInEnglish('wrong');
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await germanOn(page, fragments)).toEqual([]);
  await signInEnglish('demo');
  await expect(page.locator('.case-row').first()).toBeVisible({ timeout: 30_000 });

  const screens: [string, () => Promise<void>][] = [
    ['cases', async () => page.locator('.case-row').first().click()],
    ['inbox', async () => page.getByRole('navigation').getByRole('button', { name: /Inbox/ }).click()],
    [
      'follow-ups',
      async () =>
        page
          .getByRole('navigation')
          .getByRole('button', { name: /Follow-ups/ })
          .click(),
    ],
    ['settings', async () => page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()],
  ];
  for (const [name, show] of screens) {
    await show();
    await page.waitForTimeout(300);
    expect(await germanOn(page, fragments), name).toEqual([]);
  }

  // The service down: the status line's error, in English.
  await page.getByRole('navigation').getByRole('button', { name: 'Case files' }).click();
  await service.stop();
  await page.getByRole('button', { name: 'Synchronise now' }).click();
  await expect(page.locator('.sync-status')).toContainText('No connection', { timeout: 30_000 });
  expect(await germanOn(page, fragments)).toEqual([]);
  await service.resume();

  // Another worker's case is not on this device: neither its BG number nor its household finds it.
  await page.getByRole('searchbox', { name: 'Search case files' }).fill(foreign!.bgNumber);
  await expect(page.locator('.case-row')).toHaveCount(0);
  await expect(page.getByText('No case file found')).toBeVisible();
  await page.keyboard.press('Control+K');
  await page.keyboard.type(foreign!.bgNumber);
  await expect(page.getByRole('dialog').getByRole('option')).toHaveCount(0);
  await expect(page.getByRole('dialog')).toContainText('No case file found');
});

test('a substitute sees the cases held in substitution apart, with the end of the substitution', async ({
  workspace: page,
}) => {
  await signedIn(page, 'demo2');
  await expect(page.getByRole('row', { name: /Vertretung \(\d+\)/ })).toBeVisible();
  await expect(page.locator('.case-row .case-until').first()).toContainText(/Vertretung bis \d\d\.\d\d\.\d{4}/);
});

test('a letter composed while the service is down is accepted once with the previewed bytes, dispatched and filed in the case', async ({
  workspace: page,
  service,
}) => {
  const data = await demoData(service);
  await signedIn(page);
  await expect(page.locator('.sync-status')).toContainText('Abgeglichen', { timeout: 30_000 });
  const target = data.cases[2]!;
  await page.locator(`.case-row[data-case-id="${target.id}"]`).click();
  await expect(caseHeading(page, target.bgNumber)).toBeVisible();
  const lettersBefore = new Set(Object.keys((await service.state()).letters));
  // What the preview shows, as the composer announces it (sha256 of the bytes drawn).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { previewed: string[] }).previewed = seen;
    document.addEventListener('letters:preview-painted', (e) =>
      seen.push((e as CustomEvent<{ sha256: string }>).detail.sha256),
    );
  });

  await service.stop();
  await page.getByRole('button', { name: 'Schreiben erstellen' }).click();
  const composer = page.getByRole('dialog', { name: 'Schreiben erstellen' });
  await composer.getByLabel('Vorlage').selectOption({ label: 'Einladung zu einem persönlichen Termin' });
  await composer.getByLabel('Datum des Termins').fill('2031-07-01');
  await composer.getByLabel('Uhrzeit').fill('10:30');
  await composer.getByLabel('Ort und Zimmer').fill('Zimmer 214, 2. Obergeschoss');
  await composer.getByLabel('Anlass des Gesprächs').fill('Ihre berufliche Situation');
  await composer.getByLabel('Bitte mitbringen').fill('- Personalausweis\n- Lebenslauf');
  await expect(composer.getByRole('heading', { name: 'Das Schreiben kann gesendet werden.' })).toBeVisible();
  await expect(composer.getByRole('img', { name: /Vorschau, Seite 1 von/ })).toBeVisible({ timeout: 20_000 });
  await expect(composer.getByText('Vorschau wird aktualisiert …')).toHaveCount(0, { timeout: 20_000 });
  const previewed = await page.evaluate(() => (window as unknown as { previewed: string[] }).previewed.at(-1));
  expect(previewed).toMatch(/^[0-9a-f]{64}$/);
  await composer.getByRole('button', { name: 'Senden' }).click();
  await expect(composer).toHaveCount(0);

  const subject = 'Einladung zu einem Gespräch am 01.07.2031 um 10:30 Uhr';
  const row = page.getByRole('row').filter({ hasText: subject });
  await expect(row).toContainText('In der Warteschlange');

  await service.resume();
  await page.getByRole('button', { name: 'Jetzt abgleichen' }).click();
  await expect(row).toContainText('Angenommen', { timeout: 30_000 });
  // The provider walks it through printed to dispatched; each pull brings the step it reached.
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: 'Jetzt abgleichen' }).click();
        await page.waitForTimeout(1_000);
        return row.innerText();
      },
      { timeout: 30_000 },
    )
    .toContain('Versandt');
  const fresh = Object.entries((await service.state()).letters).filter(([id]) => !lettersBefore.has(id));
  expect(fresh).toHaveLength(1);
  expect(fresh[0]![1].applied).toBe(1);

  // Filed at the service as an outgoing document of the case, with exactly the previewed bytes.
  const feed = await feedOf(service, 'demo');
  const letter = (feed.get('letter') ?? []).find((l) => l['id'] === fresh[0]![0])!;
  expect(letter).toMatchObject({ caseId: target.id, subject, status: 'dispatched' });
  const token = await login(service, 'demo');
  const stored = await fetch(`${service.url}/api/v1/documents/${String(letter['documentId'])}/content`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(
    createHash('sha256')
      .update(Buffer.from(await stored.arrayBuffer()))
      .digest('hex'),
  ).toBe(previewed);
  await expect(page.locator('.document-list li').filter({ hasText: subject })).toHaveCount(1, { timeout: 30_000 });
});
