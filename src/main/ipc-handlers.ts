/** The main-process side of every IPC channel, as plain functions over injected services. */
import type { IpcHandlers, IpcSenderEvent } from '../shared/ipc/register.ts';
import type { MachineLetters } from '../shared/letters/machine-letters.ts';
import type { LogEntry } from '../shared/logging/log-entry.ts';
import type { Policy } from '../shared/policy/policy.ts';
import type { Journal } from './journal.ts';
import type { SettingsChanges, SettingsSetResult, SettingsSnapshot } from '../shared/settings/settings.ts';
import type { OutboxReport, UpdateState } from '../shared/updates/update-state.ts';
import type { DisplayList } from '../shared/windows/displays.ts';
import type { Secrets } from './secrets.ts';

export type MainServices = {
  appInfo: { name: string; version: string; platform: string };
  settings: {
    snapshot(): SettingsSnapshot;
    policy(): Policy;
    update(changes: SettingsChanges): Promise<SettingsSetResult>;
  };
  secrets: Secrets;
  windows: { openViewer(documentId?: string): Promise<void>; focusWorkspace(): void; displays(): DisplayList };
  journal: Journal;
  /** The job centre's letter files from the machine folder, read afresh on every call. */
  letters: { templates(): Promise<MachineLetters> };
  updates: { state(): UpdateState; check(): Promise<UpdateState>; download(): Promise<UpdateState> };
  outbox: { report(senderId: number, report: OutboxReport): void };
  log(entry: LogEntry, senderId: number): void;
};

export function createIpcHandlers<E extends IpcSenderEvent>(services: MainServices): IpcHandlers<E> {
  return {
    'app:getInfo': () => ({ ...services.appInfo, shell: 'electron' }),
    'app:getPolicy': () => services.settings.policy(),
    'settings:get': () => services.settings.snapshot(),
    'settings:set': (changes) => services.settings.update(changes),
    'windows:openViewer': async ({ documentId }) => {
      await services.windows.openViewer(documentId);
    },
    'windows:focusWorkspace': () => {
      services.windows.focusWorkspace();
    },
    'windows:displays': () => services.windows.displays(),
    'secrets:isAvailable': () => services.secrets.isAvailable(),
    'secrets:protect': ({ plaintext }) => ({ sealed: services.secrets.protect(plaintext) }),
    'secrets:unprotect': ({ sealed }) => ({ plaintext: services.secrets.unprotect(sealed) }),
    'journal:append': ({ userId, entries }) => services.journal.append(userId, entries),
    'journal:acknowledge': ({ userId, ids }) => services.journal.acknowledge(userId, ids),
    'journal:read': async ({ userId }) => ({ entries: await services.journal.read(userId) }),
    'journal:saveKeyWrap': ({ userId, wrap }) => services.journal.saveKeyWrap(userId, wrap),
    'journal:readKeyWrap': async ({ userId }) => ({ wrap: await services.journal.readKeyWrap(userId) }),
    'letters:templates': () => services.letters.templates(),
    'updates:getState': () => services.updates.state(),
    'updates:check': () => services.updates.check(),
    'updates:download': () => services.updates.download(),
    'outbox:report': (report, event) => {
      services.outbox.report(event.sender.id, report);
    },
    'log:write': (entry, event) => {
      services.log(entry, event.sender.id);
    },
  };
}
