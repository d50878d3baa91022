/**
 * Sign-in and sync through the user interface: both windows as pages of one browser profile,
 * against the reference server, with the sync engine in its worker.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentTypeSchema } from '../../src/shared/domain/document.ts';
import { viewerDe } from '../../src/renderer/features/viewer/messages-de.ts';
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

const rendererDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');

/**
 * The browser's HTTP cache and code cache keep the app's own code as served by the browser host;
 * it names every document type, because the app shows them. Such an entry (its key a file of the built
 * renderer, on the host) is not the user's data; a cached answer of the service would be.
 */
function isCachedAppFile(bytes: Buffer, appOrigin: string): boolean {
  if (bytes.length < 24 || bytes.readBigUInt64LE(0) !== 0xfcfb6d1ba7725c30n) return false;
  const key = bytes.subarray(24, 24 + bytes.readUInt32LE(12)).toString('latin1');
  // The HTTP cache's key ends with the file's address; the code cache's begins with it ("_key…"),
  // followed by the origin.
  const file = key.match(/https?:\/\/\S+/g)?.find((url) => url.startsWith(`${appOrigin}/`) && url !== `${appOrigin}/`);
  if (!file) return false;
  const onDisk = path.join(rendererDir, new URL(file).pathname);
  return onDisk.startsWith(rendererDir) && existsSync(onDisk) && statSync(onDisk).isFile();
}

/** Where `needle` occurs in `bytes`. */
function occurrences(bytes: Buffer, needle: Buffer): number[] {
  const found: number[] = [];
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Whether the bytes at `at` (of a name `length` bytes long) stand as a stored string: after their
 * length (as a serialised value or a database key keeps a string), or between delimiters (JSON,
 * a URL, a form, a line of text). Four bytes of ciphertext spell a four-letter user name about once
 * in 4 GB, so by chance about once in 200 scans of a synced profile's 20–30 MB; between delimiters
 * or after a length, once in tens of thousands.
 */
function storedAsText(bytes: Buffer, at: number, length: number): boolean {
  const delimiters = new Set(Buffer.from(`"'=:/&?,;<> \t\r\n\0`, 'latin1'));
  const before = at > 0 ? bytes[at - 1]! : 0;
  const after = at + length < bytes.length ? bytes[at + length]! : 0;
  return before === length || (delimiters.has(before) && delimiters.has(after));
}

/** Every file of a profile folder, as bytes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(full) : stat.isFile() ? [full] : [];
  });
}

test('the profile on disk holds no personal data, no BG number, no document type, no user name and no PDF in plain text after a sync', async ({
  desk,
  referenceServer,
}) => {
  const profile = desk.profile;
  {
    const page = await desk.start();
    const appOrigin = new URL(page.url()).origin;
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
    ).json()) as { accessToken: string; user: { username: string; displayName: string } };
    const feed = (await (
      await fetch(`${referenceServer.url}/api/v1/changes?limit=1000`, {
        headers: { Authorization: `Bearer ${token.accessToken}` },
      })
    ).json()) as {
      changes: {
        entity: string;
        op: string;
        data?: { address?: { street: string }; title?: string; bgNumber?: string; sha256?: string };
      }[];
    };
    const streets = feed.changes.flatMap((c) => (c.data?.address ? [c.data.address.street] : []));
    expect(streets.length).toBeGreaterThan(0);
    const bgNumbers = feed.changes.flatMap((c) => (c.data?.bgNumber ? [c.data.bgNumber] : []));
    expect(bgNumbers).toHaveLength(8);
    const checksums = feed.changes.flatMap((c) => (c.data?.sha256 ? [c.data.sha256] : []));
    // A medical certificate is health data: neither the type nor its German label may show. (The
    // types that are everyday English words — application, decision, letter, other — also name
    // things of the browser's own, such as MIME types and the cache's table names.)
    const everyday = new Set(['application', 'decision', 'letter', 'other']);
    const types = documentTypeSchema.options.filter((t) => !everyday.has(t));
    const typeLabels = Object.entries(viewerDe).flatMap(([key, label]) =>
      key.startsWith('viewer.docType.') ? [label] : [],
    );
    expect(typeLabels).toContain('Ärztliche Bescheinigung');
    // The demo user's name is "demo" (in its id "u-demo" too): searched for where it is not the id.
    const userName = token.user.username;
    expect(userName).toBe('demo');
    await desk.stop();

    const needles = [
      ...new Set([...names, ...streets, ...bgNumbers, ...checksums, ...types, ...typeLabels, token.user.displayName]),
    ]
      .filter((n) => n.length >= 5)
      .map((n) => Buffer.from(n, 'utf8'));
    const utf16 = needles.map((n) => Buffer.from(n.toString('utf8'), 'utf16le'));
    const pdf = Buffer.from('%PDF-');
    let scanned = 0;
    const hits: string[] = [];
    for (const file of filesUnder(profile)) {
      const bytes = readFileSync(file);
      if (isCachedAppFile(bytes, appOrigin)) continue;
      scanned += bytes.length;
      if (bytes.includes(pdf)) hits.push(`${path.relative(profile, file)}: %PDF-`);
      for (const [i, needle] of needles.entries()) {
        if (bytes.includes(needle) || bytes.includes(utf16[i]!))
          hits.push(`${path.relative(profile, file)}: ${needle.toString('utf8')}`);
      }
      for (const at of occurrences(bytes, Buffer.from(userName, 'utf8')))
        if (
          storedAsText(bytes, at, userName.length) &&
          bytes.subarray(Math.max(0, at - 2), at).toString('latin1') !== 'u-'
        )
          hits.push(`${path.relative(profile, file)}: user name at ${at}`);
    }
    expect(scanned).toBeGreaterThan(1_000_000);
    expect(hits, hits.join('\n')).toEqual([]);
  }
});
