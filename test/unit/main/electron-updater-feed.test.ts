/**
 * The real electron-updater (its generic provider, staging and download code) against the test
 * release feed served by the reference server over loopback HTTP, driven by the update state
 * machine. Only Electron itself is absent: electron-updater is given an app adapter and Node's
 * HTTP executor instead of Electron's, as its own tests do.
 */
import { NodeHttpExecutor } from 'builder-util/out/nodeHttpExecutor.js';
import { configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime';
import type { RequestOptions } from 'node:http';
import { DebUpdater, type AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createElectronUpdaterPort, type UpdateFeed } from '../../../src/main/electron-updater-port.ts';
import { createLogger } from '../../../src/main/logger.ts';
import { UpdateController } from '../../../src/main/updater.ts';
import type { UpdateMode } from '../../../src/shared/policy/policy.ts';
import type { UpdateState } from '../../../src/shared/updates/update-state.ts';
import { startTestServer, type TestServer } from '../../server/helpers.ts';

const fixture = fileURLToPath(new URL('../../fixtures/update-feed/', import.meta.url));
const base = mkdtempSync(path.join(tmpdir(), 'eakte-update-feed-'));
const feedDir = path.join(base, 'feed');
let server: TestServer;
let run = 0;

beforeAll(async () => {
  server = await startTestServer({ updatesDir: feedDir, demo: false, admin: false });
});
afterAll(async () => {
  await server.stop();
  rmSync(server.dataDir, { recursive: true, force: true });
  rmSync(base, { recursive: true, force: true });
});
beforeEach(() => {
  rmSync(feedDir, { recursive: true, force: true });
  cpSync(fixture, feedDir, { recursive: true });
});

/**
 * Node's HTTP executor with the `download` of electron-updater's Electron executor (the same
 * builder-util-runtime download code; only the request goes through Node's http, not Electron's net).
 */
class NodeDownloadExecutor extends NodeHttpExecutor {
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { ...(options.headers ? { headers: options.headers } : {}) };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}

function editFeed(file: string, edit: (text: string) => string): void {
  writeFileSync(path.join(feedDir, file), edit(readFileSync(path.join(feedDir, file), 'utf8')));
}

function installation(version: string, stagingId?: string) {
  run += 1;
  const root = path.join(base, `install-${run}`);
  const userData = path.join(root, 'user-data');
  mkdirSync(userData, { recursive: true });
  // What electron-builder writes into resources/ of a packaged app.
  const appUpdateConfigPath = path.join(root, 'app-update.yml');
  writeFileSync(
    appUpdateConfigPath,
    'provider: generic\nurl: https://updates.invalid/\nupdaterCacheDirName: e-akte-desktop-updater\n',
  );
  if (stagingId) writeFileSync(path.join(userData, '.updaterId'), stagingId);
  const app: AppAdapter = {
    version,
    name: 'E-Akte Desktop',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: userData,
    baseCachePath: path.join(root, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const updater: AppUpdater = new DebUpdater(null, app);
  // Electron's net module is not here; Node's HTTP executor speaks to the same feed.
  Object.assign(updater, { httpExecutor: new NodeDownloadExecutor() });
  return { updater, userData, cache: path.join(root, 'cache', 'e-akte-desktop-updater') };
}

function controller(updater: AppUpdater, mode: UpdateMode, channel: UpdateFeed['channel'] = 'stable') {
  const states: UpdateState[] = [];
  const logger = createLogger('updater', () => undefined);
  const port = createElectronUpdaterPort(updater, { url: `${server.url}/updates/`, channel }, logger);
  return { controller: new UpdateController({ port, mode, publish: (s) => states.push(s), logger }), states };
}

const sha512 = (file: string): string => createHash('sha512').update(readFileSync(file)).digest('base64');

describe('electron-updater against the test release feed', () => {
  it('finds 0.2.0, downloads the .deb, verifies it and is ready to install on quit', async () => {
    const { updater, cache } = installation('0.1.0');
    const { controller: updates, states } = controller(updater, 'auto');
    expect(await updates.check()).toEqual({ phase: 'ready', version: '0.2.0' });
    expect(states.map((s) => s.phase)).toContain('downloading');
    const downloaded = path.join(cache, 'pending', 'e-akte-desktop_0.2.0_amd64.deb');
    expect(existsSync(downloaded)).toBe(true);
    expect(sha512(downloaded)).toBe(sha512(path.join(fixture, 'e-akte-desktop_0.2.0_amd64.deb')));
  });

  it('notify mode: reports the version and downloads only when asked', async () => {
    const { updater, cache } = installation('0.1.0');
    const { controller: updates } = controller(updater, 'notify');
    expect(await updates.check()).toEqual({ phase: 'available', version: '0.2.0' });
    expect(existsSync(path.join(cache, 'pending'))).toBe(false);
    expect(await updates.download()).toEqual({ phase: 'ready', version: '0.2.0' });
  });

  it('is up to date on the version the feed has, and never goes back to an older one', async () => {
    expect(await controller(installation('0.2.0').updater, 'auto').controller.check()).toMatchObject({
      phase: 'up-to-date',
    });
    expect(await controller(installation('0.2.1').updater, 'auto').controller.check()).toMatchObject({
      phase: 'up-to-date',
    });
  });

  it('keeps the staging id in .updaterId in the user-data folder; 0 % stops the rollout for everyone', async () => {
    editFeed('latest-linux.yml', (text) => `${text}stagingPercentage: 0\n`);
    const { updater, userData, cache } = installation('0.1.0');
    expect(await controller(updater, 'auto').controller.check()).toMatchObject({
      phase: 'staged-out',
      version: '0.2.0',
    });
    expect(readFileSync(path.join(userData, '.updaterId'), 'utf8')).toMatch(/^[0-9a-f-]{36}$/);
    expect(existsSync(path.join(cache, 'pending'))).toBe(false);
  });

  it('lets a staged rollout reach exactly the machines whose staging id falls below the percentage', async () => {
    editFeed('latest-linux.yml', (text) => `${text}stagingPercentage: 50\n`);
    // electron-updater reads the last four bytes of the id as a fraction of 0xffffffff.
    const early = installation('0.1.0', '6fa459ea-ee8a-4ca4-894e-db7700000001');
    const late = installation('0.1.0', '6fa459ea-ee8a-4ca4-894e-db77fffffff0');
    expect(await controller(early.updater, 'notify').controller.check()).toEqual({
      phase: 'available',
      version: '0.2.0',
    });
    expect(await controller(late.updater, 'notify').controller.check()).toMatchObject({ phase: 'staged-out' });
  });

  it('follows the beta channel from the policy', async () => {
    const { updater } = installation('0.1.0');
    expect(await controller(updater, 'notify', 'beta').controller.check()).toEqual({
      phase: 'available',
      version: '0.3.0-beta.1',
    });
  });

  it('refuses a download whose sha512 does not match the feed', async () => {
    // Same size, one byte changed: only the checksum can tell.
    const file = path.join(feedDir, 'e-akte-desktop_0.2.0_amd64.deb');
    const bytes = readFileSync(file);
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(file, bytes);
    const { updater, cache } = installation('0.1.0');
    const state = await controller(updater, 'auto').controller.check();
    expect(state).toEqual({ phase: 'error', code: 'checksum-mismatch', during: 'download', version: '0.2.0' });
    const pending = path.join(cache, 'pending');
    expect(existsSync(pending) ? readdirSync(pending).filter((f) => f.endsWith('.deb')) : []).toEqual([]);
  });

  it('reports a feed without this channel’s file as a code', async () => {
    rmSync(path.join(feedDir, 'latest-linux.yml'));
    expect(await controller(installation('0.1.0').updater, 'auto').controller.check()).toEqual({
      phase: 'error',
      code: 'feed-invalid',
      during: 'check',
    });
  });
});
