/**
 * Preload: exposes the IPC contract's methods, and nothing else, as `window.eakteDesktop`.
 * No logic here; the bridge is built from the contract in src/shared.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopBridge } from '../shared/ipc/bridge.ts';

const bridge = createDesktopBridge({
  invoke: (channel, arg) => ipcRenderer.invoke(channel, arg),
  subscribe: (event, listener) => {
    const handler = (_event: unknown, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, handler);
    return () => {
      ipcRenderer.removeListener(event, handler);
    };
  },
});

contextBridge.exposeInMainWorld('eakteDesktop', bridge);
