/** Exponential backoff with jitter for failed sync rounds; a server's Retry-After wins when longer. */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

export function backoffDelay(failures: number, random: () => number, retryAfterMs?: number): number {
  const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  // "Equal jitter": at least half the delay, so clients that failed together do not return together.
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, BACKOFF_MAX_MS * 2));
}

/**
 * "Full jitter" for delivering the outbox: anywhere between zero and the exponential delay, so
 * that the desks of a branch office that lost the line together do not all retry together; a
 * server's Retry-After is honoured when it is longer.
 */
export function fullJitterDelay(failures: number, random: () => number, retryAfterMs?: number): number {
  const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.max(random() * exponential, Math.min(retryAfterMs ?? 0, BACKOFF_MAX_MS * 2));
}
