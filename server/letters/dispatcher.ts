/**
 * Walks accepted letters through `accepted → printed → dispatched`, the way the print-and-mail
 * provider reports back. Driven by a timer and by reads, and computed from the acceptance time,
 * so a restart in between loses no step.
 */
import type { EntityStore } from '../store/entities.ts';
import { inTransaction, type Database } from '../store/database.ts';
import type { Logger } from '../logger.ts';

export type DispatchDelays = { readonly printMs: number; readonly dispatchMs: number };

export class LetterDispatcher {
  readonly #db: Database;
  readonly #entities: EntityStore;
  readonly #delays: DispatchDelays;
  readonly #now: () => number;
  readonly #log: Logger;
  #timer: NodeJS.Timeout | undefined;

  constructor(db: Database, entities: EntityStore, delays: DispatchDelays, now: () => number, log: Logger) {
    this.#db = db;
    this.#entities = entities;
    this.#delays = delays;
    this.#now = now;
    this.#log = log;
  }

  start(): void {
    const interval = Math.max(
      10,
      Math.min(1000, Math.floor(Math.min(this.#delays.printMs, this.#delays.dispatchMs) / 2) || 10),
    );
    this.#timer = setInterval(() => this.advance(), interval);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  accepted(letterId: string, at: number): void {
    this.#db
      .prepare("INSERT INTO letter_dispatch (letter_id, accepted_at, status) VALUES (?, ?, 'accepted')")
      .run(letterId, at);
  }

  /** Moves every letter whose delay has passed one or two steps on. */
  advance(): void {
    const now = this.#now();
    const due = this.#db
      .prepare(
        `SELECT letter_id, accepted_at, status FROM letter_dispatch
         WHERE (status = 'accepted' AND accepted_at + ? <= ?) OR (status = 'printed' AND accepted_at + ? <= ?)`,
      )
      .all(this.#delays.printMs, now, this.#delays.printMs + this.#delays.dispatchMs, now) as {
      letter_id: string;
      accepted_at: number;
      status: string;
    }[];
    if (due.length === 0) return;
    inTransaction(this.#db, () => {
      for (const row of due) {
        const dispatched = Number(row.accepted_at) + this.#delays.printMs + this.#delays.dispatchMs <= now;
        this.#setStatus(row.letter_id, dispatched ? 'dispatched' : 'printed');
      }
    });
    this.#log.debug('letters advanced', { count: due.length });
  }

  fail(letterId: string, reason: string): boolean {
    const letter = this.#entities.get('letter', letterId);
    if (!letter) return false;
    inTransaction(this.#db, () => this.#setStatus(letterId, 'failed', reason));
    return true;
  }

  #setStatus(letterId: string, status: 'printed' | 'dispatched' | 'failed', failureReason?: string): void {
    const letter = this.#entities.get('letter', letterId);
    if (!letter) return;
    const nowIso = new Date(this.#now()).toISOString();
    this.#entities.put('letter', letterId, letter.caseId, (version) => ({
      ...letter.data,
      status,
      ...(failureReason ? { failureReason } : {}),
      updatedAt: nowIso,
      version,
    }));
    this.#db.prepare('UPDATE letter_dispatch SET status = ? WHERE letter_id = ?').run(status, letterId);
  }
}
