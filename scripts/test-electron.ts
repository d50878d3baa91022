/**
 * Runs the Electron suite where an Electron binary is present; otherwise says that it was skipped,
 * why, and how many tests that is. Never reports skipped tests as passed.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, NO_ELECTRON_REASON } from './electron-binary.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = 'test/electron/playwright.config.ts';
const playwright = `${root}/node_modules/.bin/playwright`;

if (findElectronBinary(root)) {
  const result = spawnSync(playwright, ['test', '--config', config], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const listed = spawnSync(playwright, ['test', '--config', config, '--list', '--reporter=list'], {
  cwd: root,
  encoding: 'utf8',
});
const count = Number(/Total: (\d+) tests?/.exec(listed.stdout)?.[1] ?? 0);
mkdirSync(`${root}/.test-output`, { recursive: true });
writeFileSync(
  `${root}/.test-output/electron-skipped.json`,
  JSON.stringify({ skipped: count, reason: NO_ELECTRON_REASON }),
);
console.log(
  `Electron-Suite übersprungen (${count} Tests): ${NO_ELECTRON_REASON}. Sie läuft, wo ELECTRON_OVERRIDE_DIST_PATH auf ein Electron-Programm zeigt.`,
);
