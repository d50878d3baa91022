import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/main/logger.ts';
import {
  WindowManager,
  placeOn,
  type DisplayInfo,
  type Rectangle,
  type WindowPort,
} from '../../../src/main/windows.ts';
import { isAllowedNavigation, isPermissionGranted } from '../../../src/main/navigation.ts';

type FakeWindow = WindowPort & {
  kind: string;
  bounds: Rectangle;
  url?: string;
  sent: [string, unknown][];
  close(): void;
  destroyed: boolean;
};

function setup(displays: DisplayInfo[]) {
  const created: FakeWindow[] = [];
  let nextId = 1;
  const manager = new WindowManager(
    (kind, { bounds }) => {
      const closed: (() => void)[] = [];
      const window: FakeWindow = {
        kind,
        bounds,
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
        },
        onClosed: (l) => closed.push(l),
        send: (channel, payload) => window.sent.push([channel, payload]),
        close: () => {
          window.destroyed = true;
          closed.forEach((l) => l());
        },
      };
      created.push(window);
      return window;
    },
    { getAllDisplays: () => displays, getPrimaryDisplay: () => displays[0]! },
    createLogger('windows', () => undefined),
  );
  return { manager, created };
}

const primary: DisplayInfo = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const second: DisplayInfo = { id: 2, workArea: { x: 1920, y: 0, width: 1920, height: 1080 } };

describe('window manager', () => {
  it('puts the workspace on the primary and the viewer on the second monitor', async () => {
    const { manager, created } = setup([primary, second]);
    await manager.openWorkspace();
    await manager.openViewer('doc-7');
    const [workspace, viewer] = created;
    expect(workspace?.url).toBe('app://e-akte/workspace.html');
    expect(viewer?.url).toBe('app://e-akte/viewer.html?documentId=doc-7');
    expect(workspace!.bounds.x).toBeLessThan(1920);
    expect(viewer!.bounds.x).toBeGreaterThanOrEqual(1920);
    expect(viewer!.bounds).toEqual(placeOn(second));
  });

  it('uses the primary display for the viewer when there is only one', async () => {
    const { manager, created } = setup([primary]);
    await manager.openViewer();
    expect(created[0]!.bounds).toEqual(placeOn(primary));
  });

  it('reuses an open viewer and tells the windows when it closes', async () => {
    const { manager, created } = setup([primary, second]);
    await manager.openWorkspace();
    await manager.openViewer();
    await manager.openViewer('doc-2');
    expect(created).toHaveLength(2);
    created[1]!.close();
    expect(created[0]!.sent).toContainEqual(['windows:viewerVisibility', { visible: false }]);
  });

  it('trusts exactly the webContents of its open windows', async () => {
    const { manager, created } = setup([primary]);
    await manager.openWorkspace();
    const id = created[0]!.webContentsId;
    expect(manager.has(id)).toBe(true);
    expect(manager.has(id + 100)).toBe(false);
    created[0]!.close();
    expect(manager.has(id)).toBe(false);
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
