/**
 * A stand-in for the `electron` module, for the one test that runs src/main/index.ts in Node (no
 * Electron binary exists here): it records what index.ts wires up (protocol handler, IPC
 * handlers, windows and their options, menus, event listeners) and lets the test play the
 * Electron side (create webContents events, invoke IPC as a window would, quit).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

export type FakeDisplay = {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  workArea: { x: number; y: number; width: number; height: number };
};

export function createFakeElectron() {
  const state = {
    packaged: false,
    userData: '',
    displays: [] as FakeDisplay[],
    keyringBackend: 'gnome_libsecret',
    quits: 0,
    exits: [] as number[],
    protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    ipcHandlers: new Map<string, (event: unknown, arg: unknown) => Promise<unknown>>(),
    menu: null as null | { template: unknown[] },
    openedPaths: [] as string[],
    permissionRequest: null as
      null | ((contents: unknown, permission: string, callback: (ok: boolean) => void) => void),
  };
  let nextId = 1;
  const app = Object.assign(new Emitter(), {
    whenReady: () => Promise.resolve(),
    getPath: () => state.userData,
    getVersion: () => '0.1.0',
    getName: () => 'E-Akte Desktop',
    quit: () => {
      state.quits += 1;
    },
    exit: (code: number) => state.exits.push(code),
    requestSingleInstanceLock: () => true,
    enableSandbox: () => undefined,
  });
  // A getter, not a copied value: each start of index.ts reads what the test set.
  Object.defineProperty(app, 'isPackaged', { get: () => state.packaged });

  class WebContents extends Emitter {
    readonly id = nextId++;
    readonly sent: [string, unknown][] = [];
    windowOpenHandler: (() => unknown) | null = null;
    send(channel: string, payload: unknown): void {
      this.sent.push([channel, payload]);
    }
    setWindowOpenHandler(handler: () => unknown): void {
      this.windowOpenHandler = handler;
    }
  }

  class BrowserWindow extends Emitter {
    static readonly all: BrowserWindow[] = [];
    readonly webContents = new WebContents();
    readonly options: Record<string, unknown>;
    url = '';
    shown = false;
    destroyed = false;
    maximized = false;
    bounds: FakeDisplay['bounds'];
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      this.bounds = {
        x: options['x'] as number,
        y: options['y'] as number,
        width: options['width'] as number,
        height: options['height'] as number,
      };
      BrowserWindow.all.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.url = url;
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
    focus(): void {}
    isDestroyed(): boolean {
      return this.destroyed;
    }
    setBounds(bounds: FakeDisplay['bounds']): void {
      this.bounds = bounds;
    }
    getNormalBounds(): FakeDisplay['bounds'] {
      return this.bounds;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    maximize(): void {
      this.maximized = true;
    }
    close(): void {
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const electron = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) =>
        state.protocolHandlers.set(scheme, handler),
    },
    net: {
      fetch: async (url: string) => {
        try {
          return new Response(await readFile(fileURLToPath(url)));
        } catch {
          return new Response(null, { status: 404 });
        }
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof state.permissionRequest) => {
          state.permissionRequest = handler;
        },
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => state.keyringBackend,
      encryptString: (text: string) => Buffer.from(`sealed:${text}`),
      decryptString: (buffer: Buffer) => buffer.toString().slice('sealed:'.length),
    },
    screen: Object.assign(new Emitter(), {
      getAllDisplays: () => state.displays,
      getPrimaryDisplay: () => state.displays[0],
    }),
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, arg: unknown) => Promise<unknown>) =>
        state.ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: unknown[] }) => {
        state.menu = menu;
      },
    },
    shell: {
      openPath: async (folder: string) => {
        state.openedPaths.push(folder);
        return '';
      },
    },
  };

  /** Calls an IPC channel as the given window's page (or a foreign frame) would. */
  const invoke = (window: BrowserWindow, channel: string, arg?: unknown, frameUrl = window.url) => {
    const handler = state.ipcHandlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ sender: window.webContents, senderFrame: { url: frameUrl } }, arg);
  };

  /** Forgets everything recorded, for the next start of index.ts. */
  const reset = (): void => {
    BrowserWindow.all.length = 0;
    state.ipcHandlers.clear();
    state.protocolHandlers.clear();
    state.openedPaths.length = 0;
    state.quits = 0;
    state.exits.length = 0;
    state.menu = null;
    app.listeners.clear();
    electron.screen.listeners.clear();
  };

  return { electron, state, BrowserWindow, invoke, reset };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
