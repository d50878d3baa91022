/**
 * Electron entry point: the only file that wires the Electron objects into the plain modules.
 * Everything with logic lives beside it and is unit-tested in Node.
 */
import { app, BrowserWindow, ipcMain, Menu, net, protocol, safeStorage, screen, session, shell } from 'electron';
import electronLog from 'electron-log/node';
import { autoUpdater } from 'electron-updater';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerIpcHandlers } from '../shared/ipc/register.ts';
import { errorFields } from '../shared/logging/redact.ts';
import { APP_SCHEME } from '../shared/security/app-origin.ts';
import { appPolicies } from '../shared/security/csp.ts';
import type { SettingsSnapshot } from '../shared/settings/settings.ts';
import { appMenuTemplate, openLogFolder } from './app-menu.ts';
import { serveAppRequest } from './app-protocol.ts';
import { createElectronUpdaterPort } from './electron-updater-port.ts';
import { InstallGuard } from './install-guard.ts';
import { createIpcHandlers } from './ipc-handlers.ts';
import { createJournal } from './journal.ts';
import { machineLettersFolder, readMachineLetters } from './letter-templates.ts';
import { nodeJournalFiles } from './journal-files.ts';
import { createLogger, setLogSink } from './logger.ts';
import { configureLogFiles, logFolder } from './logging/log-files.ts';
import { createRendererLog } from './logging/renderer-log.ts';
import { createNavigationGuard, isPermissionGranted } from './navigation.ts';
import { listFolder, nodeFs } from './node-fs.ts';
import { launchOverrides, machinePolicyPath, readMachinePolicy } from './policy.ts';
import { createQuitFlow } from './quit-flow.ts';
import { createSecrets } from './secrets.ts';
import { SettingsService } from './settings-service.ts';
import { isTrustedSender } from './trust.ts';
import { UpdateController } from './updater.ts';
import { appWebPreferences } from './window-options.ts';
import { WindowStateStore } from './window-state.ts';
import { WindowManager, type WindowPort } from './windows.ts';

const logger = createLogger('main');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

let windows: WindowManager | null = null;

