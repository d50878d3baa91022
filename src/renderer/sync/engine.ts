/**
 * The sync engine: pulls the change feed and prefetches document bytes, off the UI thread (it runs
 * in a worker, see worker.ts). It syncs on start, when the network comes back, on an interval,
 * after a local change and on "sync now"; it backs off on failure, honours Retry-After, and
 * publishes its state for the status line.
 */
import type { CacheCipher } from '../data/crypto/cipher.ts';
import type { CacheDb } from '../data/db.ts';
import type { ContentsRepo } from '../data/repos/contents.ts';
import type { ApiClient } from './api-client.ts';
import { ApiError, NetworkError, ServerError, StorageFullError, UnauthorizedError } from './api-errors.ts';
import { backoffDelay } from './backoff.ts';
import { fetchContent } from './content-fetch.ts';
import { prioritise, type ContentCandidate } from './content-plan.ts';
import { pull } from './pull.ts';
import { initialStatus, type SyncPhase, type SyncStatus } from './status.ts';
import type { StorageEstimate, StorageRoom } from './storage-room.ts';
import { Wakeup } from './wakeup.ts';

export type EngineDeps = {
  api: ApiClient;
  db: CacheDb;
  cipher: CacheCipher;
  contents: ContentsRepo;
  room: StorageRoom;
  publish: (status: SyncStatus) => void;
  isOnline: () => boolean;
  estimate: () => Promise<StorageEstimate>;
  persisted: () => Promise<boolean | null>;
  random?: () => number;
  now?: () => Date;
  intervalMs?: number;
  contentConcurrency?: number;
};

export type TriggerReason = 'start' | 'online' | 'interval' | 'local-change' | 'sync-now' | 'token';

export class SyncEngine {
  private readonly deps: EngineDeps;
  private status: SyncStatus = initialStatus();
  private readonly metaWakeup = new Wakeup();
  private readonly contentWakeup = new Wakeup();
  private readonly urgent = new Set<string>();
  private readonly stopper = new AbortController();
  private failures = 0;
  private requests = 0;

  /** The API client, counting requests for the published state. */
  private readonly api: ApiClient;

  constructor(deps: EngineDeps) {
    this.deps = deps;
    const api = deps.api;
    const count = (): void => {
      this.requests++;
    };
    this.api = {
      ...api,
      changes: (...args) => (count(), api.changes(...args)),
      content: (...args) => (count(), api.content(...args)),
      me: () => (count(), api.me()),
    };
  }

  get current(): SyncStatus {
    return this.status;
  }

  trigger(_reason: TriggerReason): void {
    this.metaWakeup.fire();
  }

  /** A document the user is opening: fetched before everything else. */
  requestContent(documentId: string): void {
    this.urgent.add(documentId);
    this.contentWakeup.fire();
  }

  stop(): void {
    this.stopper.abort();
    this.metaWakeup.fire();
    this.contentWakeup.fire();
  }

  /** Runs until stopped: the metadata loop and the content loop side by side. */
  async run(): Promise<void> {
    await this.refreshCounts();
    await Promise.all([this.metadataLoop(), this.contentLoop()]);
  }

