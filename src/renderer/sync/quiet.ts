/**
 * When background work that nobody waits for (preparing first views) may use the machine: not
 * while a pull or a download runs, and not while the user pages or types (the windows announce
 * that on the activity channel), until they have paused for a moment. Work in progress is told
 * as soon as the machine is needed again, so that it can stop.
 */
import { systemClock } from '../../shared/util/clock.ts';

export type Quiet = {
  /** Whether nothing else needs the machine now. */
  isQuiet(): boolean;
  /** Resolves once it is quiet (or the signal aborts). */
  until(signal: AbortSignal): Promise<void>;
  /**
   * Resolves once the user has not clicked, typed or scrolled for `ms` (at once when they have
   * not): downloads write their next chunk and delivery sends in the gaps, so that what the user
   * just asked for is read from the cache without waiting behind them.
   */
  userPaused(ms: number, signal: AbortSignal): Promise<void>;
  /** Whether the user has not clicked, typed or scrolled for `ms`, now. */
  hasPaused(ms: number): boolean;
  /** Called as soon as something needs the machine again; returns the unsubscribe. */
  onBusy(listener: () => void): () => void;
};

export type QuietControl = Quiet & {
  /** The user paged, scrolled or typed just now. */
  activity(): void;
  /** The engine works (a pull, a round of downloads) until the returned function is called. */
  hold(): () => void;
};

/** How long the user must have paused before background work resumes. */
export const QUIET_AFTER_MS = 2000;

export function createQuiet({ clock = systemClock, quietAfterMs = QUIET_AFTER_MS } = {}): QuietControl {
  let holds = 0;
  let lastActivity = Number.NEGATIVE_INFINITY;
  const listeners = new Set<() => void>();
  const busy = (): void => {
    for (const listener of [...listeners]) listener();
  };
  const isQuiet = (): boolean => holds === 0 && clock() - lastActivity >= quietAfterMs;

  return {
    isQuiet,
    async until(signal) {
      while (!signal.aborted && !isQuiet()) {
        const wait = holds > 0 ? 200 : Math.max(10, lastActivity + quietAfterMs - clock());
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, wait);
          function done(): void {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
          }
          signal.addEventListener('abort', done, { once: true });
        });
      }
    },
    async userPaused(ms, signal) {
      for (let wait = lastActivity + ms - clock(); wait > 0 && !signal.aborted; wait = lastActivity + ms - clock())
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, wait);
          function done(): void {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
          }
          signal.addEventListener('abort', done, { once: true });
        });
    },
    hasPaused: (ms) => clock() - lastActivity >= ms,
    onBusy(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    activity() {
      lastActivity = clock();
      busy();
    },
    hold() {
      holds++;
      busy();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
      };
    },
  };
}
