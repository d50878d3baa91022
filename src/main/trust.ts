/**
 * Decides whether an IPC call comes from one of the app's own windows: the sending webContents
 * must be one this app created, and the frame must show the app's own origin (not a page it was
 * somehow navigated to).
 */
import { APP_ORIGIN } from '../shared/security/app-origin.ts';
import type { IpcSenderEvent } from '../shared/ipc/register.ts';

export type TrustedSenders = { has(webContentsId: number): boolean };

export function isTrustedSender(event: IpcSenderEvent, windows: TrustedSenders, allowedOrigin = APP_ORIGIN): boolean {
  if (!windows.has(event.sender.id)) return false;
  const url = event.senderFrame?.url;
  if (!url) return false;
  try {
    return new URL(url).origin === allowedOrigin || url.startsWith(`${allowedOrigin}/`);
  } catch {
    return false;
  }
}