async function start(): Promise<void> {
  await app.whenReady();
  const packaged = app.isPackaged;
  const userData = app.getPath('userData');
  const fileSink = configureLogFiles(electronLog, { userDataDir: userData, console: !packaged });
  setLogSink(fileSink);
  logger.info('starting', { version: app.getVersion(), platform: process.platform, arch: process.arch, packaged });

  const overrides = launchOverrides(process.env, packaged);
  if (packaged && (process.env['EAKTE_POLICY_FILE'] || process.env['EAKTE_SERVER_URL']))
    logger.warn('developer overrides ignored in an installed app');
  const policyFile = overrides.policyFile ?? machinePolicyPath(process.platform, process.env);
  const secrets = createSecrets(safeStorage);
  if (secrets.keyring() === 'none')
    logger.warn('no operating system keyring; the cache key is protected by the password alone', {
      backend: secrets.backend(),
    });
  const settings = await SettingsService.load({
    fs: nodeFs,
    settingsFile: path.join(userData, 'settings.json'),
    policy: await readMachinePolicy(nodeFs, policyFile),
    devServerUrl: overrides.serverUrl,
    development: !packaged,
    keyring: () => secrets.keyring(),
    logger: createLogger('settings'),
  });
  const policy = settings.policy();

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
  session.defaultSession.setDevicePermissionHandler(() => false);

  const navigation = createNavigationGuard(createLogger('navigation'));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', navigation.navigation('will-navigate'));
    contents.on('will-frame-navigate', navigation.navigation('will-frame-navigate'));
    contents.on('will-redirect', navigation.navigation('will-redirect'));
    contents.on('will-attach-webview', (event) => navigation.attachWebview(event));
    contents.setWindowOpenHandler(() => navigation.windowOpen());
  });
  app.on('render-process-gone', (_event, _contents, details) =>
    logger.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode }),
  );
  app.on('child-process-gone', (_event, details) =>
    logger.error('child process gone', { kind: details.type, reason: details.reason }),
  );

  const windowState = new WindowStateStore({
    fs: nodeFs,
    file: path.join(userData, 'window-state.json'),
    logger: createLogger('window-state'),
  });
  await windowState.load();

  let guard: InstallGuard | null = null;
  const manager = new WindowManager({
    create: (_kind, { title, bounds }): WindowPort => {
      const window = new BrowserWindow({
        ...bounds,
        title,
        show: false,
        backgroundColor: '#ffffff',
        webPreferences: appWebPreferences({ preload: path.join(__dirname, '..', 'preload', 'index.cjs'), packaged }),
      });
      const webContentsId = window.webContents.id;
      window.on('closed', () => guard?.windowClosed(webContentsId));
      return {
        webContentsId,
        loadURL: (url) => window.loadURL(url),
        show: () => window.show(),
        focus: () => window.focus(),
        isDestroyed: () => window.isDestroyed(),
        setBounds: (rect) => window.setBounds(rect),
        getNormalBounds: () => window.getNormalBounds(),
        isMaximized: () => window.isMaximized(),
        maximize: () => window.maximize(),
        onClosed: (listener) => window.on('closed', listener),
        onBoundsChanged: (listener) => {
          // 'moved'/'resized' do not exist on Linux; the store waits for the last of these anyway.
          window.on('move', listener);
          window.on('resize', listener);
          window.on('maximize', listener);
          window.on('unmaximize', listener);
        },
        send: (channel, payload) => window.webContents.send(channel, payload),
      };
    },
    displays: screen,
    state: windowState,
    layout: () => settings.userValue('windowLayout'),
    viewerDisplay: () => settings.userValue('viewerDisplay'),
    logger: createLogger('windows'),
  });
  windows = manager;
  screen.on('display-added', () => manager.displaysChanged());
  screen.on('display-removed', () => manager.displaysChanged());
  screen.on('display-metrics-changed', () => manager.displaysChanged());

  const buildMenu = (): void => {
    const template = appMenuTemplate({
      language: settings.userValue('language'),
      platform: process.platform,
      packaged,
      openLogFolder: () => {
        void openLogFolder(
          (folder) => shell.openPath(folder),
          logFolder(userData),
          async (folder) => {
            await mkdir(folder, { recursive: true });
          },
        ).then((opened) => {
          if (!opened) logger.warn('log folder could not be opened');
        });
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  buildMenu();

  let previous: SettingsSnapshot = settings.snapshot();
  settings.onChange((snapshot) => {
    manager.broadcast('settings:changed', snapshot);
    if (snapshot.effective.windowLayout !== previous.effective.windowLayout) manager.layoutChanged();
    else if (snapshot.effective.viewerDisplay !== previous.effective.viewerDisplay) manager.viewerDisplayChanged();
    if (snapshot.effective.language !== previous.effective.language) buildMenu();
    previous = snapshot;
  });

  const updateLogger = createLogger('updater');
  const updates = new UpdateController({
    port:
      packaged && policy.updateUrl && policy.updateMode !== 'off'
        ? createElectronUpdaterPort(
            autoUpdater,
            { url: policy.updateUrl, channel: policy.updateChannel },
            createLogger('electron-updater'),
          )
        : null,
    mode: policy.updateMode,
    disabledReason: packaged ? 'no-feed' : 'unpackaged',
    publish: (state) => manager.broadcast('updates:state', state),
    logger: updateLogger,
  });
  guard = new InstallGuard({
    openWindows: () => manager.openWindowIds(),
    requestFlush: (requestId) => manager.broadcast('outbox:flushRequest', { requestId }),
    newRequestId: () => randomUUID(),
    logger: updateLogger,
  });
  const installGuard = guard;
  const quitFlow = createQuitFlow({
    pendingInstall: () => updates.pendingInstall(),
    waitUntilSafe: () => installGuard.waitUntilSafe(),
    install: () => updates.install(),
    quit: () => app.quit(),
    logger: updateLogger,
  });
  app.on('before-quit', (event) => {
    windowState.flushSync();
    quitFlow.onBeforeQuit(event);
  });

  const rendererLog = createRendererLog(() => fileSink);
  // Beside the policy file: a developer's EAKTE_POLICY_FILE brings its own letters folder.
  const lettersFolder = overrides.policyFile
    ? path.join(path.dirname(overrides.policyFile), 'letters')
    : machineLettersFolder(process.platform, process.env);
  const lettersLogger = createLogger('letters');
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
      settings,
      secrets,
      windows: manager,
      updates,
      outbox: { report: (senderId, report) => installGuard.report(senderId, report) },
      log: rendererLog,
      letters: {
        templates: () =>
          readMachineLetters(
            { list: listFolder, readText: (file) => nodeFs.readText(file) },
            lettersFolder,
            (...parts) => path.join(...parts),
            lettersLogger,
          ),
      },
      journal: createJournal({
        dir: path.join(app.getPath('userData'), 'outbox-journal'),
        files: nodeJournalFiles,
        join: (...parts) => path.join(...parts),
        logger: createLogger('journal'),
      }),
    }),
    { isTrustedSender: (event) => isTrustedSender(event, manager), logger: createLogger('ipc') },
  );

  app.on('window-all-closed', () => app.quit());
  await manager.openWorkspace();
  if (manager.viewerAtStart()) await manager.openViewer();
  updates.start();
}

if (!app.requestSingleInstanceLock()) {
  // Another instance runs for this user: it comes to the front (second-instance), this one ends.
  app.quit();
} else {
  app.on('second-instance', () => windows?.focusWorkspace());
  start().catch((error: unknown) => {
    logger.error('start failed', errorFields(error));
    app.exit(1);
  });
}
