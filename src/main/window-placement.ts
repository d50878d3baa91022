/**
 * Where the two windows go, as pure functions over the displays: the workspace on the primary
 * display, the viewer on the display the user chose for it while that display is there, else on
 * the largest other display (the second monitor case workers read scans on), or beside the
 * workspace when there is only one; in the docked layout the two split the workspace display's
 * work area. Saved bounds are only used while a good part of their title bar is on some display's
 * work area, so a window never comes back off-screen.
 */
import type { WindowLayout } from '../shared/settings/settings.ts';
import { displayKey, type DisplayList, type ViewerDisplay } from '../shared/windows/displays.ts';

export type Rectangle = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
export type DisplayInfo = { readonly id: number; readonly bounds: Rectangle; readonly workArea: Rectangle };

/** The height of the strip at a window's top that is its title bar (frame or drawn by the app). */
export const TITLE_BAR_HEIGHT = 32;
/** How much of the title bar must be on a work area: enough to grab and drag the window. */
export const MIN_VISIBLE_TITLE_WIDTH = 160;
export const MIN_VISIBLE_TITLE_HEIGHT = 16;
export const MIN_WINDOW = { width: 640, height: 480 } as const;

/**
 * A key for a set of displays: their bounds, in order, without ids (which Windows renumbers
 * between sessions). The same desk with the same monitors gives the same key.
 */
export function displayLayoutKey(displays: readonly DisplayInfo[]): string {
  return displays
    .map(({ bounds }) => displayKey(bounds))
    .sort()
    .join('|');
}

/** The display the user chose for the viewer, or null for 'auto' and for one that is not there now. */
export function chosenDisplay(displays: readonly DisplayInfo[], choice: ViewerDisplay): DisplayInfo | null {
  if (choice === 'auto') return null;
  return displays.find((display) => displayKey(display.bounds) === choice) ?? null;
}

function area(r: Rectangle): number {
  return Math.max(0, r.width) * Math.max(0, r.height);
}

