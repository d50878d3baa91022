/**
 * Navigation and permission rules for every webContents: the renderer stays on the app's own
 * pages, opens no new windows and gets no device permissions.
 */
import { APP_ORIGIN } from '../shared/security/app-origin.ts';

export function isAllowedNavigation(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

/** No permission (camera, notifications, geolocation, …) is ever granted to a renderer. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}
