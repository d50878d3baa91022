/**
 * The update state machine over a fake updater port: what the renderer sees for each outcome,
 * notify versus auto mode, policy off, errors, and that installing waits for the outbox guard.
 */
import { describe, expect, it } from 'vitest';
import { InstallGuard } from '../../../src/main/install-guard.ts';
import { createLogger } from '../../../src/main/logger.ts';
import { createQuitFlow } from '../../../src/main/quit-flow.ts';
import {
  UpdateController,
  updateErrorCode,
  type CheckOutcome,
  type DownloadProgress,
  type UpdaterPort,
} from '../../../src/main/updater.ts';
import type { Timers } from '../../../src/main/timers.ts';
import { fakeTimers } from '../../support/fake-timers.ts';
import type { UpdateMode } from '../../../src/shared/policy/policy.ts';
import { updateStateSchema, type UpdateState } from '../../../src/shared/updates/update-state.ts';

const quiet = createLogger('updater', () => undefined);
const NOW = new Date('2026-03-01T08:00:00Z');

type Deferred = { resolve(): void; reject(error: unknown): void };

function fakePort(outcome: CheckOutcome | Error) {
  const calls: string[] = [];
  let progress: ((p: DownloadProgress) => void) | null = null;
  let finishDownload: Deferred | null = null;
  const port: UpdaterPort = {
    check: async () => {
      calls.push('check');
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
    download: (onProgress) => {
      calls.push('download');
      progress = onProgress;
      return new Promise<void>((resolve, reject) => {
        finishDownload = { resolve, reject };
      });
    },
    installNow: () => {
      calls.push('install');
    },
  };
  return {
    port,
    calls,
    progress: (p: DownloadProgress) => progress!(p),
    finish: () => finishDownload!.resolve(),
    fail: (error: unknown) => finishDownload!.reject(error),
  };
}

function controller(port: UpdaterPort | null, mode: UpdateMode, timers?: Timers) {
  const states: UpdateState[] = [];
  const updates = new UpdateController({
    port,
    mode,
    publish: (state) => states.push(updateStateSchema.parse(state)),
    logger: quiet,
    now: () => NOW,
    ...(timers ? { timers } : {}),
  });
  return { updates, states, phases: () => states.map((s) => s.phase) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('update state machine', () => {
  it('reports up to date when the feed has this version', async () => {
    const { port } = fakePort({ kind: 'not-available', latestVersion: '0.1.0', stagedOut: false });
    const { updates, states } = controller(port, 'auto');
    expect(await updates.check()).toEqual({ phase: 'up-to-date', checkedAt: NOW.toISOString() });
    expect(states.map((s) => s.phase)).toEqual(['checking', 'up-to-date']);
  });

  it('reports a newer version outside this machine’s staged rollout as staged out, and downloads nothing', async () => {
    const fake = fakePort({ kind: 'not-available', latestVersion: '0.2.0', stagedOut: true });
    const { updates } = controller(fake.port, 'auto');
    expect(await updates.check()).toEqual({ phase: 'staged-out', version: '0.2.0', checkedAt: NOW.toISOString() });
    expect(fake.calls).toEqual(['check']);
  });

  it('auto mode: downloads at once, publishes whole-percent progress, then is ready to install on quit', async () => {
    const fake = fakePort({ kind: 'available', version: '0.2.0' });
    const { updates, states, phases } = controller(fake.port, 'auto');
    const checked = updates.check();
    await flush();
    expect(updates.state()).toMatchObject({ phase: 'downloading', version: '0.2.0', percent: 0 });
    fake.progress({ percent: 10.2, transferred: 1000, total: 10000 });
    fake.progress({ percent: 10.7, transferred: 1070, total: 10000 });
    fake.progress({ percent: 55, transferred: 5500, total: 10000 });
    fake.finish();
    expect(await checked).toEqual({ phase: 'ready', version: '0.2.0' });
    expect(phases()).toEqual(['checking', 'available', 'downloading', 'downloading', 'downloading', 'ready']);
    expect(states[4]).toEqual({
      phase: 'downloading',
      version: '0.2.0',
      percent: 55,
      transferredBytes: 5500,
      totalBytes: 10000,
    });
    expect(updates.pendingInstall()).toBe('0.2.0');
    expect(fake.calls).toEqual(['check', 'download']);
    // Looking again does not disturb a downloaded update.
    expect(await updates.check()).toEqual({ phase: 'ready', version: '0.2.0' });
    expect(fake.calls).toEqual(['check', 'download']);
  });

  it('notify mode: waits for the user before downloading', async () => {
    const fake = fakePort({ kind: 'available', version: '0.2.0' });
    const { updates } = controller(fake.port, 'notify');
    expect(await updates.check()).toEqual({ phase: 'available', version: '0.2.0' });
    expect(fake.calls).toEqual(['check']);
    const downloaded = updates.download();
    fake.finish();
    expect(await downloaded).toEqual({ phase: 'ready', version: '0.2.0' });
    expect(fake.calls).toEqual(['check', 'download']);
  });

  it('does not download when nothing is available', async () => {
    const fake = fakePort({ kind: 'not-available', latestVersion: '0.1.0', stagedOut: false });
    const { updates } = controller(fake.port, 'notify');
    await updates.check();
    expect(await updates.download()).toMatchObject({ phase: 'up-to-date' });
    expect(fake.calls).toEqual(['check']);
  });

  it('policy off: never looks and says why', async () => {
    const fake = fakePort({ kind: 'available', version: '0.2.0' });
    const { timers, advance, pending } = fakeTimers();
    const { updates, states } = controller(fake.port, 'off', timers);
    updates.start();
    advance(24 * 60 * 60_000);
    expect(await updates.check()).toEqual({ phase: 'disabled', reason: 'policy-off' });
    expect(await updates.download()).toEqual({ phase: 'disabled', reason: 'policy-off' });
    expect(fake.calls).toEqual([]);
    expect(states).toEqual([]);
    expect(pending()).toBe(0);
  });

  it('without a feed or in an unpackaged build: disabled with the reason', async () => {
    expect(controller(null, 'auto').updates.state()).toEqual({ phase: 'disabled', reason: 'no-feed' });
    const inactive = controller(fakePort({ kind: 'inactive' }).port, 'auto');
    expect(await inactive.updates.check()).toEqual({ phase: 'disabled', reason: 'unpackaged' });
  });

  it('reports errors as codes and lets a failed download be retried', async () => {
    const offline = controller(fakePort(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })).port, 'auto');
    expect(await offline.updates.check()).toEqual({ phase: 'error', code: 'network', during: 'check' });

    const fake = fakePort({ kind: 'available', version: '0.2.0' });
    const { updates } = controller(fake.port, 'notify');
    await updates.check();
    const first = updates.download();
    fake.fail(
      Object.assign(new Error('sha512 checksum mismatch, expected x, got y'), { code: 'ERR_CHECKSUM_MISMATCH' }),
    );
    expect(await first).toEqual({ phase: 'error', code: 'checksum-mismatch', during: 'download', version: '0.2.0' });
    const second = updates.download();
    fake.finish();
    expect(await second).toEqual({ phase: 'ready', version: '0.2.0' });
  });

  it('maps electron-updater’s errors onto the renderer’s codes', () => {
    const cases: [unknown, string][] = [
      [Object.assign(new Error('x'), { code: 'ERR_UPDATER_INVALID_SIGNATURE' }), 'signature-invalid'],
      [new Error('New version 0.2.0 is not signed by the application owner: publisherNames: X'), 'signature-invalid'],
      [Object.assign(new Error('x'), { code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' }), 'feed-invalid'],
      [Object.assign(new Error('x'), { code: 'HTTP_ERROR_503' }), 'network'],
      [new Error('net::ERR_INTERNET_DISCONNECTED'), 'network'],
      [Object.assign(new Error('x'), { code: 'ENOSPC' }), 'disk-full'],
      ['?', 'unknown'],
    ];
    for (const [error, code] of cases) expect(updateErrorCode(error)).toBe(code);
  });

  it('looks shortly after start and then every few hours', async () => {
    const fake = fakePort({ kind: 'not-available', latestVersion: '0.1.0', stagedOut: false });
    const { timers, advance } = fakeTimers();
    const { updates } = controller(fake.port, 'notify', timers);
    updates.start();
    advance(59_000);
    expect(fake.calls).toEqual([]);
    advance(1_000);
    await flush();
    expect(fake.calls).toEqual(['check']);
    advance(4 * 60 * 60_000);
    await flush();
    expect(fake.calls).toEqual(['check', 'check']);
    updates.stop();
    advance(8 * 60 * 60_000);
    expect(fake.calls).toEqual(['check', 'check']);
  });
});

describe('installing on quit, behind the outbox guard', () => {
  async function readyUpdate() {
    const fake = fakePort({ kind: 'available', version: '0.2.0' });
    const { updates } = controller(fake.port, 'auto');
    const checked = updates.check();
    await flush();
    fake.finish();
    await checked;
    return { fake, updates };
  }

  function setup(windows: number[]) {
    const { timers, advance } = fakeTimers();
    const requests: string[] = [];
    const open = new Set(windows);
    let next = 0;
    const guard = new InstallGuard({
      openWindows: () => [...open],
      requestFlush: (id) => requests.push(id),
      newRequestId: () => `req-${++next}`,
      logger: quiet,
      timers,
      timeoutMs: 20_000,
    });
    return { guard, requests, open, timers, advance };
  }

  it('waits while deliveries are in flight and installs once every window reports a persisted outbox', async () => {
    const { fake, updates } = await readyUpdate();
    const { guard, requests, timers } = setup([1, 2]);
    let quits = 0;
    const flow = createQuitFlow({
      pendingInstall: () => updates.pendingInstall(),
      waitUntilSafe: () => guard.waitUntilSafe(),
      install: () => updates.install(),
      quit: () => (quits += 1),
      logger: quiet,
      timers,
    });
    let prevented = 0;
    flow.onBeforeQuit({ preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
    expect(requests).toEqual(['req-1']);

    guard.report(1, { requestId: 'req-1', inFlight: 0, persisted: true });
    guard.report(2, { requestId: 'req-1', inFlight: 2, persisted: true });
    // A second quit request while waiting is held too, without a second round of questions.
    flow.onBeforeQuit({ preventDefault: () => (prevented += 1) });
    await flush();
    expect(fake.calls).not.toContain('install');
    guard.report(2, { requestId: 'req-0', inFlight: 0, persisted: true }); // an old request: ignored
    guard.report(2, { requestId: 'req-1', inFlight: 0, persisted: false });
    await flush();
    expect(fake.calls).not.toContain('install');

    guard.report(2, { requestId: 'req-1', inFlight: 0, persisted: true });
    await flush();
    expect(fake.calls).toContain('install');
    expect(updates.state()).toEqual({ phase: 'installing', version: '0.2.0' });
    expect(prevented).toBe(2);
    // The installer's own quit passes.
    flow.onBeforeQuit({ preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(2);
    expect(quits).toBe(0);
  });

  it('quits without installing when a window does not confirm in time; the update stays for the next quit', async () => {
    const { fake, updates } = await readyUpdate();
    const { guard, timers, advance } = setup([1]);
    let quits = 0;
    const flow = createQuitFlow({
      pendingInstall: () => updates.pendingInstall(),
      waitUntilSafe: () => guard.waitUntilSafe(),
      install: () => updates.install(),
      quit: () => (quits += 1),
      logger: quiet,
      timers,
    });
    flow.onBeforeQuit({ preventDefault: () => undefined });
    guard.report(1, { requestId: 'req-1', inFlight: 1, persisted: true });
    advance(20_000);
    await flush();
    expect(quits).toBe(1);
    expect(fake.calls).not.toContain('install');
    expect(updates.pendingInstall()).toBe('0.2.0');
  });

  it('stops waiting for a window that closes, and asks no one when no window is open', async () => {
    const { guard } = setup([1, 2]);
    const waiting = guard.waitUntilSafe();
    guard.report(1, { requestId: 'req-1', inFlight: 0, persisted: true });
    guard.windowClosed(2);
    expect(await waiting).toBe('safe');

    const none = setup([]);
    expect(await none.guard.waitUntilSafe()).toBe('safe');
    expect(none.requests).toEqual([]);
  });

  it('waits for main’s own journal writes too', async () => {
    const order: string[] = [];
    const guard = new InstallGuard({
      openWindows: () => [],
      requestFlush: () => undefined,
      flushMain: async () => {
        order.push('journal flushed');
      },
      newRequestId: () => 'req',
      logger: quiet,
    });
    expect(await guard.waitUntilSafe()).toBe('safe');
    expect(order).toEqual(['journal flushed']);
    const failing = new InstallGuard({
      openWindows: () => [],
      requestFlush: () => undefined,
      flushMain: () => Promise.reject(new Error('EIO')),
      newRequestId: () => 'req',
      logger: quiet,
    });
    expect(await failing.waitUntilSafe()).toBe('timeout');
  });

  it('does not hold a quit when nothing is downloaded', () => {
    let prevented = false;
    createQuitFlow({
      pendingInstall: () => null,
      waitUntilSafe: () => Promise.resolve('safe'),
      install: () => true,
      quit: () => undefined,
      logger: quiet,
    }).onBeforeQuit({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
  });
});
