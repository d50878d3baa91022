/**
 * Fixtures for end-to-end tests: the built renderer served on loopback (browser mode) and, when a
 * test asks for it, the reference central service with demo data in a fresh temporary folder.
 * Requests to anywhere but loopback are refused, so no test reaches outside the machine.
 */
import { test as base, type BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserHost, type BrowserHost } from '../../scripts/browser-host.ts';
import { startReferenceServer, type RunningServer } from '../../scripts/reference-server.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

type WorkerFixtures = { referenceServer: RunningServer; host: BrowserHost };
type TestFixtures = { app: { context: BrowserContext; url(page: 'workspace' | 'viewer', query?: string): string } };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  referenceServer: [
    async ({}, use) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'eakte-e2e-server-'));
      const server = await startReferenceServer({
        port: await freePort(),
        dataDir,
        args: ['--demo', '--admin', '--cases', '8', '--max-pages', '8', '--page-width', '300', '--raster-pool', '4'],
        quiet: true,
      });
      await use(server);
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  host: [
    async ({ referenceServer }, use) => {
      const host = await startBrowserHost({
        rendererDir: path.join(projectRoot, 'dist', 'renderer'),
        serverUrl: referenceServer.url,
      });
      await use(host);
      await host.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ context, host }, use) => {
    await context.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => route.abort('blockedbyclient'));
    await use({ context, url: (page, query) => `${host.url}/${page}.html${query ? `?${query}` : ''}` });
  },
});

export { expect } from '@playwright/test';
export const screenshotDir = path.join(projectRoot, '.test-output', 'screenshots');
