/**
 * Electron entry point: the only file that wires the Electron objects into the plain modules.
 * Everything with logic lives beside it and is unit-tested in Node.
 */
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, screen, session } from 'electron';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerIpcHandlers } from '../shared/ipc/register.ts';
import { APP_SCHEME } from '../shared/security/app-origin.ts';
import { appPolicies } from '../shared/security/csp.ts';
import { serveAppRequest } from './app-protocol.ts';
import { createIpcHandlers } from './ipc-handlers.ts';
import { createLogger } from './logger.ts';
import { isAllowedNavigation, isPermissionGranted } from './navigation.ts';
import { machinePolicyPath, resolvePolicy } from './policy.ts';
import { createSecrets } from './secrets.ts';
import { isTrustedSender } from './trust.ts';
import { WindowManager, type WindowPort } from './windows.ts';

const logger = createLogger('main');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

function readPolicyText(): string | null {
  try {
    return readFileSync(machinePolicyPath(process.platform, process.env), 'utf8');
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  const policy = resolvePolicy(
    { machinePolicyText: readPolicyText(), devServerUrl: app.isPackaged ? undefined : process.env['EAKTE_SERVER_URL'] },
    logger,
  );
  const rendererDir = path.join(__dirname, '..', 'renderer');
  const policies = appPolicies(new URL(policy.serverUrl).origin);

  protocol.handle(APP_SCHEME, (request) =>
    serveAppRequest(request.url, rendererDir, policies, async (filePath) => {
      const file = await net.fetch(pathToFileURL(filePath).toString());
      return file.ok ? file.body : null;
    }),
  );

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const windows = new WindowManager(
    (kind, { title, bounds }): WindowPort => {
      const window = new BrowserWindow({
        ...bounds,
        title,
        show: false,
        backgroundColor: '#ffffff',
        webPreferences: {
          preload: path.join(__dirname, '..', 'preload', 'index.cjs'),
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
        },
      });
      const webContentsId = window.webContents.id;
      return {
        webContentsId,
        loadURL: (url) => window.loadURL(url),
        show: () => window.show(),
        focus: () => window.focus(),
        isDestroyed: () => window.isDestroyed(),
        setBounds: (rect) => window.setBounds(rect),
        onClosed: (listener) => window.on('closed', listener),
        send: (channel, payload) => window.webContents.send(channel, payload),
      };
    },
    screen,
    createLogger('windows'),
  );

  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
      policy,
      secrets: createSecrets(safeStorage),
      windows,
    }),
    { isTrustedSender: (event) => isTrustedSender(event, windows), logger: createLogger('ipc') },
  );

  app.on('window-all-closed', () => app.quit());
  await windows.openWorkspace();
  if (screen.getAllDisplays().length > 1) await windows.openViewer();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    logger.error('start failed', { error: String(error) });
    app.exit(1);
  });
}
