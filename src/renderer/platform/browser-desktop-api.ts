/**
 * Browser mode: the DesktopApi implemented inside the page. It goes through the same contract
 * code as Electron (an in-page ipcMain with the shared registration wrapper and the shared
 * bridge), so arguments and results are validated exactly as they are across real IPC.
 */
import { createDesktopBridge } from '../../shared/ipc/bridge.ts';
import { IpcError } from '../../shared/ipc/envelope.ts';
import { registerIpcHandlers, type IpcSenderEvent } from '../../shared/ipc/register.ts';
import { DEFAULT_POLICY, policySchema, type Policy } from '../../shared/policy/policy.ts';
import type { DesktopApi } from './desktop-api.ts';
import { browserJournal } from './browser-journal.ts';
import { protectInBrowser, unprotectInBrowser } from './browser-secrets.ts';

type Listener = (event: IpcSenderEvent, arg: unknown) => Promise<unknown>;

const VIEWER_WINDOW_NAME = 'eakte-viewer';

/** Browser-mode settings: `browser-config.json` beside the pages (written by start:browser), then defaults. */
async function loadPolicy(): Promise<Policy> {
  try {
    const response = await fetch(new URL('browser-config.json', location.href), { cache: 'no-store' });
    if (response.ok) {
      const parsed = policySchema.partial().safeParse(await response.json());
      if (parsed.success) return { ...DEFAULT_POLICY, ...parsed.data };
    }
  } catch {
    // No config served: the defaults apply.
  }
  return DEFAULT_POLICY;
}

export function createBrowserDesktopApi(): DesktopApi {
  const handlers = new Map<string, Listener>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const policy = loadPolicy();
  const selfEvent: IpcSenderEvent = { sender: { id: 1 }, senderFrame: { url: location.href } };

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
      'app:getPolicy': () => policy,
      'windows:openViewer': ({ documentId }) => {
        const url = new URL('viewer.html', location.href);
        if (documentId) url.searchParams.set('documentId', documentId);
        const viewer = window.open(url.toString(), VIEWER_WINDOW_NAME);
        viewer?.focus();
      },
      'windows:focusWorkspace': () => {
        window.focus();
      },
      'secrets:isAvailable': () => typeof indexedDB !== 'undefined' && typeof crypto.subtle !== 'undefined',
      'secrets:protect': async ({ plaintext }) => ({ sealed: await protectInBrowser(plaintext) }),
      'secrets:unprotect': async ({ sealed }) => {
        try {
          return { plaintext: await unprotectInBrowser(sealed) };
        } catch {
          throw new IpcError(
            'unavailable',
            'Der gespeicherte Schlüssel kann in diesem Browserprofil nicht entschlüsselt werden.',
          );
        }
      },
      'journal:append': ({ userId, entries }) => browserJournal.append(userId, entries),
      'journal:acknowledge': ({ userId, ids }) => browserJournal.acknowledge(userId, ids),
      'journal:read': async ({ userId }) => ({ entries: await browserJournal.read(userId) }),
    },
    // Only this page itself calls in browser mode.
    { isTrustedSender: () => true, logger: { warn: () => undefined } },
  );

  return createDesktopBridge({
    invoke: async (channel, arg) => {
      const handler = handlers.get(channel);
      if (!handler) return { ok: false, error: { code: 'unavailable', message: `Unbekannter Kanal ${channel}.` } };
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
