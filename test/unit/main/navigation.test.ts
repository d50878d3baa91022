/**
 * The navigation guard as index.ts attaches it to every webContents: navigation away from the app
 * is blocked in the main frame, in sub-frames and on redirects; new windows and webviews are
 * denied; and the windows' webPreferences follow the security checklist, DevTools only unpackaged.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/main/logger.ts';
import {
  createNavigationGuard,
  GUARDED_NAVIGATION_EVENTS,
  isAllowedNavigation,
  isPermissionGranted,
} from '../../../src/main/navigation.ts';
import { appWebPreferences } from '../../../src/main/window-options.ts';

function attempt(url: string) {
  const event = { url, prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
}

describe('navigation guard', () => {
  it('guards will-navigate, will-frame-navigate and will-redirect alike', () => {
    const lines: string[] = [];
    const guard = createNavigationGuard(createLogger('navigation', (l) => lines.push(l)));
    expect(GUARDED_NAVIGATION_EVENTS).toEqual(['will-navigate', 'will-frame-navigate', 'will-redirect']);
    for (const name of GUARDED_NAVIGATION_EVENTS) {
      const listener = guard.navigation(name);
      for (const url of [
        'https://example.invalid/',
        'file:///etc/passwd',
        'app://e-akte.evil/workspace.html',
        'javascript:alert(1)',
        'data:text/html,<p>x',
        'not a url',
      ]) {
        const event = attempt(url);
        listener(event);
        expect(event.prevented, `${name} ${url}`).toBe(true);
      }
      const own = attempt('app://e-akte/viewer.html?documentId=d1');
      listener(own);
      expect(own.prevented).toBe(false);
    }
    // The log says what was blocked, never where to (a URL could name a case).
    expect(lines.join('\n')).not.toContain('example.invalid');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      message: 'navigation blocked',
      event: 'will-navigate',
      scheme: 'https',
    });
  });

  it('denies new windows and webviews', () => {
    const guard = createNavigationGuard(createLogger('navigation', () => undefined));
    expect(guard.windowOpen()).toEqual({ action: 'deny' });
    const webview = attempt('');
    guard.attachWebview(webview);
    expect(webview.prevented).toBe(true);
  });
});

describe('window webPreferences', () => {
  it('isolate and sandbox the renderer and allow DevTools only in unpackaged builds', () => {
    const packaged = appWebPreferences({ preload: '/app/preload/index.cjs', packaged: true });
    expect(packaged).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(appWebPreferences({ preload: 'p', packaged: false }).devTools).toBe(true);
  });
});

describe('navigation and permissions', () => {
  it('stays on the app origin', () => {
    expect(isAllowedNavigation('app://e-akte/viewer.html')).toBe(true);
    expect(isAllowedNavigation('https://example.invalid/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://e-akte.evil/')).toBe(false);
  });
  it('grants no permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      expect(isPermissionGranted(p)).toBe(false);
  });
});
