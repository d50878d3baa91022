/**
 * The two windows: the workspace and the document viewer. Main only shows, places and focuses
 * them; what they display is shared through the data (IndexedDB) and a BroadcastChannel in the
 * renderers. Placement is decided in window-placement.ts and remembered per display layout in
 * window-state.ts; when displays come, go or move, every window ends up on one that exists.
 */
import { APP_ORIGIN, WINDOW_PAGES, type WindowKind } from '../shared/security/app-origin.ts';
import type { IpcEventName, IpcEventPayload } from '../shared/ipc/contract.ts';
import type { WindowLayout } from '../shared/settings/settings.ts';
import type { DisplayList, ViewerDisplay } from '../shared/windows/displays.ts';
import type { Logger } from './logger.ts';
import {
  chosenDisplay,
  describeDisplays,
  displayLayoutKey,
  displayOf,
  freshPlacement,
  isReachable,
  largestSecondary,
  restorable,
  type DisplayInfo,
  type Rectangle,
} from './window-placement.ts';
import type { SavedWindow } from './window-state.ts';

export type { DisplayInfo, Rectangle } from './window-placement.ts';

export type WindowPort = {
  readonly webContentsId: number;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  isDestroyed(): boolean;
  setBounds(bounds: Rectangle): void;
  /** The bounds when not maximised (Electron's getNormalBounds). */
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  maximize(): void;
  onClosed(listener: () => void): void;
  /** Moved or resized by the user (or the system). */
  onBoundsChanged(listener: () => void): void;
  send(channel: string, payload: unknown): void;
};

export type WindowFactory = (kind: WindowKind, options: { title: string; bounds: Rectangle }) => WindowPort;

export type DisplayPort = {
  getAllDisplays(): DisplayInfo[];
  getPrimaryDisplay(): DisplayInfo;
};

export type WindowStatePort = {
  get(key: string, kind: WindowKind): SavedWindow | null;
  set(key: string, kind: WindowKind, saved: SavedWindow): void;
};

export type WindowManagerOptions = {
  readonly create: WindowFactory;
  readonly displays: DisplayPort;
  readonly state: WindowStatePort;
  /** The user's window layout setting (separate windows, or docked side by side). */
  readonly layout: () => WindowLayout;
  /** The user's choice of the viewer's display ('auto' or a display key). */
  readonly viewerDisplay: () => ViewerDisplay;
  readonly logger: Logger;
};

const TITLES: Record<WindowKind, string> = { workspace: 'E-Akte Desktop', viewer: 'E-Akte Desktop – Dokument' };

export function pageUrl(kind: WindowKind, query?: Record<string, string>): string {
  const url = new URL(`${APP_ORIGIN}/${WINDOW_PAGES[kind]}`);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}

export class WindowManager {
  private readonly open = new Map<WindowKind, WindowPort>();
  private readonly options: WindowManagerOptions;
  private lastKey: string;
  /** While main itself moves windows, their bounds events are not the user's arrangement. */
  private placing = false;

  constructor(options: WindowManagerOptions) {
    this.options = options;
    this.lastKey = this.key();
  }

  /** True when the webContents belongs to a window this manager created and still has. */
  has(webContentsId: number): boolean {
    return this.openWindowIds().includes(webContentsId);
  }

  /** webContents ids of the open windows. */
  openWindowIds(): number[] {
    return [...this.open.values()].filter((w) => !w.isDestroyed()).map((w) => w.webContentsId);
  }

  /** The viewer opens at start when it has a display of its own or is docked beside the workspace. */
  viewerAtStart(): boolean {
    const { displays } = this.options;
    return (
      this.options.layout() === 'docked' ||
      largestSecondary(displays.getAllDisplays(), displays.getPrimaryDisplay()) !== null
    );
  }

  async openWorkspace(): Promise<void> {
    const existing = this.live('workspace');
    if (existing) {
      existing.show();
      existing.focus();
      return;
    }
    await this.openWindow('workspace', pageUrl('workspace'));
  }

