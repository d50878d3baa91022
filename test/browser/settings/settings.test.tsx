/**
 * The settings screen in real Chromium, over main's own IPC handlers and the contract (see
 * settings-desktop.ts) and, for browser mode, over the browser DesktopApi: the language switches
 * the whole screen at once, what IT locked is disabled with the reason tied to it, IT's notices
 * are sentences in both languages (also in the banner), the update state is told in words with
 * the fitting action, the viewer's display can be chosen, refusals and failures are said, and axe
 * finds no WCAG 2.1 A/AA violations in German or English.
 */
import axe from 'axe-core';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { PolicyWarningBanner, PolicyWarningList } from '../../../src/renderer/features/settings/PolicyWarnings.tsx';
import { SettingsView } from '../../../src/renderer/features/settings/SettingsView.tsx';
import { I18nProvider } from '../../../src/renderer/i18n/i18n-context.tsx';
import { de } from '../../../src/renderer/i18n/messages-de.ts';
import { en } from '../../../src/renderer/i18n/messages-en.ts';
import type { Language } from '../../../src/renderer/i18n/translate.ts';
import { createBrowserDesktopApi, SETTINGS_STORAGE_KEY } from '../../../src/renderer/platform/browser-desktop-api.ts';
import type { DesktopApi } from '../../../src/renderer/platform/desktop-api.ts';
import { DesktopApiProvider } from '../../../src/renderer/platform/desktop-context.tsx';
import { IpcError } from '../../../src/shared/ipc/envelope.ts';
import { GIB } from '../../../src/shared/policy/policy.ts';
import {
  settingsWarningCodeSchema,
  type SettingsWarning,
  type SettingsWarningCode,
} from '../../../src/shared/settings/settings.ts';
import '../../../src/renderer/styles/app.css';
import { laptop, settingsDesktop } from './settings-desktop.ts';

type Mounted = { container: HTMLElement; announced: string[]; unmount(): void };
let mounted: Mounted[] = [];

function mount(api: DesktopApi, node?: React.ReactNode, initial?: Language): Mounted {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const announced: string[] = [];
  root.render(
    <DesktopApiProvider api={api}>
      <I18nProvider {...(initial ? { initial } : {})}>
        <main>{node ?? <SettingsView announce={(message) => announced.push(message)} />}</main>
      </I18nProvider>
    </DesktopApiProvider>,
  );
  const handle = {
    container,
    announced,
    unmount: () => {
      root.unmount();
      container.remove();
    },
  };
  mounted.push(handle);
  return handle;
}

beforeEach(() => {
  // Other files of this browser context may have left a language or a dismissal behind.
  localStorage.removeItem('eakte.language');
  localStorage.removeItem(SETTINGS_STORAGE_KEY);
  sessionStorage.clear();
});
afterEach(() => {
  for (const handle of mounted) handle.unmount();
  mounted = [];
  localStorage.removeItem('eakte.language');
  localStorage.removeItem(SETTINGS_STORAGE_KEY);
});

