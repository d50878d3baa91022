/**
 * Sign-in and sync through the user interface: both windows as pages of one browser profile,
 * against the reference server, with the sync engine in its worker.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { browserOnly, expect, screenshotDir, signIn, test } from './fixtures.ts';

test('a wrong password is refused with a clear message; the right one shows the synced cases', async ({
  workspace: page,
}) => {
  await signIn(page, 'demo', 'falsch');
  await expect(page.getByRole('alert')).toHaveText(/Benutzername oder Passwort ist falsch/);
  await expect(page.getByLabel('Benutzername')).toHaveValue('demo');
  await signIn(page);
  await expect(page.getByRole('heading', { name: /Meine Akten \(8\)/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.sync-status')).toContainText('Abgeglichen', { timeout: 30_000 });
  await expect(page.locator('.case-row')).toHaveCount(8);
  await page.screenshot({ path: path.join(screenshotDir, 'workspace-signed-in.png') });
});

test('two windows: one sync engine runs, both show the same data, and signing out signs out both', async ({
  workspace: first,
  browserHost,
  targetKind,
}) => {
  browserOnly(targetKind, 'opens three workspace windows of one profile, which only browser mode can');
  const context = first.context();
  const url = `${browserHost.url}/workspace.html`;
  await signIn(first);
  await expect(first.locator('.case-row')).toHaveCount(8, { timeout: 30_000 });

  // The second window takes over the session; no second sign-in.
  const second = await context.newPage();
  await second.goto(url);
  await expect(second.locator('.case-row')).toHaveCount(8, { timeout: 30_000 });
  const firstRows = await first.locator('.case-grid-body').innerText();
  expect(await second.locator('.case-grid-body').innerText()).toBe(firstRows);

  // The second window's worker starts once its session is open (after the journal's restore).
  await expect
    .poll(() =>
      second.evaluate(async () => {
        const state = await navigator.locks.query();
        const mine = (l: { name?: string }) => l.name?.startsWith('eakte-sync-engine-') ?? false;
        return { held: state.held?.filter(mine).length, pending: state.pending?.filter(mine).length };
      }),
    )
    .toEqual({ held: 1, pending: 1 });
  await expect(second.locator('.sync-status')).toContainText(/Abgeglichen|Dokumente werden geladen/);

  // The window running the engine closes: the other one's engine takes over.
  await first.close();
  await expect
    .poll(
      () =>
        second.evaluate(async () => {
          const state = await navigator.locks.query();
          return state.held?.filter((l) => l.name?.startsWith('eakte-sync-engine-')).length;
        }),
      { timeout: 10_000 },
    )
    .toBe(1);

  const third = await context.newPage();
  await third.goto(url);
  await expect(third.locator('.case-row')).toHaveCount(8, { timeout: 30_000 });
  await third.getByRole('button', { name: 'Abmelden' }).click();
  await expect(third.getByRole('button', { name: 'Anmelden' })).toBeVisible();
  await expect(second.getByRole('button', { name: 'Anmelden' })).toBeVisible();
});

/** Every file of a profile folder, as bytes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(full) : stat.isFile() ? [full] : [];
  });
}

test('the profile on disk holds no personal data and no PDF in plain text after a sync', async ({
  desk,
  referenceServer,
}) => {
  const profile = desk.profile;
  {
    const page = await desk.start();
    await signIn(page);
    await expect(page.locator('.sync-status')).toContainText(/8 Akten · \d+ Dokumente · (\d+) offline/, {
      timeout: 30_000,
    });
    await expect
      .poll(
        async () => {
          const text = await page.locator('.sync-status').innerText();
          const match = /(\d+) Dokumente · (\d+) offline/.exec(text);
          return match && match[1] === match[2];
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    const names = (await page.locator('.case-row .col-applicant').allInnerTexts()).flatMap((n) => n.split(', '));
    expect(names.length).toBeGreaterThan(8);
    // Addresses and titles from the service itself, to search for them too.
    const token = (await (
      await fetch(`${referenceServer.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'demo', password: 'demo' }),
      })
    ).json()) as { accessToken: string };
    const feed = (await (
      await fetch(`${referenceServer.url}/api/v1/changes?limit=1000`, {
        headers: { Authorization: `Bearer ${token.accessToken}` },
      })
    ).json()) as {
      changes: { entity: string; op: string; data?: { address?: { street: string }; title?: string } }[];
    };
    const streets = feed.changes.flatMap((c) => (c.data?.address ? [c.data.address.street] : []));
    expect(streets.length).toBeGreaterThan(0);
    await desk.stop();

    const needles = [...new Set([...names, ...streets])]
      .filter((n) => n.length >= 5)
      .map((n) => Buffer.from(n, 'utf8'));
    const utf16 = needles.map((n) => Buffer.from(n.toString('utf8'), 'utf16le'));
    const pdf = Buffer.from('%PDF-');
    let scanned = 0;
    const hits: string[] = [];
    for (const file of filesUnder(profile)) {
      const bytes = readFileSync(file);
      scanned += bytes.length;
      if (bytes.includes(pdf)) hits.push(`${path.relative(profile, file)}: %PDF-`);
      for (const [i, needle] of needles.entries()) {
        if (bytes.includes(needle) || bytes.includes(utf16[i]!))
          hits.push(`${path.relative(profile, file)}: ${needle.toString('utf8')}`);
      }
    }
    expect(scanned).toBeGreaterThan(1_000_000);
    expect(hits).toEqual([]);
  }
});