  async openViewer(documentId?: string): Promise<void> {
    const existing = this.live('viewer');
    if (existing) {
      existing.show();
      existing.focus();
      return;
    }
    await this.openWindow('viewer', pageUrl('viewer', documentId ? { documentId } : {}));
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

  /**
   * Displays were added, removed or changed (screen 'display-added', 'display-removed',
   * 'display-metrics-changed'). A layout seen before gets its saved arrangement back; a new one
   * sends the viewer to where it belongs now; a window that is no longer reachable comes back.
   */
  displaysChanged(): void {
    const key = this.key();
    const layoutChanged = key !== this.lastKey;
    this.lastKey = key;
    for (const [kind, window] of this.liveWindows()) {
      const saved = layoutChanged ? this.saved(kind) : null;
      if (saved) {
        this.apply(window, saved);
        continue;
      }
      const reachable = isReachable(window.getNormalBounds(), this.options.displays.getAllDisplays());
      if (!reachable || (layoutChanged && kind === 'viewer')) {
        this.options.logger.info('window placed again', { kind, reason: reachable ? 'new-layout' : 'off-screen' });
        this.place(window, this.fresh(kind));
      }
    }
  }

  /** The displays as the settings screen shows them, with where each window is now. */
  displays(): DisplayList {
    const { displays } = this.options;
    const bounds = (kind: WindowKind) => this.live(kind)?.getNormalBounds();
    return {
      ...describeDisplays(displays.getAllDisplays(), displays.getPrimaryDisplay(), {
        workspace: bounds('workspace'),
        viewer: bounds('viewer'),
      }),
      managed: true,
    };
  }

  /**
   * The user chose another display for the viewer: the viewer moves there (or to where it was last
   * put for that choice); the workspace stays where it is.
   */
  viewerDisplayChanged(): void {
    this.lastKey = this.key();
    const viewer = this.live('viewer');
    if (!viewer) return;
    const saved = this.saved('viewer');
    if (saved) this.apply(viewer, saved);
    else this.place(viewer, this.fresh('viewer'));
    this.options.logger.info('viewer placed on the chosen display', { restored: saved !== null });
  }

  /** The user switched between separate and docked windows. */
  layoutChanged(): void {
    this.lastKey = this.key();
    for (const [kind, window] of this.liveWindows()) {
      const saved = this.saved(kind);
      if (saved) this.apply(window, saved);
      else this.place(window, this.fresh(kind));
    }
  }

  /**
   * The arrangement the saved bounds belong to. A chosen viewer display that is there now is part
   * of it; 'auto' (or a chosen display that is gone) keeps the key it always had.
   */
  private key(): string {
    const layout = this.options.layout();
    const all = this.options.displays.getAllDisplays();
    const base = `${layout}:${displayLayoutKey(all)}`;
    const choice = this.options.viewerDisplay();
    return layout === 'separate' && choice !== 'auto' && chosenDisplay(all, choice) ? `${base}:viewer=${choice}` : base;
  }

  private live(kind: WindowKind): WindowPort | undefined {
    const window = this.open.get(kind);
    return window && !window.isDestroyed() ? window : undefined;
  }

  private liveWindows(): [WindowKind, WindowPort][] {
    return [...this.open.entries()].filter(([, window]) => !window.isDestroyed());
  }

  private saved(kind: WindowKind): { bounds: Rectangle; maximized: boolean } | null {
    const saved = this.options.state.get(this.key(), kind);
    if (!saved) return null;
    const { displays } = this.options;
    const bounds = restorable(saved.bounds, displays.getAllDisplays(), displays.getPrimaryDisplay());
    return bounds ? { bounds, maximized: saved.maximized } : null;
  }

  private fresh(kind: WindowKind): Rectangle {
    const { displays, layout, viewerDisplay } = this.options;
    const all = displays.getAllDisplays();
    const primary = displays.getPrimaryDisplay();
    const workspace = kind === 'viewer' ? this.live('workspace') : undefined;
    const workspaceDisplay = workspace ? displayOf(workspace.getNormalBounds(), all, primary) : primary;
    return freshPlacement(all, primary, layout(), workspaceDisplay, viewerDisplay())[kind];
  }

  private place(window: WindowPort, bounds: Rectangle): void {
    this.placing = true;
    try {
      window.setBounds(bounds);
    } finally {
      this.placing = false;
    }
  }

  private apply(window: WindowPort, saved: { bounds: Rectangle; maximized: boolean }): void {
    this.place(window, saved.bounds);
    if (saved.maximized && !window.isMaximized()) window.maximize();
  }

  private remember(kind: WindowKind, window: WindowPort): void {
    if (this.placing || window.isDestroyed()) return;
    this.options.state.set(this.key(), kind, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  }

  private async openWindow(kind: WindowKind, url: string): Promise<void> {
    const saved = this.saved(kind);
    const bounds = saved?.bounds ?? this.fresh(kind);
    const window = this.options.create(kind, { title: TITLES[kind], bounds });
    this.open.set(kind, window);
    if (saved?.maximized) window.maximize();
    // Docked without a saved arrangement: the workspace makes room for the viewer.
    const workspace = this.live('workspace');
    if (kind === 'viewer' && !saved && this.options.layout() === 'docked' && workspace && !this.saved('workspace'))
      this.place(workspace, this.fresh('workspace'));
    window.onBoundsChanged(() => this.remember(kind, window));
    window.onClosed(() => {
      this.open.delete(kind);
      if (kind === 'viewer') this.broadcast('windows:viewerVisibility', { visible: false });
    });
    this.options.logger.info('window opened', { kind, restored: saved !== null });
    await window.loadURL(url);
    window.show();
  }
}