async function violations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  // Any violation fails, not only serious and critical ones.
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** German pieces of the catalogue's messages found outside elements marked lang="de". */
function germanIn(container: HTMLElement): string[] {
  const clone = container.cloneNode(true) as HTMLElement;
  for (const element of clone.querySelectorAll('[lang="de"]')) element.remove();
  const texts = [
    clone.textContent ?? '',
    ...[...clone.querySelectorAll('input')].map((input) => input.value),
    ...[...clone.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label') ?? ''),
  ].join('\n');
  const found: string[] = [];
  for (const key of Object.keys(de) as (keyof typeof de)[]) {
    // The fixed pieces between placeholders that the English message does not share.
    const pieces = de[key].split(/[{}]/).map((piece) => piece.trim());
    const english = en[key].toLowerCase();
    for (const piece of pieces)
      if (piece.length >= 6 && !english.includes(piece.toLowerCase()) && texts.includes(piece))
        found.push(`${key}: ${piece}`);
  }
  return found;
}

const section = (name: string) => page.getByRole('region', { name, exact: true });

describe('language', () => {
  it('switches the screen to English at once, saves the choice, and shows no German then', async () => {
    const desktop = settingsDesktop({
      policy: { serverUrl: 'https://akte.jobcenter.example/', updateMode: 'notify', colour: 'blue' },
      update: { phase: 'available', version: '0.3.0' },
    });
    const view = mount(desktop.api);
    await expect.element(page.getByRole('heading', { level: 2, name: 'Einstellungen' })).toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Herunterladen' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
    expect(await violations(view.container)).toEqual([]);

    await page.getByRole('radio', { name: 'English' }).click();
    await expect.element(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeInTheDocument();
    await expect.element(page.getByRole('radio', { name: 'English' })).toBeChecked();
    expect(document.documentElement.lang).toBe('en');
    expect((await desktop.api.settings.get()).effective.language).toBe('en');
    await expect.poll(() => view.announced).toContain('“Language” saved.');
    await expect.element(page.getByRole('button', { name: 'Download' })).toBeInTheDocument();
    await expect.element(page.getByText(/The policy contains the unknown entry “colour”/)).toBeInTheDocument();
    expect(germanIn(view.container)).toEqual([]);
    expect(await violations(view.container)).toEqual([]);

    await page.getByRole('radio', { name: 'Deutsch' }).click();
    await expect.element(page.getByRole('heading', { level: 2, name: 'Einstellungen' })).toBeInTheDocument();
    await page.viewport(1000, 2200);
    await page.screenshot({ path: '../../../.test-output/screenshots/settings.png' });
  });

  it('follows a language chosen in another window', async () => {
    const desktop = settingsDesktop();
    mount(desktop.api);
    await expect.element(page.getByRole('heading', { level: 2, name: 'Einstellungen' })).toBeInTheDocument();
    await desktop.api.settings.set({ language: 'en' });
    await expect.element(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeInTheDocument();
  });
});

describe('what IT has set', () => {
  it('shows locked fields disabled, each with the reason tied to it', async () => {
    const desktop = settingsDesktop({
      policy: { cacheBudgetBytes: 4 * GIB, updateMode: 'auto', serverUrl: 'https://akte.jobcenter.example/' },
    });
    const view = mount(desktop.api);
    const budget = page.getByRole('combobox', { name: 'Dokumente auf diesem Gerät bis zu' });
    await expect.element(budget).toBeDisabled();
    await expect.element(budget).toHaveValue(String(4 * GIB));
    await expect.element(budget).toHaveAccessibleDescription(/^Von Ihrer IT festgelegt \(Richtlinie\)\./);
    const server = page.getByRole('textbox', { name: 'Zentraler Dienst' });
    await expect.element(server).toBeDisabled();
    await expect.element(server).toHaveValue('https://akte.jobcenter.example/');
    await expect.element(server).toHaveAccessibleDescription('Von Ihrer IT festgelegt (Richtlinie).');
    const mode = page.getByRole('textbox', { name: 'Aktualisierungen' });
    await expect.element(mode).toHaveValue('Automatisch herunterladen, beim Beenden installieren');
    await expect.element(mode).toHaveAccessibleDescription('Von Ihrer IT festgelegt (Richtlinie).');
    // Not locked: the language can still be chosen.
    await expect.element(page.getByRole('radio', { name: 'English' })).toBeEnabled();
    expect(await violations(view.container)).toEqual([]);
  });

  it('offers budgets up to IT’s ceiling only and saves the one chosen', async () => {
    const desktop = settingsDesktop({ policy: { cacheBudgetCeilingBytes: 4 * GIB } });
    const view = mount(desktop.api);
    const budget = page.getByRole('combobox', { name: 'Dokumente auf diesem Gerät bis zu' });
    await expect.element(budget).toBeEnabled();
    await expect.element(budget).toHaveAccessibleDescription(/Höchstens 4 GB wählbar \(Vorgabe Ihrer IT\)\./);
    const offered = [...view.container.querySelectorAll('select option')].map((o) => (o as HTMLOptionElement).text);
    expect(offered.slice(0, 4)).toEqual(['512 MB', '1 GB', '2 GB', '4 GB']);
    await budget.selectOptions(String(GIB));
    await expect.poll(async () => (await desktop.api.settings.get()).effective.cacheBudgetBytes).toBe(GIB);
    await expect.poll(() => view.announced).toContain('„Speicherplatz für Dokumente“ gespeichert.');
  });

  it('without an operating system keyring says that only the password protects the key', async () => {
    mount(settingsDesktop({ keyring: 'none' }).api);
    await expect
      .element(page.getByText(/Der Schlüssel zu Ihren gespeicherten Dokumenten ist daher nur durch Ihr Kennwort/))
      .toBeInTheDocument();
    await expect.element(page.getByText('Ihre IT kann einen Schlüsselspeicher einrichten.')).toBeInTheDocument();
  });
});

describe('IT’s notices', () => {
  const example: Record<SettingsWarningCode, SettingsWarning> = {
    'policy-unreadable': { code: 'policy-unreadable', params: { errorCode: 'EACCES' } },
    'policy-not-json': { code: 'policy-not-json' },
    'policy-not-object': { code: 'policy-not-object' },
    'policy-unknown-field': { code: 'policy-unknown-field', field: 'colour' },
    'policy-invalid-value': { code: 'policy-invalid-value', field: 'updateMode' },
    'policy-insecure-url': { code: 'policy-insecure-url', field: 'serverUrl' },
    'server-not-configured': { code: 'server-not-configured' },
    'settings-unreadable': { code: 'settings-unreadable' },
    'settings-invalid-value': { code: 'settings-invalid-value', field: 'language' },
    'settings-cache-budget-above-ceiling': {
      code: 'settings-cache-budget-above-ceiling',
      field: 'cacheBudgetBytes',
      params: { storedBytes: 16 * GIB, ceilingBytes: 4 * GIB },
    },
  };

  it('turns every warning code into a sentence in German and in English', async () => {
    const warnings = settingsWarningCodeSchema.options.map((code) => example[code]);
    warnings.push({ code: 'policy-insecure-url', field: 'serverUrl', params: { source: 'environment' } });
    const api = settingsDesktop().api;
    const said: Record<Language, string[]> = { de: [], en: [] };
    for (const language of ['de', 'en'] as const) {
      const view = mount(api, <PolicyWarningList warnings={warnings} />, language);
      await expect.poll(() => view.container.querySelectorAll('li').length).toBe(warnings.length);
      said[language] = [...view.container.querySelectorAll('li')].map((li) => li.textContent ?? '');
      view.unmount();
    }
    for (const [index, warning] of warnings.entries()) {
      for (const language of ['de', 'en'] as const) {
        const text = said[language][index]!;
        expect(text, `${warning.code} (${language})`).toMatch(/^[A-ZÄÖÜ].{20,}[.)]$/);
        expect(text, warning.code).not.toMatch(/[{}]|policy-|settings-|undefined/);
      }
      expect(said.en[index], warning.code).not.toBe(said.de[index]);
    }
    expect(said.de[3]).toContain('„colour“');
    expect(said.de[4]).toContain('„Aktualisierungen (updateMode)“');
    expect(said.de[0]).toContain('EACCES');
    expect(said.en[9]).toBe(
      'The storage for documents you chose (16 GB) is more than your IT now allows; its limit of 4 GB applies.',
    );
  });

  it('lists the notices of a broken policy in the screen, and shows them in a banner the user can hide', async () => {
    const desktop = settingsDesktop({
      policy: { updateMode: 'sometimes', colour: 'blue', cacheBudgetCeilingBytes: GIB },
      user: { cacheBudgetBytes: 4 * GIB },
    });
    const view = mount(desktop.api);
    const notices = section('Hinweise der IT');
    await expect.element(notices).toBeInTheDocument();
    await expect
      .element(notices.getByText(/Der Wert für „Aktualisierungen \(updateMode\)“ in der Richtlinie ist ungültig/))
      .toBeInTheDocument();
    await expect
      .element(notices.getByText(/Ihr gewählter Speicherplatz für Dokumente \(4 GB\) ist größer.*Obergrenze von 1 GB/))
      .toBeInTheDocument();
    await expect
      .element(page.getByRole('combobox', { name: 'Dokumente auf diesem Gerät bis zu' }))
      .toHaveValue(String(GIB));
    expect(await violations(view.container)).toEqual([]);
    view.unmount();

    let opened = 0;
    const banner = mount(desktop.api, <PolicyWarningBanner onOpenSettings={() => (opened += 1)} />);
    const status = page.getByRole('status', { name: 'Hinweise Ihrer IT zu dieser Installation' });
    await expect.element(status).toBeInTheDocument();
    await expect.element(status.getByText(/unbekannten Eintrag „colour“/)).toBeInTheDocument();
    expect(await violations(banner.container)).toEqual([]);
    await status.getByRole('button', { name: 'Zu den Einstellungen' }).click();
    expect(opened).toBe(1);
    await status.getByRole('button', { name: 'Hinweise ausblenden' }).click();
    await expect.poll(() => banner.container.querySelector('.policy-banner')).toBeNull();
    banner.unmount();
    // Hidden for the rest of the session: a new mount of the same window shows nothing.
    const again = mount(desktop.api, <PolicyWarningBanner />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(again.container.querySelector('.policy-banner')).toBeNull();
    again.unmount();

    const english = mount(settingsDesktop({ policy: { colour: 'blue' } }).api, <PolicyWarningBanner />, 'en');
    await expect
      .element(page.getByRole('status', { name: 'Notices from your IT about this installation' }))
      .toBeInTheDocument();
    await expect
      .element(page.getByText('The policy contains the unknown entry “colour”; it is ignored.'))
      .toBeVisible();
    expect(germanIn(english.container)).toEqual([]);
    expect(await violations(english.container)).toEqual([]);
  });
});

describe('updates', () => {
  it('tells each phase in words, offers the action that fits, and follows main’s events', async () => {
    const desktop = settingsDesktop({ update: { phase: 'idle' } });
    const view = mount(desktop.api);
    const updates = section('Aktualisierungen');
    await expect.element(updates.getByText('Noch nicht nach Aktualisierungen gesucht.')).toBeInTheDocument();
    await updates.getByRole('button', { name: 'Nach Aktualisierungen suchen' }).click();
    expect(desktop.updateCalls).toEqual(['check']);

    desktop.pushUpdate({ phase: 'checking' });
    await expect.element(updates.getByText('Es wird nach Aktualisierungen gesucht …')).toBeInTheDocument();
    expect(updates.getByRole('button').elements()).toHaveLength(0);

    desktop.pushUpdate({ phase: 'up-to-date', checkedAt: '2025-03-04T10:15:00.000Z' });
    await expect
      .element(updates.getByText(/^Diese Version ist aktuell \(geprüft: 04\.03\.25, \d\d:15:00\)\.$/))
      .toBeVisible();
    await expect.element(updates.getByRole('button', { name: 'Nach Aktualisierungen suchen' })).toBeVisible();

    desktop.pushUpdate({ phase: 'staged-out', version: '0.3.0', checkedAt: '2025-03-04T10:15:00.000Z' });
    await expect.element(updates.getByText(/Version 0\.3\.0 wird schrittweise verteilt/)).toBeVisible();

    desktop.pushUpdate({ phase: 'available', version: '0.3.0' });
    await expect.element(updates.getByText('Version 0.3.0 ist verfügbar.')).toBeVisible();
    expect(
      updates
        .getByRole('button')
        .elements()
        .map((b) => b.textContent),
    ).toEqual(['Herunterladen']);
    await updates.getByRole('button', { name: 'Herunterladen' }).click();
    expect(desktop.updateCalls).toEqual(['check', 'download']);

    desktop.pushUpdate({ phase: 'downloading', version: '0.3.0', percent: 42, transferredBytes: 42, totalBytes: 100 });
    const bar = updates.getByRole('progressbar', { name: 'Herunterladen von Version 0.3.0' });
    await expect.element(bar).toBeVisible();
    expect((bar.element() as HTMLProgressElement).value).toBe(42);
    await expect.element(updates.getByText('Version 0.3.0 wird heruntergeladen: 42 %.')).toBeVisible();

    desktop.pushUpdate({ phase: 'ready', version: '0.3.0' });
    await expect
      .element(updates.getByText('Version 0.3.0 ist heruntergeladen. Wird beim Beenden installiert.'))
      .toBeVisible();
    expect(updates.getByRole('button').elements()).toHaveLength(0);
    expect(await violations(view.container)).toEqual([]);

    desktop.pushUpdate({ phase: 'error', code: 'checksum-mismatch', during: 'download', version: '0.3.0' });
    await expect
      .element(updates.getByText(/^Das Herunterladen der Aktualisierung ist fehlgeschlagen\. .*Prüfsumme/))
      .toBeVisible();
    await updates.getByRole('button', { name: 'Erneut versuchen' }).click();
    expect(desktop.updateCalls).toEqual(['check', 'download', 'download']);

    desktop.pushUpdate({ phase: 'error', code: 'network', during: 'check' });
    await expect
      .element(
        updates.getByText(
          'Die Suche nach Aktualisierungen ist fehlgeschlagen. Der Aktualisierungsserver ist nicht erreichbar.',
        ),
      )
      .toBeVisible();
    await updates.getByRole('button', { name: 'Erneut versuchen' }).click();
    expect(desktop.updateCalls).toEqual(['check', 'download', 'download', 'check']);

    desktop.pushUpdate({ phase: 'disabled', reason: 'policy-off' });
    await expect.element(updates.getByText(/Ihre IT hat die Suche nach Aktualisierungen abgeschaltet/)).toBeVisible();
    expect(updates.getByRole('button').elements()).toHaveLength(0);
    // Phase changes were announced for screen readers; the download's steps were not.
    expect(view.announced).toContain('Version 0.3.0 ist heruntergeladen. Wird beim Beenden installiert.');
    expect(view.announced.filter((m) => m.includes('heruntergeladen:'))).toHaveLength(1);

    await page.getByRole('radio', { name: 'English' }).click();
    desktop.pushUpdate({ phase: 'ready', version: '0.3.0' });
    await expect
      .element(section('Updates').getByText('Version 0.3.0 is downloaded. It will be installed when you quit.'))
      .toBeVisible();
    desktop.pushUpdate({ phase: 'downloading', version: '0.3.0', percent: 7, transferredBytes: 7, totalBytes: 100 });
    await expect
      .element(section('Updates').getByRole('progressbar', { name: 'Downloading version 0.3.0' }))
      .toBeVisible();
    expect(germanIn(view.container)).toEqual([]);
  });
});

describe('the viewer’s display', () => {
  it('offers automatic and each display, saves the one chosen, and names a chosen one that is gone', async () => {
    const desktop = settingsDesktop();
    const view = mount(desktop.api);
    const display = page.getByRole('combobox', { name: 'Bildschirm für die Dokumentenansicht' });
    await expect.element(display).toHaveValue('auto');
    const options = () =>
      [...view.container.querySelectorAll('option')].map((o) => o.text).filter((t) => /Bildschirm|Automatisch/.test(t));
    await expect
      .poll(options)
      .toEqual([
        'Automatisch: der größte Bildschirm außer dem des Arbeitsbereichs (derzeit Bildschirm 2)',
        'Bildschirm 1 (1920 × 1080) – Hauptbildschirm, mit dem Arbeitsbereich',
        'Bildschirm 2 (2560 × 1440) – zeigt die Dokumentenansicht',
      ]);
    await display.selectOptions('0,0,1920x1080');
    await expect.poll(async () => (await desktop.api.settings.get()).effective.viewerDisplay).toBe('0,0,1920x1080');
    await expect.poll(() => view.announced).toContain('„Bildschirm der Dokumentenansicht“ gespeichert.');

    await page.getByRole('radio', { name: /Neben dem Arbeitsbereich/ }).click();
    await expect.element(display).toBeDisabled();
    await expect
      .element(display)
      .toHaveAccessibleDescription(/Gilt nur, wenn die Dokumentenansicht ein eigenes Fenster hat\./);
    expect(await violations(view.container)).toEqual([]);
    view.unmount();

    const gone = settingsDesktop({ displays: [laptop], user: { viewerDisplay: '1920,0,2560x1440' } });
    mount(gone.api);
    const chosen = page.getByRole('combobox', { name: 'Bildschirm für die Dokumentenansicht' });
    await expect.element(chosen).toHaveValue('1920,0,2560x1440');
    await expect
      .element(chosen)
      .toHaveAccessibleDescription(/nicht angeschlossen\. Bis er wieder da ist, gilt „Automatisch“/);
    await expect
      .element(page.getByRole('option', { name: /Früher gewählter Bildschirm \(2560 × 1440\)/ }))
      .toBeInTheDocument();
  });
});

describe('saving that does not work', () => {
  it('says a refusal and a missing answer next to the control, in words, and throws nothing', async () => {
    let answer: 'refuse' | 'fail' = 'refuse';
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) =>
      errors.push('reason' in event ? event.reason : event.error);
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
    const base = settingsDesktop();
    const desktop = settingsDesktop({
      handlers: {
        'settings:set': async (changes) => {
          if (answer === 'fail') throw new IpcError('disk-full', 'disk-full');
          return {
            snapshot: await base.api.settings.get(),
            applied: [],
            refused: Object.keys(changes).map((field) => ({ field, code: 'invalid-value' as const })),
          };
        },
      },
    });
    mount(desktop.api);
    const budget = page.getByRole('combobox', { name: 'Dokumente auf diesem Gerät bis zu' });
    await budget.selectOptions(String(4 * GIB));
    const refusal = '„Speicherplatz für Dokumente“ wurde nicht gespeichert: Dieser Wert ist nicht zulässig.';
    await expect.element(page.getByRole('alert')).toHaveTextContent(refusal);
    await expect.element(budget).toHaveAccessibleDescription(new RegExp(refusal.replace(/[.()]/g, '\\$&')));
    await expect.element(budget).toHaveValue(String(2 * GIB));

    answer = 'fail';
    await page.getByRole('radio', { name: 'English' }).click();
    await expect
      .element(page.getByRole('alert').filter({ hasText: 'Sprache' }))
      .toHaveTextContent(
        '„Sprache“ wurde nicht gespeichert: Die Anwendung hat nicht geantwortet. Versuchen Sie es erneut.',
      );
    await expect.element(page.getByRole('radio', { name: 'Deutsch' })).toBeChecked();
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onError);
    expect(errors).toEqual([]);
  });
});

describe('browser mode', () => {
  it('says that the browser places the viewer, that nothing updates here, and how the key is kept', async () => {
    const browserApi = createBrowserDesktopApi();
    const api: DesktopApi = {
      ...browserApi,
      // The app version is defined by the product build only; the test answers for it.
      app: {
        ...browserApi.app,
        getInfo: async () => ({
          name: 'E-Akte Desktop',
          version: '0.1.0',
          platform: 'test',
          shell: 'browser' as const,
        }),
      },
    };
    const view = mount(api);
    const viewer = section('Dokumentenansicht');
    await expect
      .element(viewer.getByText(/^Im Browsermodus ist die Dokumentenansicht ein Tab oder Fenster/))
      .toBeVisible();
    await expect.element(viewer.getByText(`Dieser Bildschirm: ${screen.width} × ${screen.height}.`)).toBeVisible();
    expect(viewer.getByRole('combobox').elements()).toHaveLength(0);
    await expect.element(page.getByText(/Im Browsermodus gibt es keine Aktualisierungen/)).toBeVisible();
    await expect.element(page.getByText(/zusätzlich durch einen Schlüssel dieses Browserprofils/)).toBeVisible();
    await expect.element(page.getByText('E-Akte Desktop · Version 0.1.0 · Browsermodus')).toBeVisible();
    await expect.element(page.getByText('Ihre IT hat auf diesem Gerät keine Einstellungen festgelegt.')).toBeVisible();
    expect(await violations(view.container)).toEqual([]);
  });
});
