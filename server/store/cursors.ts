/**
 * Change-feed cursors, kept on the server: the token is random and opaque, the state behind it
 * says how far the client is per case. Old cursors expire; an unknown one answers 410.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from './database.ts';

/** Per case the client holds: the sequence up to which it has every change. */
export type CursorState = { readonly cases: Readonly<Record<string, number>> };

export const CURSOR_TTL_MS = 30 * 24 * 3600 * 1000;
/** A client only ever needs its newest cursor or two; older ones are pruned. */
const KEEP_PER_USER = 50;

export class CursorStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  create(userId: string, state: CursorState, now: number): string {
    const token = randomBytes(18).toString('base64url');
    this.#db
      .prepare('INSERT INTO cursors (token, user_id, created_at, state) VALUES (?, ?, ?, ?)')
      .run(token, userId, now, JSON.stringify(state));
    this.#db
      .prepare(
        `DELETE FROM cursors WHERE user_id = ? AND (created_at < ? OR token IN (
           SELECT token FROM cursors WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?))`,
      )
      .run(userId, now - CURSOR_TTL_MS, userId, KEEP_PER_USER);
    return token;
  }

  /** The state behind a token of this user, or undefined when unknown, foreign or expired. */
  load(userId: string, token: string, now: number): CursorState | undefined {
    const row = this.#db.prepare('SELECT user_id, created_at, state FROM cursors WHERE token = ?').get(token) as
      { user_id: string; created_at: number; state: string } | undefined;
    if (!row || row.user_id !== userId || row.created_at < now - CURSOR_TTL_MS) return undefined;
    return JSON.parse(row.state) as CursorState;
  }

  clear(): number {
    return Number(this.#db.prepare('DELETE FROM cursors').run().changes);
  }
}
