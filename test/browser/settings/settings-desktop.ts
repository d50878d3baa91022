/**
 * A desktop for the settings screen in Chromium: main's own IPC handlers (src/main/ipc-handlers.ts)
 * behind the shared registration and bridge over an in-memory transport, so every argument and
 * answer is checked against the contract as across real IPC. Settings are the real merge of a
 * policy text and the user's choices (test/support/main-services.ts), the displays are described
 * by main's placement logic, and the test drives the update state and sees which update calls the
 * screen made. `settings:changed` and `updates:state` are emitted as main does.
 */
import { createIpcHandlers, type MainServices } from '../../../src/main/ipc-handlers.ts';
import { describeDisplays, type DisplayInfo } from '../../../src/main/window-placement.ts';
import { createDesktopBridge } from '../../../src/shared/ipc/bridge.ts';
import type { IpcEventName } from '../../../src/shared/ipc/contract.ts';
import { registerIpcHandlers, type IpcHandlers, type IpcSenderEvent } from '../../../src/shared/ipc/register.ts';
import { readPolicy } from '../../../src/shared/settings/resolve-settings.ts';
import type { Keyring, UserSettings } from '../../../src/shared/settings/settings.ts';
import type { UpdateState } from '../../../src/shared/updates/update-state.ts';
import type { DesktopApi } from '../../../src/renderer/platform/desktop-api.ts';
import { fakeMainServices, type Recorded } from '../../support/main-services.ts';

type Listener = (event: IpcSenderEvent, arg: unknown) => Promise<unknown>;

export type SettingsDesktopOptions = {
  readonly policy?: Record<string, unknown>;
  /** Stored user settings, as read from the settings file (values outside the schema are dropped). */
  readonly user?: Partial<UserSettings>;
  readonly keyring?: Keyring;
  readonly displays?: readonly DisplayInfo[];
  readonly update?: UpdateState;
  /** Replaces handlers, e.g. one that refuses or fails. */
  readonly handlers?: Partial<IpcHandlers>;
};

export type SettingsDesktop = {
  readonly api: DesktopApi;
  readonly recorded: Recorded;
  readonly updateCalls: ('check' | 'download')[];
  /** Main publishes a new update state. */
  pushUpdate(state: UpdateState): void;
};

export const laptop: DisplayInfo = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};
export const monitor: DisplayInfo = {
  id: 2,
  bounds: { x: 1920, y: 0, width: 2560, height: 1440 },
  workArea: { x: 1920, y: 0, width: 2560, height: 1400 },
};

export function settingsDesktop(options: SettingsDesktopOptions = {}): SettingsDesktop {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const emit = (event: IpcEventName, payload: unknown): void => {
    for (const listener of listeners.get(event) ?? []) listener(structuredClone(payload));
  };
  const { services: base, recorded } = fakeMainServices({
    policy: readPolicy(JSON.stringify(options.policy ?? {})),
    ...(options.user ? { user: options.user } : {}),
  });
  let update: UpdateState = options.update ?? { phase: 'idle' };
  const updateCalls: ('check' | 'download')[] = [];
  const displays = options.displays ?? [laptop, monitor];
  const keyring = options.keyring ?? 'os';
  const snapshot = () => ({ ...base.settings.snapshot(), keyring });
  const settings: MainServices['settings'] = {
    snapshot,
    policy: () => base.settings.policy(),
    update: async (changes) => {
      const result = await base.settings.update(changes);
      if (result.applied.length) emit('settings:changed', snapshot());
      return { ...result, snapshot: snapshot() };
    },
  };
  const services: MainServices = {
    ...base,
    settings,
    windows: {
      ...base.windows,
      displays: () => ({
        ...describeDisplays(displays, displays[0]!, {
          workspace: laptop.workArea,
          viewer: displays.includes(monitor) ? monitor.workArea : undefined,
        }),
        managed: true,
      }),
    },
    updates: {
      state: () => update,
      check: async () => {
        updateCalls.push('check');
        return update;
      },
      download: async () => {
        updateCalls.push('download');
        return update;
      },
    },
  };

  const registered = new Map<string, Listener>();
  registerIpcHandlers(
    {
      handle: (channel, listener) => registered.set(channel, listener),
      removeHandler: (channel) => registered.delete(channel),
    },
    { ...createIpcHandlers(services), ...options.handlers },
    { isTrustedSender: () => true, logger: { warn: () => undefined } },
  );
  const event: IpcSenderEvent = { sender: { id: 7 }, senderFrame: { url: 'app://e-akte/workspace.html' } };
  const api = createDesktopBridge({
    invoke: async (channel, arg) => {
      const listener = registered.get(channel);
      if (!listener) return { ok: false, error: { code: 'unavailable', message: channel } };
      return structuredClone(await listener(event, structuredClone(arg)));
    },
    subscribe: (name, listener) => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
  });
  return {
    api,
    recorded,
    updateCalls,
    pushUpdate: (state) => {
      update = state;
      emit('updates:state', state);
    },
  };
}
