/**
 * Holds the engine's state and tells the windows about it: a change of phase, error or counts goes
 * out at once; pure progress at most every quarter second, so that the windows' UI threads are
 * not kept busy by it.
 */
import type { SyncStatus } from './status.ts';
import { initialStatus } from './status.ts';

export class StatusPublisher {
  private status: SyncStatus = initialStatus();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly send: (status: SyncStatus) => void;
  private readonly requests: () => number;

  constructor(send: (status: SyncStatus) => void, requests: () => number) {
    this.send = send;
    this.requests = requests;
  }

  get current(): SyncStatus {
    return this.status;
  }

  patch(patch: Partial<SyncStatus>): void {
    const before = this.status;
    this.status = { ...this.status, ...patch, requests: this.requests() };
    const onlyProgress = Object.keys(patch).every((k) => k === 'progress');
    if (!onlyProgress || before.phase !== this.status.phase) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.send(this.status);
    } else {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.send(this.status);
      }, 250);
    }
  }
}
