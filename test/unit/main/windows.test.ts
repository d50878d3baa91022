/**
 * Windows over display layouts: one display, two, three (the largest secondary gets the viewer),
 * a display removed, displays rearranged, saved bounds that would be off-screen, the docked
 * single-monitor layout, the viewer on a display the user chose (and back to auto while that
 * display is gone), and bounds remembered per layout in a real JSON file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/main/logger.ts';
import { nodeFs } from '../../../src/main/node-fs.ts';
import {
  centredIn,
  describeDisplays,
  displayLayoutKey,
  freshPlacement,
  isReachable,
  restorable,
  split,
  type DisplayInfo,
  type Rectangle,
} from '../../../src/main/window-placement.ts';
import { WindowStateStore, type SavedWindow } from '../../../src/main/window-state.ts';
import { WindowManager, type WindowPort, type WindowStatePort } from '../../../src/main/windows.ts';
import type { WindowLayout } from '../../../src/shared/settings/settings.ts';
import { displayKey, type ViewerDisplay } from '../../../src/shared/windows/displays.ts';
import { fakeTimers } from '../../support/fake-timers.ts';

const quiet = createLogger('windows', () => undefined);
const dir = mkdtempSync(path.join(tmpdir(), 'eakte-windows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function display(id: number, x: number, y: number, width: number, height: number, taskbar = 40): DisplayInfo {
  return { id, bounds: { x, y, width, height }, workArea: { x, y, width, height: height - taskbar } };
}

const laptop = display(1, 0, 0, 1920, 1080);
const monitorRight = display(2, 1920, 0, 2560, 1440);
const smallRight = display(2, 1920, 0, 1280, 1024);
const bigFarRight = display(3, 3200, 0, 3840, 2160);

type FakeWindow = WindowPort & {
  kind: string;
  bounds: Rectangle;
  maximized: boolean;
  url?: string;
  sent: [string, unknown][];
  userMoves(bounds: Rectangle): void;
  close(): void;
  destroyed: boolean;
};

class MemoryState implements WindowStatePort {
  readonly saved = new Map<string, SavedWindow>();
  get(key: string, kind: string): SavedWindow | null {
    return this.saved.get(`${key}#${kind}`) ?? null;
  }
  set(key: string, kind: string, saved: SavedWindow): void {
    this.saved.set(`${key}#${kind}`, saved);
  }
}

function setup(
  initial: DisplayInfo[],
  options: { layout?: WindowLayout; state?: WindowStatePort; viewerDisplay?: ViewerDisplay } = {},
) {
  let displays = initial;
  let layout: WindowLayout = options.layout ?? 'separate';
  let viewerDisplay: ViewerDisplay = options.viewerDisplay ?? 'auto';
  const state = options.state ?? new MemoryState();
  const created: FakeWindow[] = [];
  let nextId = 1;
  const manager = new WindowManager({
    create: (kind, { bounds }) => {
      const closed: (() => void)[] = [];
      const changed: (() => void)[] = [];
      const window: FakeWindow = {
        kind,
        bounds,
        maximized: false,
        sent: [],
        destroyed: false,
        webContentsId: nextId++,
        loadURL: async (url) => {
          window.url = url;
        },
        show: () => undefined,
        focus: () => undefined,
        isDestroyed: () => window.destroyed,
        setBounds: (b) => {
          window.bounds = b;
          changed.forEach((l) => l());
        },
        getNormalBounds: () => window.bounds,
        isMaximized: () => window.maximized,
        maximize: () => {
          window.maximized = true;
        },
        onClosed: (l) => closed.push(l),
        onBoundsChanged: (l) => changed.push(l),
        send: (channel, payload) => window.sent.push([channel, payload]),
        userMoves: (b) => {
          window.bounds = b;
          changed.forEach((l) => l());
        },
        close: () => {
          window.destroyed = true;
          closed.forEach((l) => l());
        },
      };
      created.push(window);
      return window;
    },
    displays: { getAllDisplays: () => displays, getPrimaryDisplay: () => displays[0]! },
    state,
    layout: () => layout,
    viewerDisplay: () => viewerDisplay,
    logger: quiet,
  });
  const byKind = (kind: string) => created.filter((w) => w.kind === kind && !w.destroyed).at(-1)!;
  return {
    manager,
    created,
    state,
    workspace: () => byKind('workspace'),
    viewer: () => byKind('viewer'),
    setDisplays: (next: DisplayInfo[]) => {
      displays = next;
      manager.displaysChanged();
    },
    setLayout: (next: WindowLayout) => {
      layout = next;
      manager.layoutChanged();
    },
    chooseViewerDisplay: (next: ViewerDisplay) => {
      viewerDisplay = next;
      manager.viewerDisplayChanged();
    },
  };
}

const within = (inner: Rectangle, outer: Rectangle): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

describe('placing the windows', () => {
  it('one display: the workspace centred, the viewer beside it on the right half', async () => {
    const { manager, workspace, viewer } = setup([laptop]);
    expect(manager.viewerAtStart()).toBe(false);
    await manager.openWorkspace();
    await manager.openViewer('doc-7');
    expect(workspace().url).toBe('app://e-akte/workspace.html');
    expect(viewer().url).toBe('app://e-akte/viewer.html?documentId=doc-7');
    expect(workspace().bounds).toEqual(centredIn(laptop.workArea));
    expect(viewer().bounds).toEqual(split(laptop.workArea).right);
  });

  it('two displays: the viewer on the second monitor', async () => {
    const { manager, workspace, viewer } = setup([laptop, monitorRight]);
    expect(manager.viewerAtStart()).toBe(true);
    await manager.openWorkspace();
    await manager.openViewer();
    expect(within(workspace().bounds, laptop.workArea)).toBe(true);
    expect(viewer().bounds).toEqual(centredIn(monitorRight.workArea));
  });

  it('three displays: the viewer on the largest secondary, not the first one listed', async () => {
    const { manager, viewer } = setup([laptop, smallRight, bigFarRight]);
    await manager.openWorkspace();
    await manager.openViewer();
    expect(viewer().bounds).toEqual(centredIn(bigFarRight.workArea));
  });

  it('a display removed: its window comes back to one that exists', async () => {
    const { manager, viewer, workspace, setDisplays } = setup([laptop, monitorRight]);
    await manager.openWorkspace();
    await manager.openViewer();
    const before = workspace().bounds;
    setDisplays([laptop]);
    expect(within(viewer().bounds, laptop.workArea)).toBe(true);
    expect(viewer().bounds).toEqual(split(laptop.workArea).right);
    expect(workspace().bounds).toEqual(before);
  });

  it('displays rearranged: the viewer follows the second monitor to its new place', async () => {
    const { manager, viewer, setDisplays } = setup([laptop, monitorRight]);
    await manager.openWorkspace();
    await manager.openViewer();
    const monitorLeft = display(2, -2560, -360, 2560, 1440);
    setDisplays([laptop, monitorLeft]);
    expect(viewer().bounds).toEqual(centredIn(monitorLeft.workArea));
  });

  it('a display added later takes the viewer; only a taskbar change leaves the windows alone', async () => {
    const { manager, viewer, workspace, setDisplays } = setup([laptop]);
    await manager.openWorkspace();
    await manager.openViewer();
    setDisplays([laptop, monitorRight]);
    expect(viewer().bounds).toEqual(centredIn(monitorRight.workArea));
    viewer().userMoves({ x: 2000, y: 50, width: 1500, height: 1200 });
    const workspaceBefore = workspace().bounds;
    setDisplays([{ ...laptop, workArea: { x: 0, y: 0, width: 1920, height: 1000 } }, monitorRight]);
    expect(viewer().bounds).toEqual({ x: 2000, y: 50, width: 1500, height: 1200 });
    expect(workspace().bounds).toEqual(workspaceBefore);
  });

  it('remembers bounds per display layout and brings them back when that layout returns', async () => {
    const { manager, viewer, setDisplays } = setup([laptop, monitorRight]);
    await manager.openWorkspace();
    await manager.openViewer();
    const arranged = { x: 2100, y: 100, width: 1800, height: 1200 };
    viewer().userMoves(arranged);
    setDisplays([laptop]);
    expect(within(viewer().bounds, laptop.workArea)).toBe(true);
    setDisplays([laptop, monitorRight]);
    expect(viewer().bounds).toEqual(arranged);
  });

  it('never restores saved bounds that would be off-screen; a reachable window is pulled inside', async () => {
    const state = new MemoryState();
    const key = `separate:${displayLayoutKey([laptop, monitorRight])}`;
    // Saved while a third monitor was there: now far off-screen.
    state.set(key, 'viewer', { bounds: { x: 6000, y: 200, width: 1600, height: 1000 }, maximized: false });
    // Title bar above the top of every display: the body shows, but it cannot be grabbed.
    state.set(key, 'workspace', { bounds: { x: 100, y: -400, width: 1200, height: 900 }, maximized: false });
    const { manager, viewer, workspace } = setup([laptop, monitorRight], { state });
    await manager.openWorkspace();
    await manager.openViewer();
    expect(workspace().bounds).toEqual(centredIn(laptop.workArea));
    expect(viewer().bounds).toEqual(centredIn(monitorRight.workArea));

    // Hanging over the right edge with enough title bar showing: kept, pulled back inside.
    const partly = restorable({ x: 1700, y: 100, width: 1000, height: 700 }, [laptop], laptop);
    expect(partly).toEqual({ x: 920, y: 100, width: 1000, height: 700 });
    expect(isReachable({ x: 1850, y: 100, width: 1000, height: 700 }, [laptop])).toBe(false);
    expect(isReachable({ x: 1700, y: 100, width: 1000, height: 700 }, [laptop])).toBe(true);
  });

  it('restores a maximised window maximised', async () => {
    const state = new MemoryState();
    state.set(`separate:${displayLayoutKey([laptop])}`, 'workspace', {
      bounds: { x: 100, y: 100, width: 1200, height: 800 },
      maximized: true,
    });
    const { manager, workspace } = setup([laptop], { state });
    await manager.openWorkspace();
    expect(workspace().bounds).toEqual({ x: 100, y: 100, width: 1200, height: 800 });
    expect(workspace().maximized).toBe(true);
  });
});

describe('docked single-monitor layout', () => {
  it('splits the work area between workspace and viewer, also with a second monitor present', async () => {
    const { manager, workspace, viewer } = setup([laptop, monitorRight], { layout: 'docked' });
    expect(manager.viewerAtStart()).toBe(true);
    await manager.openWorkspace();
    await manager.openViewer();
    const { left, right } = split(laptop.workArea);
    expect(workspace().bounds).toEqual(left);
    expect(viewer().bounds).toEqual(right);
  });

  it('switches between separate and docked while open, and remembers each arrangement', async () => {
    const { manager, workspace, viewer, setLayout } = setup([laptop, monitorRight]);
    await manager.openWorkspace();
    await manager.openViewer();
    const separate = { workspace: workspace().bounds, viewer: viewer().bounds };
    setLayout('docked');
    expect(workspace().bounds).toEqual(split(laptop.workArea).left);
    expect(viewer().bounds).toEqual(split(laptop.workArea).right);
    setLayout('separate');
    expect(viewer().bounds).toEqual(separate.viewer);
  });
});

describe('the viewer on a display the user chose', () => {
  const key = (d: DisplayInfo) => displayKey(d.bounds);

  it('goes to the chosen display, also a smaller one than auto would take', async () => {
    const { manager, workspace, viewer } = setup([laptop, smallRight, bigFarRight], {
      viewerDisplay: key(smallRight),
    });
    await manager.openWorkspace();
    await manager.openViewer();
    expect(workspace().bounds).toEqual(centredIn(laptop.workArea));
    expect(viewer().bounds).toEqual(centredIn(smallRight.workArea));
  });

  it('chosen the workspace’s own display: the viewer beside the workspace there', () => {
    const placement = freshPlacement([laptop, monitorRight], laptop, 'separate', laptop, key(laptop));
    expect(placement.viewer).toEqual(split(laptop.workArea).right);
    // The docked layout splits the workspace's display whatever was chosen.
    const docked = freshPlacement([laptop, monitorRight], laptop, 'docked', laptop, key(monitorRight));
    expect(docked.viewer).toEqual(split(laptop.workArea).right);
  });

  it('falls back to auto while the chosen display is gone, and returns to it when it is back', async () => {
    const { manager, viewer, setDisplays } = setup([laptop, smallRight, bigFarRight], {
      viewerDisplay: key(smallRight),
    });
    await manager.openWorkspace();
    await manager.openViewer();
    setDisplays([laptop, bigFarRight]);
    expect(viewer().bounds).toEqual(centredIn(bigFarRight.workArea));
    setDisplays([laptop]);
    expect(viewer().bounds).toEqual(split(laptop.workArea).right);
    setDisplays([laptop, smallRight, bigFarRight]);
    expect(viewer().bounds).toEqual(centredIn(smallRight.workArea));
  });

  it('a display chosen that was never there changes nothing: auto applies', async () => {
    const { manager, viewer } = setup([laptop, monitorRight], { viewerDisplay: '5000,0,1024x768' });
    expect(manager.viewerAtStart()).toBe(true);
    await manager.openWorkspace();
    await manager.openViewer();
    expect(viewer().bounds).toEqual(centredIn(monitorRight.workArea));
  });

  it('a new choice moves the open viewer at once and leaves the workspace where the user put it', async () => {
    const { manager, workspace, viewer, chooseViewerDisplay } = setup([laptop, smallRight, bigFarRight]);
    await manager.openWorkspace();
    await manager.openViewer();
    expect(viewer().bounds).toEqual(centredIn(bigFarRight.workArea));
    workspace().userMoves({ x: 50, y: 60, width: 1500, height: 900 });
    chooseViewerDisplay(key(smallRight));
    expect(viewer().bounds).toEqual(centredIn(smallRight.workArea));
    expect(workspace().bounds).toEqual({ x: 50, y: 60, width: 1500, height: 900 });
    // Arranged by the user on the chosen display, kept for that choice; auto has its own.
    viewer().userMoves({ x: 1950, y: 30, width: 1200, height: 900 });
    chooseViewerDisplay('auto');
    expect(viewer().bounds).toEqual(centredIn(bigFarRight.workArea));
    chooseViewerDisplay(key(smallRight));
    expect(viewer().bounds).toEqual({ x: 1950, y: 30, width: 1200, height: 900 });
  });

  it('keeps the saved arrangements of auto where they were before choices existed', async () => {
    const state = new MemoryState();
    const arranged = { x: 2100, y: 100, width: 1800, height: 1200 };
    state.set(`separate:${displayLayoutKey([laptop, monitorRight])}`, 'viewer', { bounds: arranged, maximized: false });
    const { manager, viewer } = setup([laptop, monitorRight], { state });
    await manager.openWorkspace();
    await manager.openViewer();
    expect(viewer().bounds).toEqual(arranged);
  });

  it('lists the displays left to right with where each window is and where auto would go', async () => {
    const monitorLeft = display(2, -1280, 0, 1280, 1024);
    const { manager, viewer } = setup([laptop, monitorLeft, bigFarRight]);
    await manager.openWorkspace();
    await manager.openViewer();
    expect(viewer().bounds).toEqual(centredIn(bigFarRight.workArea));
    expect(manager.displays()).toEqual({
      displays: [
        {
          key: '-1280,0,1280x1024',
          number: 1,
          width: 1280,
          height: 1024,
          primary: false,
          workspace: false,
          viewer: false,
        },
        { key: '0,0,1920x1080', number: 2, width: 1920, height: 1080, primary: true, workspace: true, viewer: false },
        {
          key: '3200,0,3840x2160',
          number: 3,
          width: 3840,
          height: 2160,
          primary: false,
          workspace: false,
          viewer: true,
        },
      ],
      autoKey: '3200,0,3840x2160',
      managed: true,
    });
    // One display and no window open yet: the workspace's place is the primary, auto is beside it.
    expect(describeDisplays([laptop], laptop, {})).toEqual({
      displays: [
        { key: '0,0,1920x1080', number: 1, width: 1920, height: 1080, primary: true, workspace: true, viewer: false },
      ],
      autoKey: '0,0,1920x1080',
    });
  });
});

describe('window state file', () => {
  it('keeps bounds per layout in window-state.json across a restart, and ignores a broken file', async () => {
    const file = path.join(dir, 'window-state.json');
    const { timers, advance } = fakeTimers();
    const store = new WindowStateStore({ fs: nodeFs, file, logger: quiet, timers });
    await store.load();
    const first = setup([laptop, monitorRight], { state: store });
    await first.manager.openWorkspace();
    await first.manager.openViewer();
    first.viewer().userMoves({ x: 2200, y: 120, width: 1700, height: 1100 });
    advance(500);
    await store.flush();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { layouts: { key: string }[] };
    expect(saved.layouts[0]!.key).toBe(`separate:${displayLayoutKey([laptop, monitorRight])}`);

    const again = new WindowStateStore({ fs: nodeFs, file, logger: quiet });
    await again.load();
    const second = setup([laptop, monitorRight], { state: again });
    await second.manager.openWorkspace();
    await second.manager.openViewer();
    expect(second.viewer().bounds).toEqual({ x: 2200, y: 120, width: 1700, height: 1100 });

    // At quit the pending bounds are written at once, without waiting for the timer.
    second.viewer().userMoves({ x: 2300, y: 140, width: 1600, height: 1000 });
    again.flushSync();
    const third = new WindowStateStore({ fs: nodeFs, file, logger: quiet });
    await third.load();
    expect(third.get(saved.layouts[0]!.key, 'viewer')?.bounds).toEqual({ x: 2300, y: 140, width: 1600, height: 1000 });

    writeFileSync(file, '{"version": 2}');
    const broken = new WindowStateStore({ fs: nodeFs, file, logger: quiet });
    await broken.load();
    expect(broken.get(saved.layouts[0]!.key, 'viewer')).toBeNull();
  });

  it('does not depend on the order or ids of the displays', () => {
    expect(displayLayoutKey([laptop, monitorRight])).toBe(
      displayLayoutKey([
        { ...monitorRight, id: 9 },
        { ...laptop, id: 4 },
      ]),
    );
    expect(displayLayoutKey([laptop, monitorRight])).not.toBe(displayLayoutKey([laptop, smallRight]));
  });
});

describe('window bookkeeping', () => {
  it('reuses an open viewer and tells the windows when it closes', async () => {
    const { manager, created } = setup([laptop, monitorRight]);
    await manager.openWorkspace();
    await manager.openViewer();
    await manager.openViewer('doc-2');
    expect(created).toHaveLength(2);
    created[1]!.close();
    expect(created[0]!.sent).toContainEqual(['windows:viewerVisibility', { visible: false }]);
  });

  it('trusts exactly the webContents of its open windows', async () => {
    const { manager, created } = setup([laptop]);
    await manager.openWorkspace();
    const id = created[0]!.webContentsId;
    expect(manager.has(id)).toBe(true);
    expect(manager.openWindowIds()).toEqual([id]);
    expect(manager.has(id + 100)).toBe(false);
    created[0]!.close();
    expect(manager.has(id)).toBe(false);
  });
});
