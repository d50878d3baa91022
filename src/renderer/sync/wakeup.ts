/** A sleep that a trigger can cut short: the engine's loops wait on one of these. */
export class Wakeup {
  private pending = false;
  private wake: (() => void) | null = null;

  /** Ends the current or the next wait at once. */
  fire(): void {
    this.pending = true;
    this.wake?.();
  }

  /** Waits until fired, aborted or `ms` have passed; true when fired. */
  wait(ms: number, signal?: AbortSignal): Promise<boolean> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    // An abort before the wait sends no event: without this the wait would sleep its whole time.
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (fired: boolean): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.wake = null;
        this.pending = false;
        resolve(fired);
      };
      const onAbort = (): void => done(false);
      const timer = setTimeout(() => done(false), ms);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.wake = () => done(true);
    });
  }
}
