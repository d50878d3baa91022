/**
 * Slows down password guessing: after `maxFailures` failed logins for one username from one
 * address within the window, further attempts are refused with 429 until the lockout ends.
 * Kept in memory on purpose: a restart forgetting it is acceptable for a lockout of minutes.
 */
export type ThrottleOptions = { maxFailures: number; windowMs: number; lockoutMs: number };

type Entry = { failures: number; windowStart: number; lockedUntil: number };

export class LoginThrottle {
  readonly #entries = new Map<string, Entry>();
  readonly #options: ThrottleOptions;

  constructor(options: ThrottleOptions) {
    this.#options = options;
  }

  /** Milliseconds until the next attempt is allowed; 0 when it is allowed now. */
  retryAfterMs(key: string, now: number): number {
    const entry = this.#entries.get(key);
    return entry && entry.lockedUntil > now ? entry.lockedUntil - now : 0;
  }

  failed(key: string, now: number): void {
    const entry = this.#entries.get(key);
    if (!entry || now - entry.windowStart > this.#options.windowMs) {
      this.#entries.set(key, { failures: 1, windowStart: now, lockedUntil: 0 });
      this.#prune(now);
      return;
    }
    entry.failures += 1;
    if (entry.failures >= this.#options.maxFailures) entry.lockedUntil = now + this.#options.lockoutMs;
  }

  succeeded(key: string): void {
    this.#entries.delete(key);
  }

  #prune(now: number): void {
    if (this.#entries.size < 10_000) return;
    for (const [key, entry] of this.#entries) {
      if (now - entry.windowStart > this.#options.windowMs && entry.lockedUntil <= now) this.#entries.delete(key);
    }
  }
}
