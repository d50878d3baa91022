/**
 * The two windows: the workspace on the primary display and the document viewer on the second
 * monitor when there is one. Main only shows, places and focuses them; what they display is
 * shared through the data (IndexedDB) and a BroadcastChannel in the renderers.
 */
import { APP_ORIGIN, WINDOW_PAGES, type WindowKind } from '../shared/security/app-origin.ts';
import type { IpcEventName, IpcEventPayload } from '../shared/ipc/contract.ts';
import type { Logger } from './logger.ts';

export type Rectangle = { x: number; y: number; width: number; height: number };
export type DisplayInfo = { id: number; workArea: Rectangle };

export type WindowPort = {
  readonly webContentsId: number;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  isDestroyed(): boolean;
  setBounds(bounds: Rectangle): void;
  onClosed(listener: () => void): void;
  send(channel: string, payload: unknown): void;
};

export type WindowFactory = (kind: WindowKind, options: { title: string; bounds: Rectangle }) => WindowPort;

export type DisplayPort = {
  getAllDisplays(): DisplayInfo[];
  getPrimaryDisplay(): DisplayInfo;
};

const TITLES: Record<WindowKind, string> = { workspace: 'E-Akte Desktop', viewer: 'E-Akte Desktop – Dokument' };

/** Places a window inside a display's work area, leaving a margin. */
export function placeOn(display: DisplayInfo, fraction = 0.9): Rectangle {
  const { x, y, width, height } = display.workArea;
  const w = Math.round(width * fraction);
  const h = Math.round(height * fraction);
  return { x: x + Math.round((width - w) / 2), y: y + Math.round((height - h) / 2), width: w, height: h };
}

/** The display for the viewer: the first one that is not the primary, else the primary. */
export function viewerDisplay(displays: DisplayPort): DisplayInfo {
  const primary = displays.getPrimaryDisplay();
  return displays.getAllDisplays().find((d) => d.id !== primary.id) ?? primary;
}

export function pageUrl(kind: WindowKind, query?: Record<string, string>): string {
  const url = new URL(`${APP_ORIGIN}/${WINDOW_PAGES[kind]}`);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}

export class WindowManager {
  private readonly open = new Map<WindowKind, WindowPort>();
  private readonly create: WindowFactory;
  private readonly displays: DisplayPort;
  private readonly logger: Logger;

  constructor(create: WindowFactory, displays: DisplayPort, logger: Logger) {
    this.create = create;
    this.displays = displays;
    this.logger = logger;
  }

  /** True when the webContents belongs to a window this manager created and still has. */
  has(webContentsId: number): boolean {
    for (const window of this.open.values())
      if (!window.isDestroyed() && window.webContentsId === webContentsId) return true;
    return false;
  }

  async openWorkspace(): Promise<void> {
    const existing = this.live('workspace');
    if (existing) {
      existing.show();
      existing.focus();
      return;
    }
    await this.openWindow('workspace', this.displays.getPrimaryDisplay(), pageUrl('workspace'));
  }

  async openViewer(documentId?: string): Promise<void> {
    const existing = this.live('viewer');
    if (existing) {
      existing.show();
      existing.focus();
      return;
    }
    await this.openWindow('viewer', viewerDisplay(this.displays), pageUrl('viewer', documentId ? { documentId } : {}));
    this.broadcast('windows:viewerVisibility', { visible: true });
  }

  focusWorkspace(): void {
    const workspace = this.live('workspace');
    workspace?.show();
    workspace?.focus();
  }

  broadcast<E extends IpcEventName>(event: E, payload: IpcEventPayload<E>): void {
    for (const window of this.open.values()) if (!window.isDestroyed()) window.send(event, payload);
  }

  private live(kind: WindowKind): WindowPort | undefined {
    const window = this.open.get(kind);
    return window && !window.isDestroyed() ? window : undefined;
  }

  private async openWindow(kind: WindowKind, display: DisplayInfo, url: string): Promise<void> {
    const window = this.create(kind, { title: TITLES[kind], bounds: placeOn(display) });
    this.open.set(kind, window);
    window.onClosed(() => {
      this.open.delete(kind);
      if (kind === 'viewer') this.broadcast('windows:viewerVisibility', { visible: false });
    });
    this.logger.info('window opened', { kind, display: display.id });
    await window.loadURL(url);
    window.show();
  }
}
