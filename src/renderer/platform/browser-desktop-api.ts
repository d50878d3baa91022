/**
 * Browser mode: the DesktopApi implemented inside the page. It goes through the same contract
 * code as Electron (an in-page ipcMain with the shared registration wrapper and the shared
 * bridge), so arguments and results are validated exactly as they are across real IPC.
 *
 * Settings: the fields of `browser-config.json` beside the pages stand in for the machine policy
 * (and are locked); the user's choices live in localStorage; both go through the same merge as in
 * main. Updates do not exist here; log lines stay in the in-memory ring. Windows are the
 * browser's: the viewer is a tab or window the user places, and the only display known is the
 * page's own screen.
 */
import { createDesktopBridge } from '../../shared/ipc/bridge.ts';
import type { IpcEventName, IpcEventPayload } from '../../shared/ipc/contract.ts';
import { IpcError } from '../../shared/ipc/envelope.ts';
import { NO_MACHINE_LETTERS } from '../../shared/letters/machine-letters.ts';
import { registerIpcHandlers, type IpcSenderEvent } from '../../shared/ipc/register.ts';
import {
  applyUserChanges,
  effectivePolicy,
  EMPTY_POLICY,
  readPolicy,
  readUserSettings,
  resolveSettings,
  type PolicyReading,
} from '../../shared/settings/resolve-settings.ts';
import type { SettingsSnapshot } from '../../shared/settings/settings.ts';
import { displayKey, type DisplayList } from '../../shared/windows/displays.ts';
import type { DesktopApi } from './desktop-api.ts';
import { browserJournal } from './browser-journal.ts';
import { protectInBrowser, unprotectInBrowser } from './browser-secrets.ts';
import { keepInRing } from './logger.ts';

type Listener = (event: IpcSenderEvent, arg: unknown) => Promise<unknown>;

const VIEWER_WINDOW_NAME = 'eakte-viewer';
export const SETTINGS_STORAGE_KEY = 'eakte-settings';

/** `browser-config.json` beside the pages (written by start:browser), read like a policy file. */
async function loadBrowserConfig(): Promise<PolicyReading> {
  try {
    const response = await fetch(new URL('browser-config.json', location.href), { cache: 'no-store' });
    if (response.ok) return readPolicy(await response.text());
  } catch {
    // No config served: the defaults apply.
  }
  return EMPTY_POLICY;
}

function storedSettings(): string | null {
  try {
    return localStorage.getItem(SETTINGS_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The page's own screen; a browser tells a page nothing about other displays without a permission prompt. */
function thisScreen(): DisplayList {
  // availLeft/availTop are where Chromium puts this screen in the desktop; other browsers lack them.
  const { width, height, availLeft, availTop } = screen as Screen & { availLeft?: number; availTop?: number };
  const size = { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
  const key = displayKey({ x: availLeft ?? 0, y: availTop ?? 0, ...size });
  return {
    displays: [{ key, number: 1, ...size, primary: true, workspace: true, viewer: false }],
    autoKey: key,
    managed: false,
  };
}

export function createBrowserDesktopApi(): DesktopApi {
  const handlers = new Map<string, Listener>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const config = loadBrowserConfig();
  const selfEvent: IpcSenderEvent = { sender: { id: 1 }, senderFrame: { url: location.href } };
  const keyringAvailable = (): boolean => typeof indexedDB !== 'undefined' && typeof crypto.subtle !== 'undefined';

  const emit = <E extends IpcEventName>(event: E, payload: IpcEventPayload<E>): void => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const resolved = async () =>
    resolveSettings({ policy: await config, user: readUserSettings(storedSettings()), development: true });
  const snapshot = async (): Promise<SettingsSnapshot> => {
    const { effective, locked, warnings } = await resolved();
    return {
      effective,
      locked: [...locked],
      warnings: [...warnings],
      // The profile's non-extractable key stands in for the operating system's key store.
      keyring: keyringAvailable() ? 'os' : 'none',
    };
  };
  // Another page of this profile saved settings.
  addEventListener('storage', (event) => {
    if (event.key === SETTINGS_STORAGE_KEY) void snapshot().then((next) => emit('settings:changed', next));
  });

  registerIpcHandlers(
    {
      handle: (channel, listener) => handlers.set(channel, listener),
      removeHandler: (channel) => handlers.delete(channel),
    },
    {
      'app:getInfo': () => ({
        name: 'E-Akte Desktop',
        version: __APP_VERSION__,
        platform: navigator.platform,
        shell: 'browser',
      }),
      'app:getPolicy': async () => effectivePolicy((await resolved()).effective),
      'settings:get': () => snapshot(),
      'settings:set': async (changes) => {
        const { locked, effective } = await resolved();
        const outcome = applyUserChanges(readUserSettings(storedSettings()).values, changes, locked, effective);
        if (outcome.applied.length) localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(outcome.values));
        const next = await snapshot();
        if (outcome.applied.length) emit('settings:changed', next);
        return { snapshot: next, applied: [...outcome.applied], refused: [...outcome.refused] };
      },
      'windows:openViewer': ({ documentId }) => {
        const url = new URL('viewer.html', location.href);
        if (documentId) url.searchParams.set('documentId', documentId);
        // A viewer window that is open already keeps its state and follows the selection (see
        // platform/selection-channel.ts); only a new one is pointed at the viewer page.
        const viewer = window.open('', VIEWER_WINDOW_NAME);
        if (!viewer) return;
        let fresh = true;
        try {
          fresh = viewer.location.href === 'about:blank';
        } catch {
          // Not ours any more (navigated away): point it at the viewer again.
        }
        if (fresh) viewer.location.replace(url.toString());
        viewer.focus();
      },
      'windows:focusWorkspace': () => {
        window.focus();
      },
      'windows:displays': () => thisScreen(),
      'secrets:isAvailable': () => keyringAvailable(),
      'secrets:protect': async ({ plaintext }) => ({ sealed: await protectInBrowser(plaintext) }),
      'secrets:unprotect': async ({ sealed }) => {
        try {
          return { plaintext: await unprotectInBrowser(sealed) };
        } catch {
          throw new IpcError('unprotect-failed', 'unprotect-failed');
        }
      },
      'journal:append': ({ userId, entries }) => browserJournal.append(userId, entries),
      'journal:acknowledge': ({ userId, ids }) => browserJournal.acknowledge(userId, ids),
      'journal:read': async ({ userId }) => ({ entries: await browserJournal.read(userId) }),
      'journal:saveKeyWrap': ({ userId, wrap }) => browserJournal.saveKeyWrap(userId, wrap),
      'journal:readKeyWrap': async ({ userId }) => ({ wrap: await browserJournal.readKeyWrap(userId) }),
      // A browser has no machine folder: the templates built into the renderer are all there is.
      'letters:templates': () => NO_MACHINE_LETTERS,
      'updates:getState': () => ({ phase: 'disabled', reason: 'browser' }),
      'updates:check': () => ({ phase: 'disabled', reason: 'browser' }),
      'updates:download': () => ({ phase: 'disabled', reason: 'browser' }),
      // Nothing installs in browser mode, so nothing waits for the outbox.
      'outbox:report': () => undefined,
      'log:write': (entry) => {
        keepInRing(entry);
      },
    },
    // Only this page itself calls in browser mode.
    { isTrustedSender: () => true, logger: { warn: () => undefined } },
  );

  return createDesktopBridge({
    invoke: async (channel, arg) => {
      const handler = handlers.get(channel);
      if (!handler) return { ok: false, error: { code: 'unavailable', message: channel } };
      return handler(selfEvent, arg);
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
}
