/**
 * DesktopApi: the renderer's only way to reach the desktop. In Electron it is the bridge the
 * preload exposes; in browser mode an in-page implementation with the same contract.
 */
import type { DesktopBridge } from '../../shared/ipc/bridge.ts';

export type DesktopApi = DesktopBridge;

declare global {
  interface Window {
    /** Set by the preload in Electron; absent in browser mode. */
    readonly eakteDesktop?: DesktopApi;
  }
}
