/** React context that hands every component the DesktopApi. */
import { createContext, useContext, type ReactNode } from 'react';
import type { DesktopApi } from './desktop-api.ts';
import { createBrowserDesktopApi } from './browser-desktop-api.ts';

const DesktopApiContext = createContext<DesktopApi | null>(null);

/** The Electron bridge when the preload provided it, otherwise the browser implementation. */
export function detectDesktopApi(): DesktopApi {
  return window.eakteDesktop ?? createBrowserDesktopApi();
}

export function DesktopApiProvider({ api, children }: { api: DesktopApi; children: ReactNode }) {
  return <DesktopApiContext.Provider value={api}>{children}</DesktopApiContext.Provider>;
}

export function useDesktopApi(): DesktopApi {
  const api = useContext(DesktopApiContext);
  if (!api) throw new Error('DesktopApiProvider fehlt');
  return api;
}
