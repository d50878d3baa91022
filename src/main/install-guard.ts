/**
 * The guard an update install waits for: never while outbox deliveries are in flight, only after
 * the outbox is persisted. The protocol, in full:
 *
 * 1. Main sends `outbox:flushRequest {requestId}` to every open window.
 * 2. Each window stops starting deliveries, lets those in flight end (or abort), makes sure every
 *    outbox entry is in IndexedDB and the journal, and answers `outbox:report {requestId,
 *    inFlight, persisted}`. It may answer more than once (`inFlight: 2`, later `inFlight: 0`);
 *    the last answer counts. A window without a sync engine answers `{inFlight: 0, persisted: true}`.
 * 3. The guard is satisfied when every window open at the request, and still open, has answered
 *    this requestId with `inFlight: 0, persisted: true`, and main's own pending journal writes
 *    are flushed. A window that closes meanwhile no longer counts: its requests ended with it,
 *    and its outbox entries were written before they were sent.
 * 4. Without that within the timeout, the answer is "timeout": the app quits without installing
 *    and the downloaded update installs at the next quit.
 */
import type { OutboxReport } from '../shared/updates/update-state.ts';
import type { Logger } from './logger.ts';
import { realTimers, type Timers } from './timers.ts';

export type InstallGuardOptions = {
  /** webContents ids of the app's open windows. */
  readonly openWindows: () => readonly number[];
  /** Sends `outbox:flushRequest` to every open window. */
  readonly requestFlush: (requestId: string) => void;
  /** Main's own pending journal writes, flushed to disk (the outbox journal lives in main). */
  readonly flushMain?: () => Promise<void>;
  readonly newRequestId: () => string;
  readonly logger: Logger;
  readonly timeoutMs?: number;
  readonly timers?: Timers;
};

export type GuardOutcome = 'safe' | 'timeout';

type Pending = {
  readonly requestId: string;
  readonly expected: Set<number>;
  readonly answers: Map<number, OutboxReport>;
  readonly resolve: (outcome: GuardOutcome) => void;
};

export class InstallGuard {
  private pending: Pending | null = null;
  private readonly options: InstallGuardOptions;

  constructor(options: InstallGuardOptions) {
    this.options = options;
  }

  /** A window's `outbox:report`; reports for another (older) request are ignored. */
  report(senderId: number, report: OutboxReport): void {
    const pending = this.pending;
    if (!pending || report.requestId !== pending.requestId || !pending.expected.has(senderId)) return;
    pending.answers.set(senderId, report);
    this.evaluate();
  }

  /** Call when a window closed, so the guard stops waiting for it. */
  windowClosed(senderId: number): void {
    if (!this.pending?.expected.delete(senderId)) return;
    this.evaluate();
  }

  async waitUntilSafe(): Promise<GuardOutcome> {
    const windowsSafe = await this.askWindows();
    if (windowsSafe === 'timeout') return 'timeout';
    try {
      await (this.options.flushMain?.() ?? Promise.resolve());
    } catch (error) {
      this.options.logger.error('flushing the outbox journal failed; the update waits', {
        code: error instanceof Error ? error.name : 'unknown',
      });
      return 'timeout';
    }
    return 'safe';
  }

  private askWindows(): Promise<GuardOutcome> {
    if (this.pending) return Promise.resolve('timeout');
    const requestId = this.options.newRequestId();
    const expected = new Set(this.options.openWindows());
    if (expected.size === 0) return Promise.resolve('safe');
    return new Promise<GuardOutcome>((resolve) => {
      const timer = (this.options.timers ?? realTimers).setTimeout(() => {
        this.options.logger.warn('windows did not confirm a persisted outbox in time; the update waits', {
          waiting: this.pending?.expected.size ?? 0,
        });
        finish('timeout');
      }, this.options.timeoutMs ?? 20_000);
      const finish = (outcome: GuardOutcome): void => {
        timer.cancel();
        this.pending = null;
        resolve(outcome);
      };
      this.pending = { requestId, expected, answers: new Map(), resolve: finish };
      this.options.requestFlush(requestId);
    });
  }

  private evaluate(): void {
    const pending = this.pending;
    if (!pending) return;
    for (const id of pending.expected) {
      const answer = pending.answers.get(id);
      if (!answer || answer.inFlight > 0 || !answer.persisted) return;
    }
    pending.resolve('safe');
  }
}
