/**
 * Page drawing in order of urgency: the page in view first, then its neighbours. Two page jobs
 * run at once, so that pdf.js decodes the next page's scan in its worker while this thread draws
 * the current one. Background jobs (thumbnails, priority ≥ BACKGROUND) start only when no page is
 * waiting and paging has paused, because each one costs a full decode of its page's scan. Jobs
 * for pages that scroll away before their turn are simply dropped.
 */
import type { RenderJob } from '../../pdf/index.ts';

export type RenderOutcome = 'drawn' | 'cancelled' | 'failed';

export const BACKGROUND = 1000;
/** Quiet time after the last page job before background work starts. */
const BACKGROUND_DELAY_MS = 300;

type Entry = { key: string; priority: () => number; start: () => RenderJob; settle: (outcome: RenderOutcome) => void };

export class RenderQueue {
  readonly #waiting = new Map<string, Entry>();
  readonly #running = new Map<string, { job: RenderJob; background: boolean }>();
  readonly #cancelled = new WeakSet<RenderJob>();
  readonly #concurrency: number;
  #lastForeground = 0;
  #wakeUp: ReturnType<typeof setTimeout> | undefined;

  constructor(concurrency = 2) {
    this.#concurrency = concurrency;
  }

  /** Queues a job (replacing one under the same key) and tells how it ended. */
  request(key: string, priority: () => number, start: () => RenderJob): Promise<RenderOutcome> {
    this.cancel(key);
    return new Promise<RenderOutcome>((resolve) => {
      this.#waiting.set(key, { key, priority, start, settle: resolve });
      queueMicrotask(() => this.#pump());
    });
  }

  cancel(key: string): void {
    const waiting = this.#waiting.get(key);
    if (waiting) {
      this.#waiting.delete(key);
      waiting.settle('cancelled');
    }
    const running = this.#running.get(key);
    if (running) {
      this.#cancelled.add(running.job);
      running.job.cancel();
    }
  }

  clear(): void {
    clearTimeout(this.#wakeUp);
    for (const key of [...this.#waiting.keys(), ...this.#running.keys()]) this.cancel(key);
  }

  #next(): Entry | null {
    let best: Entry | null = null;
    let bestPriority = Infinity;
    for (const entry of this.#waiting.values()) {
      const p = entry.priority();
      if (p < bestPriority) {
        best = entry;
        bestPriority = p;
      }
    }
    if (!best || bestPriority < BACKGROUND) return best;
    // Background work: one at a time, only when pages are idle.
    const busy = [...this.#running.values()].length > 0;
    const quietFor = performance.now() - this.#lastForeground;
    if (busy) return null;
    if (quietFor < BACKGROUND_DELAY_MS) {
      clearTimeout(this.#wakeUp);
      this.#wakeUp = setTimeout(() => this.#pump(), BACKGROUND_DELAY_MS - quietFor);
      return null;
    }
    return best;
  }

  #pump(): void {
    while (this.#running.size < this.#concurrency && this.#waiting.size > 0) {
      const entry = this.#next();
      if (!entry) return;
      this.#waiting.delete(entry.key);
      const background = entry.priority() >= BACKGROUND;
      if (!background) this.#lastForeground = performance.now();
      let job: RenderJob;
      try {
        job = entry.start();
      } catch {
        entry.settle('failed');
        continue;
      }
      this.#running.set(entry.key, { job, background });
      job.done.then(
        () => entry.settle('drawn'),
        () => entry.settle(this.#cancelled.has(job) ? 'cancelled' : 'failed'),
      );
      void job.done
        .catch(() => undefined)
        .finally(() => {
          if (this.#running.get(entry.key)?.job === job) this.#running.delete(entry.key);
          if (!background) this.#lastForeground = performance.now();
          this.#pump();
        });
      if (background) return;
    }
  }
}
