/** When background work may use the machine: not during a pull or download, not while the user is busy. */
import { expect, it } from 'vitest';
import { createQuiet } from '../../../../src/renderer/sync/quiet.ts';

it('is quiet only without holds and after the user paused, and tells work in progress at once', async () => {
  let now = 1_000_000;
  const quiet = createQuiet({ clock: () => now, quietAfterMs: 2000 });
  expect(quiet.isQuiet()).toBe(true);
  let interrupted = 0;
  const stop = quiet.onBusy(() => interrupted++);

  const release = quiet.hold();
  expect(quiet.isQuiet()).toBe(false);
  expect(interrupted).toBe(1);
  release();
  release(); // twice is once
  expect(quiet.isQuiet()).toBe(true);

  quiet.activity();
  expect(interrupted).toBe(2);
  expect(quiet.isQuiet()).toBe(false);
  now += 1999;
  expect(quiet.isQuiet()).toBe(false);
  now += 1;
  expect(quiet.isQuiet()).toBe(true);
  stop();
  quiet.activity();
  expect(interrupted).toBe(2);
});

it('waits until it is quiet, or until the wait is given up', async () => {
  const quiet = createQuiet({ quietAfterMs: 60 });
  quiet.activity();
  const started = Date.now();
  await quiet.until(new AbortController().signal);
  expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  expect(quiet.isQuiet()).toBe(true);

  const release = quiet.hold();
  const abort = new AbortController();
  setTimeout(() => abort.abort(), 30);
  await quiet.until(abort.signal);
  expect(quiet.isQuiet()).toBe(false);
  release();
});

it('lets a download go on at once when the user is idle, and after their pause when they are busy, holds or not', async () => {
  const quiet = createQuiet({ quietAfterMs: 5000 });
  const signal = new AbortController().signal;
  let started = Date.now();
  await quiet.userPaused(80, signal);
  expect(Date.now() - started).toBeLessThan(40);

  // The download's own hold does not make it wait for itself.
  const release = quiet.hold();
  quiet.activity();
  started = Date.now();
  await quiet.userPaused(80, signal);
  expect(Date.now() - started).toBeGreaterThanOrEqual(70);
  release();

  const abort = new AbortController();
  quiet.activity();
  setTimeout(() => abort.abort(), 10);
  started = Date.now();
  await quiet.userPaused(10_000, abort.signal);
  expect(Date.now() - started).toBeLessThan(1000);
});
