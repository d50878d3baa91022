/**
 * `npm start`: builds E-Akte Desktop, starts the reference central service with demo data on
 * loopback and launches the desktop app against it. `npm start -- --browser` (npm run
 * start:browser) serves both windows as pages for a browser instead.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { startBrowserHost } from './browser-host.ts';
import { findElectronBinary, NO_ELECTRON_REASON } from './electron-binary.ts';
import { startReferenceServer } from './reference-server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const browserMode = process.argv.includes('--browser');
const serverPort = Number(process.env['EAKTE_SERVER_PORT'] ?? 8787);
const browserPort = Number(process.env['EAKTE_BROWSER_PORT'] ?? 5173);

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} endete mit ${code}`)),
    );
  });
}

const electron = browserMode ? null : findElectronBinary(root);
if (!browserMode && !electron) {
  process.stderr.write(
    `E-Akte Desktop kann hier nicht als Desktop-Anwendung starten: ${NO_ELECTRON_REASON}. ` +
      'Starten Sie stattdessen den Browsermodus mit "npm run start:browser".\n',
  );
  process.exit(1);
}

await run(process.execPath, ['scripts/build.mjs', ...(browserMode ? ['--renderer-only'] : [])]);
const server = await startReferenceServer({
  port: serverPort,
  dataDir: path.join(root, '.data', 'server'),
  args: ['--demo', '--admin'],
});
const cleanups: (() => Promise<void>)[] = [() => server.stop()];
const shutdown = async (): Promise<void> => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

if (browserMode) {
  const host = await startBrowserHost({
    rendererDir: path.join(root, 'dist', 'renderer'),
    serverUrl: server.url,
    port: browserPort,
  });
  cleanups.push(() => host.close());
  process.stdout.write(
    `\nE-Akte Desktop im Browsermodus:\n  Arbeitsbereich:    ${host.url}/workspace.html\n  Dokumentenansicht: ${host.url}/viewer.html\n` +
      `  Zentraler Dienst:  ${server.url} (Anmeldung: demo / demo)\nBeenden mit Strg+C.\n`,
  );
} else if (electron) {
  const app = spawn(electron, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, EAKTE_SERVER_URL: server.url },
  });
  app.once('exit', () => void shutdown());
}
