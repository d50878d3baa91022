/** The origin the renderer pages are served from in Electron. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'e-akte';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const WINDOW_PAGES = { workspace: 'workspace.html', viewer: 'viewer.html' } as const;
export type WindowKind = keyof typeof WINDOW_PAGES;