  private get stopped(): boolean {
    return this.stopper.signal.aborted;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private publishTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * Updates the state. A change of phase, error or counts goes out at once; pure progress is sent
   * at most every quarter second, so that the windows' UI threads are not kept busy by it.
   */
  private publish(patch: Partial<SyncStatus>): void {
    const before = this.status;
    this.status = { ...this.status, ...patch, requests: this.requests };
    const onlyProgress = Object.keys(patch).every((k) => k === 'progress');
    if (!onlyProgress || before.phase !== this.status.phase) {
      if (this.publishTimer) clearTimeout(this.publishTimer);
      this.publishTimer = null;
      this.deps.publish(this.status);
    } else {
      this.publishTimer ??= setTimeout(() => {
        this.publishTimer = null;
        this.deps.publish(this.status);
      }, 250);
    }
  }

  private fail(error: unknown, phase: SyncPhase): void {
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof ApiError || error instanceof StorageFullError ? error.code : 'unexpected';
    this.publish({ phase, lastError: { code, message, at: this.now().toISOString() } });
  }

  private async metadataLoop(): Promise<void> {
    const interval = this.deps.intervalMs ?? 60_000;
    while (!this.stopped) {
      let delay = interval;
      if (!this.deps.isOnline()) {
        this.publish({ phase: 'offline' });
      } else {
        try {
          this.publish({ phase: 'pulling', nextAttemptAt: null });
          const result = await pull(this.api, this.deps.db, this.deps.cipher, ({ changes }) =>
            this.publish({ progress: { ...this.status.progress, changes } }),
          );
          this.failures = 0;
          await this.refreshCounts();
          this.publish({ phase: 'idle', lastSuccessAt: this.now().toISOString(), lastError: null });
          if (result.changes > 0 || result.snapshot) this.contentWakeup.fire();
        } catch (error) {
          if (error instanceof UnauthorizedError) {
            this.fail(error, 'needs-sign-in');
            delay = 24 * 60 * 60_000; // until a new token arrives (trigger 'token')
          } else {
            this.failures++;
            const retryAfter = error instanceof ServerError ? error.retryAfterMs : undefined;
            delay = backoffDelay(this.failures, this.deps.random ?? Math.random, retryAfter);
            this.fail(error, error instanceof NetworkError ? 'offline' : 'error');
            this.publish({ nextAttemptAt: new Date(this.now().getTime() + delay).toISOString() });
          }
        }
      }
      await this.metaWakeup.wait(delay, this.stopper.signal);
    }
  }

  private async contentLoop(): Promise<void> {
    while (!this.stopped) {
      if (this.deps.isOnline() && this.status.phase !== 'needs-sign-in') await this.contentRound();
      await this.contentWakeup.wait(this.deps.intervalMs ?? 60_000, this.stopper.signal);
    }
  }

  /** Documents whose bytes are missing, with the index fields the order needs (nothing is opened). */
  private async candidates(): Promise<ContentCandidate[]> {
    const { db } = this.deps;
    const contents = await db.contents.where('state').anyOf('missing', 'partial').toArray();
    if (!contents.length) return [];
    const documents = await db.documents.bulkGet(contents.map((c) => c.documentId));
    return contents.flatMap((c, k) => {
      const doc = documents[k];
      return doc ? [{ ...c, inbox: doc.status === 'new', receivedOn: doc.receivedOn }] : [];
    });
  }

  private async contentRound(): Promise<void> {
    const recent = ((await this.deps.db.syncState.get('recentCases'))?.value as string[] | undefined) ?? [];
    let queue = prioritise(await this.candidates(), { urgent: this.urgent, recentCases: recent });
    if (!queue.length) {
      await this.refreshCounts();
      return;
    }
    const bytesTotal = queue.reduce((n, c) => n + c.byteSize - c.storedBytes, 0);
    let bytes = 0;
    let documents = 0;
    this.publish({
      phase: 'fetching',
      progress: { ...this.status.progress, documents: 0, documentsTotal: queue.length, bytes: 0, bytesTotal },
    });
    const inFlight = new Set<string>();
    let halt: unknown = null;
    // The budget is checked against a running total; the full scan of makeRoom runs only when
    // the next document would not fit.
    const initial = await this.deps.room.budget();
    let used = initial.used;

    const next = (): ContentCandidate | undefined => {
      // Urgent requests that arrived meanwhile jump the queue.
      const urgentIndex = queue.findIndex((c) => this.urgent.has(c.documentId));
      const [item] = queue.splice(urgentIndex >= 0 ? urgentIndex : 0, 1);
      return item;
    };

    const worker = async (): Promise<void> => {
      for (let item = next(); item && !halt && !this.stopped; item = next()) {
        const id = item.documentId;
        inFlight.add(id);
        try {
          const need = item.byteSize - item.storedBytes;
          if (used + need > initial.budget) {
            const fits = await this.deps.room.makeRoom(need, new Set([...this.urgent, ...inFlight]));
            if (!fits && !this.urgent.has(id)) continue;
            used = (await this.deps.room.budget()).used;
          }
          used += need;
          await fetchContent(
            {
              api: this.api,
              db: this.deps.db,
              contents: this.deps.contents,
              writeChunk: (write) => this.deps.room.withQuota(write, new Set([...this.urgent, ...inFlight])),
              onBytes: (_doc, n) => {
                bytes += n;
                this.publish({ progress: { ...this.status.progress, bytes, bytesTotal } });
              },
            },
            id,
            this.stopper.signal,
          );
          this.urgent.delete(id);
          documents++;
          this.publish({ progress: { ...this.status.progress, documents } });
        } catch (error) {
          if (
            error instanceof NetworkError ||
            error instanceof UnauthorizedError ||
            error instanceof StorageFullError
          ) {
            halt = error;
          } else if (error instanceof ServerError && error.status === 404) {
            this.urgent.delete(id); // no longer accessible; the next pull removes it
          } else {
            this.fail(error, 'error');
          }
        } finally {
          inFlight.delete(id);
        }
      }
    };
    await Promise.all(Array.from({ length: this.deps.contentConcurrency ?? 6 }, worker));
    queue = [];
    await this.refreshCounts();
    if (halt) {
      this.fail(
        halt,
        halt instanceof NetworkError ? 'offline' : halt instanceof UnauthorizedError ? 'needs-sign-in' : 'error',
      );
      if (halt instanceof NetworkError) this.metaWakeup.fire(); // let the metadata loop back off
    } else if (this.status.phase === 'fetching') {
      this.publish({ phase: 'idle' });
    }
  }

  private async refreshCounts(): Promise<void> {
    const { db } = this.deps;
    const [
      cases,
      documents,
      contentsComplete,
      contentsMissing,
      outboxPending,
      outboxUndeliverable,
      estimate,
      persisted,
      room,
    ] = await Promise.all([
      db.cases.count(),
      db.documents.count(),
      db.contents.where('state').equals('complete').count(),
      db.contents.where('state').anyOf('missing', 'partial').count(),
      db.outbox.where('status').equals('pending').count(),
      db.outbox.where('status').equals('undeliverable').count(),
      this.deps.estimate(),
      this.deps.persisted(),
      this.deps.room.budget(),
    ]);
    this.publish({
      counts: {
        cases,
        documents,
        contentsComplete,
        contentsMissing,
        cachedBytes: room.used,
        outboxPending,
        outboxUndeliverable,
      },
      storage: estimate?.quota
        ? { usage: estimate.usage ?? 0, quota: estimate.quota, budget: room.budget, persisted }
        : null,
    });
  }
}
