/**
 * Chromium started by hand on a profile folder and driven over the DevTools protocol, so that a
 * test or benchmark can kill it like a power cut (SIGKILL) and start it again on the same profile.
 * Playwright's own launchers do not hand out the process of a persistent profile.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright';
import { spawn } from 'node:child_process';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';

export type KillableChromium = {
  readonly context: BrowserContext;
  /** Kills the browser process at once; answers when it is gone. */
  kill(): Promise<void>;
  /** Closes the browser the normal way. */
  close(): Promise<void>;
};

export async function launchKillableChromium(profile: string): Promise<KillableChromium> {
  const child = spawn(
    findChromium(),
    [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium meldet keinen DevTools-Zugang:\n${text}`)), 20_000);
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', () => reject(new Error(`Chromium endete beim Start:\n${text}`)));
  });
  const browser: Browser = await chromium.connectOverCDP(endpoint);
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    context: browser.contexts()[0]!,
    async kill() {
      if (alive()) child.kill('SIGKILL');
      await exited;
      await browser.close().catch(() => undefined);
    },
    async close() {
      await browser.close().catch(() => undefined);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
  };
}
