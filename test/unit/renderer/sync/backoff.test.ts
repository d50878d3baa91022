import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay } from '../../../../src/renderer/sync/backoff.ts';
import { Wakeup } from '../../../../src/renderer/sync/wakeup.ts';

describe('backoff', () => {
  it('doubles per failure with jitter between half and the full delay, up to a ceiling', () => {
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 1)).toBe(1_000);
    expect(backoffDelay(4, () => 1)).toBe(8_000);
    expect(backoffDelay(4, () => 0)).toBe(4_000);
    expect(backoffDelay(30, () => 1)).toBe(BACKOFF_MAX_MS);
  });
  it('honours a longer Retry-After', () => {
    expect(backoffDelay(1, () => 0, 30_000)).toBe(30_000);
    expect(backoffDelay(5, () => 1, 100)).toBe(16_000);
  });
});

describe('wakeup', () => {
  it('ends a wait when fired, and remembers a fire that came before the wait', async () => {
    const w = new Wakeup();
    const waiting = w.wait(10_000);
    w.fire();
    await expect(waiting).resolves.toBe(true);
    w.fire();
    await expect(w.wait(10_000)).resolves.toBe(true);
    await expect(w.wait(5)).resolves.toBe(false);
  });
  it('ends a wait on abort', async () => {
    const w = new Wakeup();
    const stop = new AbortController();
    const waiting = w.wait(10_000, stop.signal);
    stop.abort();
    await expect(waiting).resolves.toBe(false);
  });
  it('does not sleep when the signal was aborted before the wait began', async () => {
    const w = new Wakeup();
    const stop = new AbortController();
    stop.abort();
    const began = Date.now();
    await expect(w.wait(10_000, stop.signal)).resolves.toBe(false);
    expect(Date.now() - began).toBeLessThan(1_000);
  });
});
