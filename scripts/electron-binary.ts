/**
 * Finds an Electron binary without triggering the electron package's download: the one named by
 * ELECTRON_OVERRIDE_DIST_PATH, or the one the electron package installed. Null when there is none.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
  linux: 'electron',
};

export function findElectronBinary(projectRoot: string): string | null {
  const name = EXECUTABLE[process.platform] ?? 'electron';
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const candidate = path.join(override, name);
    return existsSync(candidate) ? candidate : null;
  }
  const pkgDir = path.join(projectRoot, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const candidate = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(candidate) ? candidate : null;
}

export const NO_ELECTRON_REASON =
  'kein Electron-Programm vorhanden (ELECTRON_OVERRIDE_DIST_PATH ist nicht gesetzt und das Paket electron hat keines heruntergeladen)';

/**
 * The Electron binary, fetched by the electron package's own installer when it is missing (the
 * package downloads it on first use, not at `npm install`). Null when none can be had, e.g. on a
 * machine that reaches no download server; the installer's output is kept out of the way then.
 */
export function provideElectronBinary(projectRoot: string, log: (line: string) => void): string | null {
  const found = findElectronBinary(projectRoot);
  if (found || process.env['ELECTRON_OVERRIDE_DIST_PATH']) return found;
  const installer = path.join(projectRoot, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return null;
  log('Das Electron-Programm fehlt; es wird geholt …');
  const result = spawnSync(process.execPath, [installer], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10 * 60_000,
  });
  return result.status === 0 ? findElectronBinary(projectRoot) : null;
}
