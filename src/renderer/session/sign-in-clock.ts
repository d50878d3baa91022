/**
 * The sign-in clock of a keyring entry, and what it allows offline. Offline, only the device's
 * own clock tells the time, so it is checked against what this device has seen before: the time
 * of the last online sign-in (the service's time where its answer says it, the `Date` header) and
 * the latest time ever seen — at every sign-in and while a session runs. A clock set back before
 * that is caught, and offline sign-in then needs the network once; an online sign-in sets the
 * clock anew. Pure, so it is tested in Node.
 */
export type SignInClock = {
  /** Epoch ms of the last online sign-in, the service's time where known. */
  readonly lastOnlineSignInAt: number;
  /** Epoch ms, the latest time this device has seen for this user; never goes back. */
  readonly latestSeenAt: number;
};

/** Clocks drift and are corrected by a few seconds or minutes; that is not "set back". */
export const CLOCK_TOLERANCE_MS = 10 * 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The clock after an online sign-in at local time `now`. With the service's time the clock is
 * anchored to it (so a local clock set back before signing in cannot lengthen the offline period
 * either); without it the latest time seen is kept.
 */
export function afterOnlineSignIn(previous: SignInClock | null, now: number, serverTime?: number): SignInClock {
  if (serverTime !== undefined && Number.isFinite(serverTime))
    return { lastOnlineSignInAt: serverTime, latestSeenAt: Math.max(serverTime, now) };
  return { lastOnlineSignInAt: now, latestSeenAt: Math.max(previous?.latestSeenAt ?? 0, now) };
}

/** The clock having seen local time `now` (a sign-in, or a running session). */
export function observed(clock: SignInClock, now: number): SignInClock {
  return now > clock.latestSeenAt ? { ...clock, latestSeenAt: now } : clock;
}

export type OfflineVerdict = 'allowed' | 'expired' | 'clock-back';

export function offlineVerdict(clock: SignInClock, now: number, maxOfflineDays: number): OfflineVerdict {
  if (now < Math.max(clock.latestSeenAt, clock.lastOnlineSignInAt) - CLOCK_TOLERANCE_MS) return 'clock-back';
  if (now - clock.lastOnlineSignInAt > maxOfflineDays * DAY_MS) return 'expired';
  return 'allowed';
}
