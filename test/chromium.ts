/**
 * Finds the Chromium the tests drive: CHROMIUM_PATH, then Playwright's own browser if one is
 * installed, then Debian's /usr/bin/chromium. Shared by Vitest's browser project, Playwright's
 * end-to-end config and the benchmarks.
 */
import { existsSync } from 'node:fs';
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

export function findChromium(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH zeigt auf ${fromEnv}, dort ist keine Datei.`);
    return fromEnv;
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here; fall through to the system one.
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error(
    'Kein Chromium gefunden. Setzen Sie CHROMIUM_PATH oder installieren Sie Chromium (Debian: apt-get install -y chromium).',
  );
}
