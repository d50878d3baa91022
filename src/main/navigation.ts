/**
 * Navigation and permission rules for every webContents: the renderer stays on the app's own
 * pages in every frame (will-navigate, will-frame-navigate, will-redirect), opens no new windows,
 * attaches no webviews and gets no device permissions. index.ts attaches the guard to each
 * webContents as it is created.
 */
import { APP_ORIGIN } from '../shared/security/app-origin.ts';
import type { Logger } from './logger.ts';

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

/** What Electron's navigation events hand their listeners (details with the target URL). */
export type NavigationAttempt = { readonly url: string; preventDefault(): void };

export type NavigationEvent = 'will-navigate' | 'will-frame-navigate' | 'will-redirect';
export const GUARDED_NAVIGATION_EVENTS: readonly NavigationEvent[] = [
  'will-navigate',
  'will-frame-navigate',
  'will-redirect',
];

export function createNavigationGuard(logger: Logger) {
  return {
    /** The listener for every event in GUARDED_NAVIGATION_EVENTS. */
    navigation(event: NavigationEvent) {
      return (attempt: NavigationAttempt): void => {
        if (isAllowedNavigation(attempt.url)) return;
        attempt.preventDefault();
        let scheme = 'invalid';
        try {
          scheme = new URL(attempt.url).protocol.replace(':', '');
        } catch {
          // The scheme of something that is not a URL stays "invalid".
        }
        logger.warn('navigation blocked', { event, scheme });
      };
    },
    /** `setWindowOpenHandler`: no window.open, no target=_blank, no new windows at all. */
    windowOpen(): { action: 'deny' } {
      logger.warn('new window blocked');
      return { action: 'deny' };
    },
    /** 'will-attach-webview': the app has no webviews. */
    attachWebview(event: { preventDefault(): void }): void {
      event.preventDefault();
      logger.warn('webview blocked');
    },
  };
}
