/**
 * The sync engine: schedules the three verbs off the UI thread (it runs in a worker, see
 * worker.ts) — pull the change feed, fetch document bytes, push the outbox. It pulls on start,
 * when the network comes back, on an interval, after delivering local changes (not audit events
 * alone) and on "sync now"; it pushes after each pull and on each local change, once the user
 * has paused for a moment (at once on "sync now", the network back or a new sign-in); each loop
 * backs off on failure and honours Retry-After. What the verbs do lives in pull.ts,
 * content-round.ts and push.ts; the published state in status-publisher.ts, the counts in
 * counts.ts. After documents arrive, their first views are prepared (prepare-round.ts) while
 * neither a pull, a download nor the user needs the machine (quiet.ts).
 */
import type { CacheCipher } from '../data/crypto/cipher.ts';
import type { CacheDb } from '../data/db.ts';
import type { ContentsRepo } from '../data/repos/contents.ts';
import type { OutboxRepo } from '../data/repos/outbox.ts';
import { readState, writeState } from '../data/repos/sync-state.ts';
import { isoNow, systemClock, type Clock } from '../../shared/util/clock.ts';
import type { ApiClient } from '../api/api-client.ts';
import { NetworkError, ServerError, statusError, UnauthorizedError } from '../api/api-errors.ts';
import { backoffDelay, fullJitterDelay } from './backoff.ts';
import { contentRound, type UrgentRequests } from './content-round.ts';
import type { FirstViewDrawer } from '../pdf/first-view-drawer.ts';
import type { OpeningView } from '../pdf/first-view.ts';
import { prepareRound } from './prepare-round.ts';
import type { PrepareOutcome } from './prepare-document.ts';
import { createQuiet, type QuietControl } from './quiet.ts';
import { readCounts, readOutboxCounts } from './counts.ts';
import { pull } from './pull.ts';
import { push, type OutboxStore } from './push.ts';
import { type SyncPhase, type SyncStatus } from './status.ts';
import { StatusPublisher } from './status-publisher.ts';
import type { StorageEstimate, StorageRoom } from './storage-room.ts';
import { Wakeup } from './wakeup.ts';

export type EngineDeps = {
  api: ApiClient;
  db: CacheDb;
  cipher: CacheCipher;
  contents: ContentsRepo;
  outbox: OutboxStore;
  outboxRepo: Pick<OutboxRepo, 'purgeExpired' | 'purgeNotice'>;
  room: StorageRoom;
  publish: (status: SyncStatus) => void;
  isOnline: () => boolean;
  estimate: () => Promise<StorageEstimate>;
  persisted: () => Promise<boolean | null>;
  /** Days an undeliverable entry is kept (policy `outboxRetentionDays`). */
  retentionDays?: number;
  random?: () => number;
  clock?: Clock;
  intervalMs?: number;
  contentConcurrency?: number;
  /**
   * The windows' announcements that the user clicks, pages or types; returns the unsubscribe.
   * Downloads, delivery and preparing first views wait for a pause.
   */
  onUserActivity?: (listener: () => void) => () => void;
  /** Preparing first views of arrived documents; absent: not done here. */
  firstViews?: FirstViewDeps;
};

export type FirstViewDeps = {
  drawer: FirstViewDrawer;
  /** pdf.js's resource folder, absolute. */
  resources: string;
  /** The layout the viewer window last reported. */
  view: () => Promise<OpeningView | null>;
  /** Pause after the user's last activity before work resumes. */
  quietAfterMs?: number;
  onOutcome?: (documentId: string, outcome: PrepareOutcome) => void;
};

export type TriggerReason = 'start' | 'online' | 'interval' | 'local-change' | 'sync-now' | 'token';

const DAY_MS = 86_400_000;

/**
 * Downloads write no chunk, and delivery sends nothing, until the user has paused this long
 * (clicks, keys, scrolling): what the user just asked for is read from the cache without waiting
 * behind them. Each case opened records an audit event; delivered at once, every click would
 * start a request and its bookkeeping while the case view is being read and drawn.
 */
