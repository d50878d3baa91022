/**
 * Slows down password guessing along both axes an attacker can spread over: failures are counted
 * per username (across all addresses, so a botnet cannot guess one account from many machines)
 * and per client address (across all usernames, so one machine cannot try one password on many
 * accounts). Reaching the limit locks that key; each further lockout of the same key lasts twice
 * as long as the one before, up to a ceiling. While locked, attempts are refused without even
 * checking the password.
 *
 * Kept in memory on purpose: a restart forgetting it is acceptable for lockouts of minutes.
 */
import { isIPv6 } from 'node:net';

export type ThrottleOptions = {
  /** Failures of one username (from anywhere) within `windowMs` that lock the username. */
  readonly maxFailuresPerUser: number;
  /**
   * Failures from one address (for any usernames) within `windowMs` that lock the address. Higher
   * than the per-user limit: a branch office's colleagues may share one address behind its router.
   */
  readonly maxFailuresPerAddress: number;
  readonly windowMs: number;
  /** The first lockout of a key; every further one doubles, up to `maxLockoutMs`. */
  readonly lockoutMs: number;
  readonly maxLockoutMs: number;
  /** A key without a failure for this long starts over at the first lockout. */
  readonly forgetAfterMs: number;
};

type Entry = { failures: number; windowStart: number; lockouts: number; lockedUntil: number; lastFailure: number };

/** What a sign-in attempt identifies itself by. */
export type LoginAttempt = { readonly username: string; readonly address: string };

const MAX_ENTRIES = 10_000;

export class LoginThrottle {
  readonly #entries = new Map<string, Entry>();
  readonly #options: ThrottleOptions;

  constructor(options: ThrottleOptions) {
    this.#options = options;
  }

  /** Milliseconds until an attempt is allowed; 0 when it is allowed now. */
  retryAfterMs(attempt: LoginAttempt, now: number): number {
    return Math.max(0, ...this.#keys(attempt).map(({ key }) => (this.#entries.get(key)?.lockedUntil ?? 0) - now));
  }

  failed(attempt: LoginAttempt, now: number): void {
    for (const { key, limit } of this.#keys(attempt)) this.#fail(key, limit, now);
    this.#prune(now);
  }

  /**
   * The username's count starts over. The address's does not: otherwise whoever holds one valid
   * account could sign in to it between guesses at others and never be locked.
   */
  succeeded(attempt: LoginAttempt): void {
    this.#entries.delete(userKey(attempt.username));
  }

  #keys(attempt: LoginAttempt): { key: string; limit: number }[] {
    return [
      { key: userKey(attempt.username), limit: this.#options.maxFailuresPerUser },
      { key: `address|${addressScope(attempt.address)}`, limit: this.#options.maxFailuresPerAddress },
    ];
  }

  #fail(key: string, limit: number, now: number): void {
    const { windowMs, lockoutMs, maxLockoutMs, forgetAfterMs } = this.#options;
    let entry = this.#entries.get(key);
    if (!entry || now - entry.lastFailure > forgetAfterMs) {
      entry = { failures: 0, windowStart: now, lockouts: 0, lockedUntil: 0, lastFailure: now };
      this.#entries.set(key, entry);
    }
    if (now - entry.windowStart > windowMs) {
      entry.failures = 0;
      entry.windowStart = now;
    }
    entry.failures += 1;
    entry.lastFailure = now;
    if (entry.failures >= limit) {
      entry.lockouts += 1;
      entry.lockedUntil = now + Math.min(maxLockoutMs, lockoutMs * 2 ** Math.min(entry.lockouts - 1, 30));
      // The next lockout needs a full set of failures again, but lasts longer.
      entry.failures = 0;
      entry.windowStart = now;
    }
  }

  #prune(now: number): void {
    if (this.#entries.size < MAX_ENTRIES) return;
    for (const [key, entry] of this.#entries) {
      const quiet = now - entry.lastFailure > Math.min(this.#options.windowMs, this.#options.forgetAfterMs);
      if (quiet && entry.lockedUntil <= now) this.#entries.delete(key);
    }
  }
}

const userKey = (username: string) => `user|${username.normalize('NFC').toLowerCase()}`;

/**
 * The unit an address is counted in: an IPv4 address as it is (IPv4-mapped IPv6 included), an
 * IPv6 address by its /64 network, because one machine usually has a whole /64 to pick from.
 */
export function addressScope(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::', 2);
  const left = head === '' ? [] : head.split(':');
  const right = address.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
