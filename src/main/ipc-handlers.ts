/** The main-process side of every IPC channel, as plain functions over injected services. */
import type { IpcHandlers, IpcSenderEvent } from '../shared/ipc/register.ts';
import type { Policy } from '../shared/policy/policy.ts';
import type { Secrets } from './secrets.ts';

export type MainServices = {
  appInfo: { name: string; version: string; platform: string };
  policy: Policy;
  secrets: Secrets;
  windows: { openViewer(documentId?: string): Promise<void>; focusWorkspace(): void };
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
  };
}
