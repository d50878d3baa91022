/**
 * Chromium started by hand on a profile folder and driven over the DevTools protocol, so that a
 * test or benchmark can kill it like a power cut (SIGKILL) and start it again on the same profile.
 * Playwright's own launchers do not hand out the process of a persistent profile.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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
      await helpersGone(profile);
    },
    async close() {
      // Playwright's close() of a browser it connected to only disconnects; the browser itself is
      // asked to shut down, which writes its profile the way a user's quit does.
      const session = await browser.newBrowserCDPSession().catch(() => null);
      await session?.send('Browser.close').catch(() => undefined);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (alive()) child.kill('SIGKILL');
      await exited;
      await browser.close().catch(() => undefined);
      await helpersGone(profile);
    },
  };
}

/**
 * Chromium's helper processes (storage, network, renderers) outlive the browser process for a
 * moment and may still write the profile; the profile is only at rest once they are gone.
 */
async function helpersGone(profile: string): Promise<void> {
  const flag = `--user-data-dir=${profile}`;
  const running = () =>
    readdirSync('/proc').some((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').includes(flag);
      } catch {
        return false;
      }
    });
  for (const started = Date.now(); running() && Date.now() - started < 10_000;)
    await new Promise((r) => setTimeout(r, 50));
}