export function intersection(a: Rectangle, b: Rectangle): Rectangle {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/** The largest display other than the primary (by work area; ties: the leftmost, then the topmost). */
export function largestSecondary(displays: readonly DisplayInfo[], primary: DisplayInfo): DisplayInfo | null {
  const others = displays.filter((d) => d.id !== primary.id);
  others.sort(
    (a, b) => area(b.workArea) - area(a.workArea) || a.workArea.x - b.workArea.x || a.workArea.y - b.workArea.y,
  );
  return others[0] ?? null;
}

/** The display a rectangle lies on most; the primary when it lies on none. */
export function displayOf(bounds: Rectangle, displays: readonly DisplayInfo[], primary: DisplayInfo): DisplayInfo {
  let best = primary;
  let bestArea = 0;
  for (const display of displays) {
    const overlap = area(intersection(bounds, display.workArea));
    if (overlap > bestArea) {
      best = display;
      bestArea = overlap;
    }
  }
  return best;
}

/** A window inside a work area, centred, with a margin. */
export function centredIn(workArea: Rectangle, fraction = 0.9): Rectangle {
  const width = Math.round(workArea.width * fraction);
  const height = Math.round(workArea.height * fraction);
  return {
    x: workArea.x + Math.round((workArea.width - width) / 2),
    y: workArea.y + Math.round((workArea.height - height) / 2),
    width,
    height,
  };
}

/** The left and right part of a work area (the docked layout: workspace left, viewer right). */
export function split(workArea: Rectangle, leftFraction = 0.5): { left: Rectangle; right: Rectangle } {
  const leftWidth = Math.round(workArea.width * leftFraction);
  return {
    left: { x: workArea.x, y: workArea.y, width: leftWidth, height: workArea.height },
    right: { x: workArea.x + leftWidth, y: workArea.y, width: workArea.width - leftWidth, height: workArea.height },
  };
}

/** True when enough of the window's title bar is on some display's work area to grab it. */
export function isReachable(bounds: Rectangle, displays: readonly DisplayInfo[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: TITLE_BAR_HEIGHT };
  const needed = Math.min(MIN_VISIBLE_TITLE_WIDTH, bounds.width);
  return displays.some((display) => {
    const visible = intersection(titleBar, display.workArea);
    return visible.width >= needed && visible.height >= MIN_VISIBLE_TITLE_HEIGHT;
  });
}

/** Saved bounds as they may be used now: shrunk to fit their display, or null when not reachable. */
export function restorable(saved: Rectangle, displays: readonly DisplayInfo[], primary: DisplayInfo): Rectangle | null {
  if (!isReachable(saved, displays)) return null;
  const { workArea } = displayOf(saved, displays, primary);
  const width = Math.min(Math.max(saved.width, MIN_WINDOW.width), workArea.width);
  const height = Math.min(Math.max(saved.height, MIN_WINDOW.height), workArea.height);
  // Keep the position, but pull the window back inside its work area where it hangs over.
  const x = Math.min(Math.max(saved.x, workArea.x), workArea.x + workArea.width - width);
  const y = Math.min(Math.max(saved.y, workArea.y), workArea.y + workArea.height - height);
  return { x, y, width, height };
}

export type Placement = { readonly workspace: Rectangle; readonly viewer: Rectangle };

/**
 * The display the viewer goes to in the separate layout: the chosen one while it is there, else
 * the largest one other than the workspace's, else the workspace's own.
 */
export function viewerTarget(
  displays: readonly DisplayInfo[],
  workspaceDisplay: DisplayInfo,
  choice: ViewerDisplay,
): DisplayInfo {
  return chosenDisplay(displays, choice) ?? largestSecondary(displays, workspaceDisplay) ?? workspaceDisplay;
}

/**
 * Fresh bounds for both windows. `workspaceDisplay` is where the workspace is (or goes): the
 * primary at start; when only the viewer is placed anew, the display the workspace is on.
 */
export function freshPlacement(
  displays: readonly DisplayInfo[],
  primary: DisplayInfo,
  layout: WindowLayout,
  workspaceDisplay: DisplayInfo = primary,
  viewerDisplay: ViewerDisplay = 'auto',
): Placement {
  if (layout === 'docked') {
    const { left, right } = split(workspaceDisplay.workArea);
    return { workspace: left, viewer: right };
  }
  const target = viewerTarget(displays, workspaceDisplay, viewerDisplay);
  const workspace = centredIn(workspaceDisplay.workArea);
  if (target.id !== workspaceDisplay.id) return { workspace, viewer: centredIn(target.workArea) };
  // One display, or the user chose the workspace's: the viewer beside it, on the right half.
  return { workspace, viewer: split(workspaceDisplay.workArea, 0.5).right };
}

/**
 * The displays for the settings screen: numbered from left to right (then top to bottom), which
 * window is on which now, and where 'auto' would put the viewer.
 */
export function describeDisplays(
  displays: readonly DisplayInfo[],
  primary: DisplayInfo,
  windows: { readonly workspace?: Rectangle | undefined; readonly viewer?: Rectangle | undefined },
): Omit<DisplayList, 'managed'> {
  const all = displays.length ? displays : [primary];
  const ordered = [...all].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y);
  const workspaceDisplay = windows.workspace ? displayOf(windows.workspace, all, primary) : primary;
  const viewerDisplay = windows.viewer ? displayOf(windows.viewer, all, primary) : null;
  return {
    displays: ordered.map((display, index) => ({
      key: displayKey(display.bounds),
      number: index + 1,
      width: Math.max(1, Math.round(display.bounds.width)),
      height: Math.max(1, Math.round(display.bounds.height)),
      primary: display.id === primary.id,
      workspace: display.id === workspaceDisplay.id,
      viewer: viewerDisplay?.id === display.id,
    })),
    autoKey: displayKey(viewerTarget(all, workspaceDisplay, 'auto').bounds),
  };
}
