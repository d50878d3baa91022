/** The sign-in clock: what an offline sign-in is allowed, and that setting the clock back gains nothing. */
import { describe, expect, it } from 'vitest';
import {
  afterOnlineSignIn,
  CLOCK_TOLERANCE_MS,
  observed,
  offlineVerdict,
} from '../../../../src/renderer/session/sign-in-clock.ts';

const DAY = 86_400_000;
const T = Date.parse('2025-06-02T08:00:00Z');

describe('sign-in clock', () => {
  it('allows offline sign-in within the days since the last online sign-in, not after', () => {
    const clock = afterOnlineSignIn(null, T);
    expect(offlineVerdict(clock, T + 13 * DAY, 14)).toBe('allowed');
    expect(offlineVerdict(clock, T + 14 * DAY + 1, 14)).toBe('expired');
  });

  it('catches a clock set back before the latest time seen, but not a correction of a few minutes', () => {
    const clock = observed(afterOnlineSignIn(null, T), T + 5 * DAY);
    expect(offlineVerdict(clock, T + 5 * DAY - CLOCK_TOLERANCE_MS / 2, 14)).toBe('allowed');
    expect(offlineVerdict(clock, T + 2 * DAY, 14)).toBe('clock-back');
    expect(offlineVerdict(clock, T - DAY, 14)).toBe('clock-back');
  });

  it('never lets the latest time seen go back', () => {
    const clock = observed(afterOnlineSignIn(null, T), T + 5 * DAY);
    expect(observed(clock, T + DAY)).toBe(clock);
    expect(observed(clock, T + 6 * DAY).latestSeenAt).toBe(T + 6 * DAY);
  });

  it("anchors to the service's time when it is known, so a local clock set back before signing in gains nothing", () => {
    const local = T - 30 * DAY;
    const clock = afterOnlineSignIn(null, local, T);
    expect(clock).toEqual({ lastOnlineSignInAt: T, latestSeenAt: T });
    expect(offlineVerdict(clock, local + DAY, 14)).toBe('clock-back');
    // A local clock ahead of the service is kept as seen: correcting it later needs the network once.
    expect(afterOnlineSignIn(null, T + DAY, T).latestSeenAt).toBe(T + DAY);
  });

  it('without the service time keeps the latest time seen across online sign-ins', () => {
    const seen = observed(afterOnlineSignIn(null, T), T + 3 * DAY);
    const again = afterOnlineSignIn(seen, T + DAY);
    expect(again).toEqual({ lastOnlineSignInAt: T + DAY, latestSeenAt: T + 3 * DAY });
  });
});
