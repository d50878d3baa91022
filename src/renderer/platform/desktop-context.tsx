/** React context that hands every component the DesktopApi. */
import { createContext, useContext, type ReactNode } from 'react';
import type { DesktopApi } from './desktop-api.ts';
import { createBrowserDesktopApi } from './browser-desktop-api.ts';
import { answerFlushRequests } from './outbox-guard.ts';

const DesktopApiContext = createContext<DesktopApi | null>(null);

/**
 * The Electron bridge when the preload provided it, otherwise the browser implementation. Each
 * window also answers main's question before an update installs (outbox-guard.ts).
 */
export function detectDesktopApi(): DesktopApi {
  const api = window.eakteDesktop ?? createBrowserDesktopApi();
  answerFlushRequests(api);
  return api;
}

export function DesktopApiProvider({ api, children }: { api: DesktopApi; children: ReactNode }) {
  return <DesktopApiContext.Provider value={api}>{children}</DesktopApiContext.Provider>;
}

/** The DesktopApi where a provider is above, else null (parts rendered on their own, in tests). */
export function useOptionalDesktopApi(): DesktopApi | null {
  return useContext(DesktopApiContext);
}

export function useDesktopApi(): DesktopApi {
  const api = useContext(DesktopApiContext);
  if (!api) throw new Error('DesktopApiProvider fehlt');
  return api;
}
