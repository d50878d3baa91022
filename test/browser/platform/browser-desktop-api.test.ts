/**
 * Browser mode's DesktopApi in a real Chromium: settings kept in localStorage under what
 * browser-config.json locks, updates reported as not existing here, and the renderer logger
 * writing only into its in-memory ring — redacted, never to the console.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserDesktopApi, SETTINGS_STORAGE_KEY } from '../../../src/renderer/platform/browser-desktop-api.ts';
import { createLogger, logRing, setLogForward } from '../../../src/renderer/platform/logger.ts';
import type { SettingsSnapshot } from '../../../src/shared/settings/settings.ts';

const realFetch = globalThis.fetch;

function serveConfig(config: unknown): void {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/browser-config.json')) return new Response(JSON.stringify(config), { status: 200 });
    return realFetch(input, init);
  });
}

beforeEach(() => localStorage.removeItem(SETTINGS_STORAGE_KEY));
afterEach(() => vi.unstubAllGlobals());

describe('browser-mode settings', () => {
  it('locks what browser-config.json names and keeps the user’s choices in localStorage', async () => {
    serveConfig({ serverUrl: 'http://127.0.0.1:8787', cacheBudgetBytes: 4 * 1024 ** 3 });
    const api = createBrowserDesktopApi();
    const heard: SettingsSnapshot[] = [];
    api.on('settings:changed', (snapshot) => heard.push(snapshot));
    const before = await api.settings.get();
    expect(before.locked).toEqual(['serverUrl', 'cacheBudgetBytes']);
    expect(before.effective).toMatchObject({ serverUrl: 'http://127.0.0.1:8787', language: 'de' });
    expect(before.keyring).toBe('os');

    const result = await api.settings.set({ language: 'en', cacheBudgetBytes: 1024 ** 3, updateMode: 'off' });
    expect(result.applied).toEqual(['language']);
    expect(result.refused).toEqual([
      { field: 'cacheBudgetBytes', code: 'locked' },
      { field: 'updateMode', code: 'not-user-settable' },
    ]);
    expect(JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY)!)).toEqual({ language: 'en' });
    expect(heard.map((s) => s.effective.language)).toEqual(['en']);
    // Another page of the profile reads the same choices.
    expect((await createBrowserDesktopApi().settings.get()).effective.language).toBe('en');
    await expect(api.app.getPolicy()).resolves.toMatchObject({ cacheBudgetBytes: 4 * 1024 ** 3 });
  });

  it('locks nothing without a config and reports a broken one as a warning code', async () => {
    serveConfig({ colour: 'blue' });
    const snapshot = await createBrowserDesktopApi().settings.get();
    expect(snapshot.locked).toEqual([]);
    expect(snapshot.warnings).toEqual([{ code: 'policy-unknown-field', field: 'colour' }]);
  });

  it('refuses a budget above the ceiling browser-config.json sets', async () => {
    serveConfig({ cacheBudgetCeilingBytes: 1024 ** 3 });
    const api = createBrowserDesktopApi();
    const result = await api.settings.set({ cacheBudgetBytes: 2 * 1024 ** 3, viewerDisplay: '0,0,800x600' });
    expect(result.refused).toEqual([{ field: 'cacheBudgetBytes', code: 'invalid-value' }]);
    expect(result.snapshot.effective.cacheBudgetBytes).toBe(1024 ** 3);
    expect(JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY)!)).toEqual({ viewerDisplay: '0,0,800x600' });
  });
});

describe('browser-mode windows', () => {
  it('knows only the page’s own screen and says that the browser places the windows', async () => {
    const list = await createBrowserDesktopApi().windows.displays();
    expect(list.managed).toBe(false);
    expect(list.displays).toEqual([
      {
        key: list.autoKey,
        number: 1,
        width: screen.width,
        height: screen.height,
        primary: true,
        workspace: true,
        viewer: false,
      },
    ]);
    expect(list.autoKey).toMatch(new RegExp(`^-?\\d+,-?\\d+,${screen.width}x${screen.height}$`));
  });

  it('has no updates and takes outbox reports without waiting for anything', async () => {
    const api = createBrowserDesktopApi();
    await expect(api.updates.getState()).resolves.toEqual({ phase: 'disabled', reason: 'browser' });
    await expect(api.updates.check()).resolves.toEqual({ phase: 'disabled', reason: 'browser' });
    await expect(api.outbox.report({ requestId: 'r', inFlight: 0, persisted: true })).resolves.toBeUndefined();
  });
});

describe('renderer logger in browser mode', () => {
  it('keeps redacted lines in the ring and writes nothing to the console', async () => {
    const console = [vi.spyOn(globalThis.console, 'log'), vi.spyOn(globalThis.console, 'info')];
    const warn = vi.spyOn(globalThis.console, 'warn');
    const error = vi.spyOn(globalThis.console, 'error');
    setLogForward(null);
    const logger = createLogger('viewer');
    logger.warn('document 12345BG0012345 failed', { title: 'Mietvertrag', page: 4, code: 'pdf-broken' });
    const api = createBrowserDesktopApi();
    await api.log.write({ level: 'info', module: 'sync/pull', message: 'page applied' });
    const lines = logRing().slice(-2);
    expect(lines).toEqual([
      {
        level: 'warn',
        module: 'viewer',
        message: 'document <bg> failed',
        fields: { page: 4, code: 'pdf-broken', redacted: 1 },
      },
      { level: 'info', module: 'sync/pull', message: 'page applied' },
    ]);
    for (const spy of [...console, warn, error]) expect(spy).not.toHaveBeenCalled();
  });
});