const USER_PAUSE_MS = 400;
/** The longest delivery waits for such a pause. */
const DELIVERY_WAIT_MS = 5000;
/** After delivery rounds, all the status line's counts are read again at most this often. */
const FULL_COUNTS_EVERY_MS = 10_000;

export class SyncEngine {
  private readonly deps: EngineDeps;
  private readonly status: StatusPublisher;
  private readonly metaWakeup = new Wakeup();
  private readonly contentWakeup = new Wakeup();
  private readonly pushWakeup = new Wakeup();
  private readonly prepareWakeup = new Wakeup();
  private readonly quiet: QuietControl;
  private readonly urgent: UrgentRequests = { ids: new Set<string>(), arrived: new Wakeup() };
  private readonly stopper = new AbortController();
  private readonly clock: Clock;
  private pullFailures = 0;
  /** When all counts were last read (see refreshCounts). */
  private countedAllAt = Number.NEGATIVE_INFINITY;
  private pushFailures = 0;
  /** The next delivery round does not wait for the user to pause (see `trigger`). */
  private deliverAtOnce = false;
  /** Ends delivery's wait for the user's pause, while it waits. */
  private endPause: (() => void) | null = null;
  private requests = 0;

  /** The API client, counting requests for the published state. */
  private readonly api: ApiClient;

  constructor(deps: EngineDeps) {
    this.deps = deps;
    this.clock = deps.clock ?? systemClock;
    this.status = new StatusPublisher(deps.publish, () => this.requests);
    this.quiet = createQuiet({
      clock: this.clock,
      ...(deps.firstViews?.quietAfterMs !== undefined ? { quietAfterMs: deps.firstViews.quietAfterMs } : {}),
    });
    const api = deps.api;
    const count = (): void => {
      this.requests++;
    };
    this.api = {
      ...api,
      changes: (...args) => (count(), api.changes(...args)),
      content: (...args) => (count(), api.content(...args)),
      mutations: (...args) => (count(), api.mutations(...args)),
      audit: (...args) => (count(), api.audit(...args)),
      sendLetter: (...args) => (count(), api.sendLetter(...args)),
      letterStatus: (...args) => (count(), api.letterStatus(...args)),
      me: () => (count(), api.me()),
    };
  }

  get current(): SyncStatus {
    return this.status.current;
  }

  trigger(reason: TriggerReason): void {
    if (reason !== 'local-change') this.metaWakeup.fire();
    // Asked for ("Jetzt abgleichen"), the network back, a new sign-in: delivery goes at once.
    if (reason === 'sync-now' || reason === 'online' || reason === 'token') {
      this.deliverAtOnce = true;
      this.endPause?.();
    }
    if (reason !== 'interval') this.pushWakeup.fire();
  }

  /** A document the user is opening: fetched before everything else. */
  requestContent(documentId: string): void {
    this.urgent.ids.add(documentId);
    this.urgent.arrived.fire();
    this.contentWakeup.fire();
  }

  stop(): void {
    this.stopper.abort();
    this.metaWakeup.fire();
    this.contentWakeup.fire();
    this.pushWakeup.fire();
    this.prepareWakeup.fire();
  }

  /** Runs until stopped: pull, content, push and preparing first views side by side. */
  async run(): Promise<void> {
    await this.refreshCounts();
    const stopListening = this.deps.onUserActivity?.(() => this.quiet.activity());
    try {
      await Promise.all([this.metadataLoop(), this.contentLoop(), this.pushLoop(), this.prepareLoop()]);
    } finally {
      stopListening?.();
      this.deps.firstViews?.drawer.close();
    }
  }

  private get stopped(): boolean {
    return this.stopper.signal.aborted;
  }

  private at(): string {
    return isoNow(this.clock);
  }

  private fail(error: unknown, phase: SyncPhase): void {
    this.status.patch({ phase, lastError: statusError(error, this.at()) });
  }

  private get interval(): number {
    return this.deps.intervalMs ?? 60_000;
  }

