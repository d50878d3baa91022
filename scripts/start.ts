/**
 * `npm start`: builds E-Akte Desktop, starts the reference central service with the demo district
 * on loopback and launches the desktop app against it. Where no Electron binary can be had, it says
 * so and runs browser mode instead: both windows served as pages, the workspace opened in an app
 * window of the Chromium it finds when the machine has a display, and the two addresses printed
 * either way. `npm start -- --browser` (npm run start:browser) asks for browser mode on purpose.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserHost } from './browser-host.ts';
import { locateChromium } from './chromium.ts';
import { provideElectronBinary } from './electron-binary.ts';
import { startReferenceServer } from './reference-server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const askedForBrowser = process.argv.includes('--browser');
const serverPort = Number(process.env['EAKTE_SERVER_PORT'] ?? 8787);
const browserPort = Number(process.env['EAKTE_BROWSER_PORT'] ?? 5173);
const say = (line: string): void => void process.stdout.write(`${line}\n`);

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} endete mit ${code}`)),
    );
  });
}

/** True where a window can be shown: always on Windows and macOS, on Linux with an X or Wayland display. */
function hasDisplay(): boolean {
  if (process.platform === 'win32' || process.platform === 'darwin') return true;
  return Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);
}

/** The workspace in an app window of the Chromium found, with a profile of its own under .data/. */
function openAppWindow(url: string): boolean {
  const chromium = locateChromium();
  if (!chromium) return false;
  const profile = path.join(root, '.data', 'browser-profile');
  mkdirSync(profile, { recursive: true });
  const child = spawn(
    chromium,
    [
      `--app=${url}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=Translate',
      '--window-size=1440,900',
      // Chromium refuses to start as root without this; a desk never runs it as root.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
    { stdio: 'ignore', detached: false },
  );
  child.on('error', () => undefined);
  return true;
}

const electron = askedForBrowser ? null : provideElectronBinary(root, say);
if (!askedForBrowser && !electron)
  say('Kein Electron-Programm verfügbar (es ließ sich nicht herunterladen): E-Akte Desktop startet im Browsermodus.');

await run(process.execPath, ['scripts/build.mjs', ...(electron ? [] : ['--renderer-only'])]);
const server = await startReferenceServer({
  port: serverPort,
  dataDir: path.join(root, '.data', 'server'),
  args: ['--demo', '--admin', '--log-level', 'warn'],
});
const cleanups: (() => Promise<void>)[] = [() => server.stop()];
const shutdown = async (): Promise<void> => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

if (electron) {
  const app = spawn(electron, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, EAKTE_SERVER_URL: server.url },
  });
  app.once('exit', () => void shutdown());
} else {
  const host = await startBrowserHost({
    rendererDir: path.join(root, 'dist', 'renderer'),
    serverUrl: server.url,
    port: browserPort,
  });
  cleanups.push(() => host.close());
  const workspace = `${host.url}/workspace.html`;
  const opened = hasDisplay() && openAppWindow(workspace);
  say(
    `\nE-Akte Desktop im Browsermodus${opened ? ' (der Arbeitsbereich ist in einem eigenen Chromium-Fenster geöffnet)' : ''}:\n` +
      `  Arbeitsbereich:    ${workspace}\n  Dokumentenansicht: ${host.url}/viewer.html\n` +
      `  Zentraler Dienst:  ${server.url} (Anmeldung: demo / demo; Vertretung: demo2 / demo)\nBeenden mit Strg+C.`,
  );
}
