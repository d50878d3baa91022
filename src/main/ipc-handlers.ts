/** The main-process side of every IPC channel, as plain functions over injected services. */
import type { IpcHandlers, IpcSenderEvent } from '../shared/ipc/register.ts';
import type { Policy } from '../shared/policy/policy.ts';
import type { Journal } from './journal.ts';
import type { Secrets } from './secrets.ts';

export type MainServices = {
  appInfo: { name: string; version: string; platform: string };
  policy: Policy;
  secrets: Secrets;
  windows: { openViewer(documentId?: string): Promise<void>; focusWorkspace(): void };
  journal: Journal;
};

export function createIpcHandlers<E extends IpcSenderEvent>(services: MainServices): IpcHandlers<E> {
  return {
    'app:getInfo': () => ({ ...services.appInfo, shell: 'electron' }),
    'app:getPolicy': () => services.policy,
    'windows:openViewer': async ({ documentId }) => {
      await services.windows.openViewer(documentId);
    },
    'windows:focusWorkspace': () => {
      services.windows.focusWorkspace();
    },
    'secrets:isAvailable': () => services.secrets.isAvailable(),
    'secrets:protect': ({ plaintext }) => ({ sealed: services.secrets.protect(plaintext) }),
    'secrets:unprotect': ({ sealed }) => ({ plaintext: services.secrets.unprotect(sealed) }),
    'journal:append': ({ userId, entries }) => services.journal.append(userId, entries),
    'journal:acknowledge': ({ userId, ids }) => services.journal.acknowledge(userId, ids),
    'journal:read': async ({ userId }) => ({ entries: await services.journal.read(userId) }),
  };
}