  private async metadataLoop(): Promise<void> {
    while (!this.stopped) {
      let delay = this.interval;
      if (!this.deps.isOnline()) {
        this.status.patch({ phase: 'offline' });
      } else {
        const release = this.quiet.hold();
        try {
          this.status.patch({ phase: 'pulling', nextAttemptAt: null });
          const result = await pull(this.api, this.deps.db, this.deps.cipher, ({ changes }) =>
            this.status.patch({ progress: { ...this.status.current.progress, changes } }),
          ).finally(release);
          this.pullFailures = 0;
          // Which cases are the user's own and which are held as a substitute, and until when.
          await writeState(this.deps.db, 'assignments', (await this.api.me()).assignments);
          await this.refreshCounts();
          this.status.patch({ phase: 'idle', lastSuccessAt: this.at(), lastError: null });
          if (result.changes > 0 || result.snapshot) this.contentWakeup.fire();
          this.pushWakeup.fire();
        } catch (error) {
          if (error instanceof UnauthorizedError) {
            this.fail(error, 'needs-sign-in');
            delay = DAY_MS; // until a new token arrives (trigger 'token')
          } else {
            this.pullFailures++;
            const retryAfter = error instanceof ServerError ? error.retryAfterMs : undefined;
            delay = backoffDelay(this.pullFailures, this.deps.random ?? Math.random, retryAfter);
            this.fail(error, error instanceof NetworkError ? 'offline' : 'error');
            this.status.patch({ nextAttemptAt: new Date(this.clock() + delay).toISOString() });
          }
        }
      }
      await this.metaWakeup.wait(delay, this.stopper.signal);
    }
  }

  private async contentLoop(): Promise<void> {
    const { deps } = this;
    while (!this.stopped) {
      if (deps.isOnline() && this.status.current.phase !== 'needs-sign-in') {
        const release = this.quiet.hold();
        const result = await contentRound(
          {
            api: this.api,
            db: deps.db,
            cipher: deps.cipher,
            contents: deps.contents,
            room: deps.room,
            concurrency: deps.contentConcurrency ?? 6,
            recentCases: async () => (await readState(deps.db, 'recentCases')) ?? [],
            signal: this.stopper.signal,
            yieldToUser: (signal) => this.quiet.userPaused(USER_PAUSE_MS, signal),
            userHasPaused: () => this.quiet.hasPaused(USER_PAUSE_MS),
          },
          this.urgent,
          (progress, started) =>
            this.status.patch(
              started
                ? { phase: 'fetching', progress: { ...this.status.current.progress, ...progress } }
                : { progress: { ...this.status.current.progress, ...progress } },
            ),
          (error) => this.fail(error, 'error'),
        ).finally(release);
        // Documents that arrived get their first views prepared while the line is idle.
        this.prepareWakeup.fire();
        await this.refreshCounts();
        if (result.status === 'halted') {
          const { error } = result;
          this.fail(
            error,
            error instanceof NetworkError ? 'offline' : error instanceof UnauthorizedError ? 'needs-sign-in' : 'error',
          );
          if (error instanceof NetworkError) this.metaWakeup.fire(); // let the metadata loop back off
        } else if (this.status.current.phase === 'fetching') {
          this.status.patch({ phase: 'idle' });
        }
      }
      await this.contentWakeup.wait(this.interval, this.stopper.signal);
    }
  }

  /** Prepares first views of arrived documents, one at a time, whenever the machine is quiet. */
  private async prepareLoop(): Promise<void> {
    const firstViews = this.deps.firstViews;
    if (!firstViews) return;
    while (!this.stopped) {
      try {
        const { prepared } = await prepareRound({
          db: this.deps.db,
          contents: this.deps.contents,
          drawer: firstViews.drawer,
          view: firstViews.view,
          resources: firstViews.resources,
          quiet: this.quiet,
          room: this.deps.room,
          signal: this.stopper.signal,
          ...(firstViews.onOutcome ? { onOutcome: firstViews.onOutcome } : {}),
        });
        // What the first views keep beside a document counts in the bytes on the device.
        if (prepared > 0) await this.refreshCounts();
      } catch {
        // A database that cannot be read just now: the next round tries again; nothing waits for it.
      }
      await this.prepareWakeup.wait(this.interval, this.stopper.signal);
    }
  }

