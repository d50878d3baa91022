/**
 * Page drawing, one job at a time in order of urgency: the page in view first, then its
 * neighbours, then thumbnails. Pages that scroll away before their turn are simply dropped.
 */
import type { RenderJob } from '../../pdf/index.ts';

export type RenderOutcome = 'drawn' | 'cancelled' | 'failed';

type Entry = { key: string; priority: () => number; start: () => RenderJob; settle: (outcome: RenderOutcome) => void };

export class RenderQueue {
  readonly #waiting = new Map<string, Entry>();
  readonly #running = new Map<string, RenderJob>();
  readonly #cancelled = new WeakSet<RenderJob>();
  readonly #concurrency: number;

  constructor(concurrency = 1) {
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
      this.#cancelled.add(running);
      running.cancel();
    }
  }

  clear(): void {
    for (const key of [...this.#waiting.keys(), ...this.#running.keys()]) this.cancel(key);
  }

  #pump(): void {
    while (this.#running.size < this.#concurrency && this.#waiting.size > 0) {
      let best: Entry | null = null;
      let bestPriority = Infinity;
      for (const entry of this.#waiting.values()) {
        const p = entry.priority();
        if (p < bestPriority) {
          best = entry;
          bestPriority = p;
        }
      }
      if (!best) return;
      const entry = best;
      this.#waiting.delete(entry.key);
      let job: RenderJob;
      try {
        job = entry.start();
      } catch {
        entry.settle('failed');
        continue;
      }
      this.#running.set(entry.key, job);
      job.done.then(
        () => entry.settle('drawn'),
        () => entry.settle(this.#cancelled.has(job) ? 'cancelled' : 'failed'),
      );
      void job.done
        .catch(() => undefined)
        .finally(() => {
          if (this.#running.get(entry.key) === job) this.#running.delete(entry.key);
          this.#pump();
        });
    }
  }
}
