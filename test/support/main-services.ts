/**
 * Main's services for contract tests and the IPC benchmark: the real settings merge (no files),
 * secrets over a given safeStorage, and recorders for windows, updates, outbox reports and logs.
 */
import type { MainServices } from '../../src/main/ipc-handlers.ts';
import { createSecrets, type SafeStoragePort } from '../../src/main/secrets.ts';
import {
  applyUserChanges,
  effectivePolicy,
  EMPTY_POLICY,
  readUserSettings,
  resolveSettings,
  type PolicyReading,
} from '../../src/shared/settings/resolve-settings.ts';
import type { SettingsSnapshot, UserSettings } from '../../src/shared/settings/settings.ts';
import { NO_MACHINE_LETTERS } from '../../src/shared/letters/machine-letters.ts';
import type { LogEntry } from '../../src/shared/logging/log-entry.ts';
import type { OutboxReport, UpdateState } from '../../src/shared/updates/update-state.ts';

export const plainSafeStorage: SafeStoragePort = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from(`sealed:${text}`),
  decryptString: (buffer) => {
    const text = buffer.toString();
    if (!text.startsWith('sealed:')) throw new Error('bad');
    return text.slice('sealed:'.length);
  },
};

export type Recorded = {
  viewers: (string | undefined)[];
  reports: [number, OutboxReport][];
  logs: [LogEntry, number][];
};

export function fakeMainServices(
  options: {
    policy?: PolicyReading;
    /** What the user's settings file holds at start, taken as read (not checked against the policy). */
    user?: Partial<UserSettings>;
    safeStorage?: SafeStoragePort;
    update?: UpdateState;
  } = {},
): { services: MainServices; recorded: Recorded } {
  const recorded: Recorded = { viewers: [], reports: [], logs: [] };
  const policy = options.policy ?? EMPTY_POLICY;
  const secrets = createSecrets(options.safeStorage ?? plainSafeStorage);
  let user: Partial<UserSettings> = options.user ?? {};
  const resolved = () =>
    resolveSettings({ policy, user: { ...readUserSettings(null), values: user }, development: true });
  const snapshot = (): SettingsSnapshot => {
    const { effective, locked, warnings } = resolved();
    return { effective, locked: [...locked], warnings: [...warnings], keyring: secrets.keyring() };
  };
  const update = options.update ?? { phase: 'idle' };
  const services: MainServices = {
    appInfo: { name: 'E-Akte Desktop', version: '1.2.3', platform: 'linux' },
    settings: {
      snapshot,
      policy: () => effectivePolicy(resolved().effective),
      update: async (changes) => {
        const { locked, effective } = resolved();
        const outcome = applyUserChanges(user, changes, locked, effective);
        user = outcome.values;
        return { snapshot: snapshot(), applied: [...outcome.applied], refused: [...outcome.refused] };
      },
    },
    secrets,
    windows: {
      openViewer: async (documentId) => {
        recorded.viewers.push(documentId);
      },
      focusWorkspace: () => undefined,
      displays: () => ({
        displays: [
          { key: '0,0,1920x1080', number: 1, width: 1920, height: 1080, primary: true, workspace: true, viewer: false },
          {
            key: '1920,0,2560x1440',
            number: 2,
            width: 2560,
            height: 1440,
            primary: false,
            workspace: false,
            viewer: true,
          },
        ],
        autoKey: '1920,0,2560x1440',
        managed: true,
      }),
    },
    updates: { state: () => update, check: async () => update, download: async () => update },
    outbox: { report: (senderId, report) => recorded.reports.push([senderId, report]) },
    log: (entry, senderId) => recorded.logs.push([entry, senderId]),
    journal: {
      append: async () => undefined,
      acknowledge: async () => undefined,
      read: async () => [],
      saveKeyWrap: async () => undefined,
      readKeyWrap: async () => null,
    },
    letters: { templates: async () => NO_MACHINE_LETTERS },
  };
  return { services, recorded };
}