  private async pushLoop(): Promise<void> {
    const { deps } = this;
    while (!this.stopped) {
      let delay = this.interval;
      if (deps.isOnline() && this.status.current.push.state !== 'needs-sign-in') {
        if (!this.deliverAtOnce) {
          // At most DELIVERY_WAIT_MS, so that a user who scrolls or types without a break still
          // gets changes and audit events delivered; ended early when delivery is asked for.
          const asked = new AbortController();
          this.endPause = () => asked.abort();
          const signal = AbortSignal.any([this.stopper.signal, asked.signal, AbortSignal.timeout(DELIVERY_WAIT_MS)]);
          await this.quiet.userPaused(USER_PAUSE_MS, signal);
          this.endPause = null;
        }
        this.deliverAtOnce = false;
        if (this.stopped) break;
        this.status.patch({ push: { ...this.status.current.push, state: 'sending' } });
        try {
          await deps.outboxRepo.purgeExpired(deps.retentionDays ?? 30);
          const outcome = await push(deps.outbox, this.api, { signal: this.stopper.signal });
          // What the service made of the changes (a misfiled scan taken out, a letter's status)
          // arrives with the next pull: pull now rather than at the next interval, also when the
          // round ended in a failure after them. Audit events change nothing there: a case worker
          // clicking through cases, each view recorded, does not make the sync pull every time.
          if (outcome.changes > 0) this.metaWakeup.fire();
          if (outcome.status === 'done') {
            this.pushFailures = 0;
            this.status.patch({
              push: { state: 'idle', nextAttemptAt: null, lastError: null },
              // The service answered: an outage that only delivery had noticed is over.
              ...(this.status.current.phase === 'offline' && outcome.delivered > 0 ? { phase: 'idle' as const } : {}),
            });
          } else if (outcome.status === 'unauthorized') {
            this.status.patch({
              phase: 'needs-sign-in',
              push: { state: 'needs-sign-in', nextAttemptAt: null, lastError: { code: 'unauthorized', at: this.at() } },
            });
            delay = DAY_MS; // until a new token arrives
          } else {
            this.pushFailures++;
            delay = fullJitterDelay(this.pushFailures, deps.random ?? Math.random, outcome.retryAfterMs);
            // Delivery meets an outage before the next pull would: the user is told at once.
            if (outcome.error.code === 'network')
              this.status.patch({ phase: 'offline', lastError: { ...outcome.error, at: this.at() } });
            this.status.patch({
              push: {
                state: 'waiting',
                nextAttemptAt: new Date(this.clock() + delay).toISOString(),
                lastError: { ...outcome.error, at: this.at() },
              },
            });
          }
        } catch (error) {
          this.pushFailures++;
          delay = fullJitterDelay(this.pushFailures, deps.random ?? Math.random);
          this.status.patch({
            push: {
              state: 'waiting',
              nextAttemptAt: new Date(this.clock() + delay).toISOString(),
              lastError: statusError(error, this.at()),
            },
          });
        }
        await this.refreshCounts('outbox');
      }
      const fired = await this.pushWakeup.wait(delay, this.stopper.signal);
      // A new token ends the pause that an expired one began.
      if (fired && this.status.current.push.state === 'needs-sign-in')
        this.status.patch({ push: { state: 'idle', nextAttemptAt: null, lastError: null } });
    }
  }

  /**
   * The status line's counts: all of them, or after a delivery round only the outbox's (see
   * readOutboxCounts) — all of them again, though, once the last full count is ten seconds old,
   * so that what the windows changed themselves (a document opened keeps its view index beside
   * it; a file that does not open is dropped) shows soon.
   */
  private async refreshCounts(which: 'all' | 'outbox' = 'all'): Promise<void> {
    const purgeNotice = this.deps.outboxRepo.purgeNotice(this.deps.retentionDays ?? 30);
    if (which === 'outbox' && this.clock() - this.countedAllAt < FULL_COUNTS_EVERY_MS) {
      const [outbox, notice] = await Promise.all([readOutboxCounts(this.deps.db), purgeNotice]);
      this.status.patch({ counts: { ...this.status.current.counts, ...outbox }, purgeNotice: notice });
      return;
    }
    this.countedAllAt = this.clock();
    const [counts, notice] = await Promise.all([readCounts(this.deps), purgeNotice]);
    this.status.patch({ ...counts, purgeNotice: notice });
  }
}
