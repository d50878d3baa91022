/**
 * Vitest browser commands (they run in the Node process) that start, stop and resume the real
 * reference server for browser tests. A stopped server resumes on the same port with the same
 * data, as a central service does after an outage.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserCommand } from 'vitest/node';
import { createServer, type ServerHandle } from '../../server/create-server.ts';
import type { DemoOptions, ServerOptions } from '../../server/options.ts';

/** Server options a browser test may set (the letter dispatch delays); kept across stop and resume. */
export type TestServerOptions = Pick<ServerOptions, 'letterPrintDelayMs' | 'letterDispatchDelayMs'>;

type Running = { handle: ServerHandle | null; dataDir: string; port: number; options: TestServerOptions };
const servers = new Map<string, Running>();

export const TEST_DEMO: Partial<DemoOptions> = { seed: 11, cases: 6, maxPages: 6, rasterPool: 3, pageWidthPx: 300 };

async function listen(
  dataDir: string,
  port: number,
  demo: Partial<DemoOptions>,
  options: TestServerOptions,
): Promise<ServerHandle> {
  return createServer({ ...options, dataDir, port, host: '127.0.0.1', admin: true, demo, logLevel: 'silent' });
}

/** Starts a fresh server with a small demo district; returns its URL. */
export const startReferenceServer: BrowserCommand<
  [name: string, demo?: Partial<DemoOptions>, options?: TestServerOptions]
> = async (_ctx, name, demo, options = {}) => {
  const existing = servers.get(name);
  if (existing?.handle) await existing.handle.close();
  if (existing) rmSync(existing.dataDir, { recursive: true, force: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-browser-test-'));
  const handle = await listen(dataDir, 0, { ...TEST_DEMO, ...demo }, options);
  servers.set(name, { handle, dataDir, port: Number(new URL(handle.url).port), options });
  return { url: handle.url };
};

export const stopReferenceServer: BrowserCommand<[name: string]> = async (_ctx, name) => {
  const running = servers.get(name);
  if (running?.handle) {
    await running.handle.close();
    running.handle = null;
  }
};

export const resumeReferenceServer: BrowserCommand<[name: string]> = async (_ctx, name) => {
  const running = servers.get(name);
  if (!running) throw new Error(`unknown server ${name}`);
  running.handle ??= await listen(running.dataDir, running.port, TEST_DEMO, running.options);
  return { url: running.handle.url };
};

// Each server's district (about 20 MB) goes with the test run, not left in the temporary folder.
process.once('exit', () => {
  for (const { dataDir } of servers.values()) rmSync(dataDir, { recursive: true, force: true });
});

export const referenceServerCommands = { startReferenceServer, stopReferenceServer, resumeReferenceServer };

declare module 'vitest/browser' {
  interface BrowserCommands {
    startReferenceServer(
      name: string,
      demo?: Partial<DemoOptions>,
      options?: TestServerOptions,
    ): Promise<{ url: string }>;
    stopReferenceServer(name: string): Promise<void>;
    resumeReferenceServer(name: string): Promise<{ url: string }>;
  }
}
