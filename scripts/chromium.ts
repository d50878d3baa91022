/**
 * The Chromium that the tests drive and that `npm start` opens the browser mode in: CHROMIUM_PATH,
 * then Playwright's own browser if one is installed, then the distribution's. Where there is none,
 * `provideChromium` installs one the way the platform expects (as root on Debian or Ubuntu the
 * distribution's package, elsewhere Playwright's installer) or says in one sentence what to install.
 * Shared by Vitest's browser project, Playwright's configs, the benchmarks and the start script.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const NO_CHROMIUM =
  'Für die Browser- und End-to-End-Tests fehlt ein Chromium: installieren Sie es (Debian/Ubuntu: "sudo apt-get install chromium") oder setzen Sie CHROMIUM_PATH auf ein Chromium-Programm.';

/** The Chromium to use, or null when the machine has none. */
export function locateChromium(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here; the system's follows.
  }
  return SYSTEM_CHROMIUM.find((candidate) => existsSync(candidate)) ?? null;
}

export function findChromium(): string {
  const found = locateChromium();
  if (found) return found;
  const fromEnv = process.env['CHROMIUM_PATH'];
  throw new Error(fromEnv ? `CHROMIUM_PATH zeigt auf ${fromEnv}, dort ist keine Datei.` : NO_CHROMIUM);
}

function distribution(): string[] {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const field = (name: string) => new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm').exec(release)?.[1] ?? '';
    return `${field('ID')} ${field('ID_LIKE')}`.split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env }).status === 0;
}

/**
 * Finds a Chromium, installing one where none is found. Prints one line for the step it takes;
 * answers the path, or null after printing the sentence that says what to install.
 */
export function provideChromium(log: (line: string) => void = (line) => console.log(line)): string | null {
  const found = locateChromium();
  if (found || process.env['CHROMIUM_PATH']) {
    if (!found) log(`CHROMIUM_PATH zeigt auf ${process.env['CHROMIUM_PATH']}, dort ist keine Datei.`);
    return found;
  }
  const ids = distribution();
  const debianLike = process.platform === 'linux' && ids.some((id) => id === 'debian' || id === 'ubuntu');
  if (debianLike && process.getuid?.() === 0) {
    const pkg = ids.includes('ubuntu') && !ids.includes('debian') ? 'chromium-browser' : 'chromium';
    log(`Kein Chromium gefunden; das Paket ${pkg} der Distribution wird installiert …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-qq'], env)) run('apt-get', ['install', '-y', '-qq', pkg], env);
  } else if (!debianLike) {
    log('Kein Chromium gefunden; Playwrights Chromium wird installiert …');
    const cli = fileURLToPath(new URL('../node_modules/playwright/cli.js', import.meta.url));
    run(process.execPath, [cli, 'install', 'chromium']);
  }
  const after = locateChromium();
  if (!after) log(NO_CHROMIUM);
  return after;
}
