/**
 * Time, the one way the code reads it: a clock answers milliseconds since the epoch. Everything
 * that needs "now" takes a Clock, so that tests can move time (a substitution ending, a backoff
 * elapsing, a retention period running out) without waiting for it.
 */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** The clock's time as an ISO 8601 timestamp, as the REST contract writes it. */
export function isoNow(clock: Clock): string {
  return new Date(clock()).toISOString();
}
