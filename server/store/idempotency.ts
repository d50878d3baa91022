/**
 * The first result per idempotency key (mutation id, letter id, audit event id), with counts of
 * how often the key arrived and how often it took effect, so tests can prove exactly-once.
 */
import { createHash } from 'node:crypto';
import type { Database } from './database.ts';

export type IdempotencyScope = 'mutation' | 'letter' | 'audit';

export type IdempotencyRecord = {
  readonly userId: string;
  readonly payloadHash: string;
  readonly result: unknown;
  readonly seen: number;
  readonly applied: number;
};

/** Hash of a JSON value with keys sorted, so that key order does not make a payload "different". */
export function payloadHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class IdempotencyLog {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  find(scope: IdempotencyScope, id: string): IdempotencyRecord | undefined {
    const row = this.#db
      .prepare('SELECT user_id, payload_hash, result, seen, applied FROM idempotency WHERE scope = ? AND id = ?')
      .get(scope, id) as
      { user_id: string; payload_hash: string; result: string; seen: number; applied: number } | undefined;
    if (!row) return undefined;
    return {
      userId: row.user_id,
      payloadHash: row.payload_hash,
      result: JSON.parse(row.result) as unknown,
      seen: Number(row.seen),
      applied: Number(row.applied),
    };
  }

  record(scope: IdempotencyScope, id: string, userId: string, hash: string, result: unknown, applied: boolean): void {
    this.#db
      .prepare(
        'INSERT INTO idempotency (scope, id, user_id, payload_hash, result, seen, applied) VALUES (?, ?, ?, ?, ?, 1, ?)',
      )
      .run(scope, id, userId, hash, JSON.stringify(result), applied ? 1 : 0);
  }

  /** Counts one more arrival of a known key. */
  seenAgain(scope: IdempotencyScope, id: string): void {
    this.#db.prepare('UPDATE idempotency SET seen = seen + 1 WHERE scope = ? AND id = ?').run(scope, id);
  }

  /** Per key: arrivals, effects, and the order of first arrival (1 = first), for exactly-once and ordering checks. */
  counts(scope: IdempotencyScope): Record<string, { seen: number; applied: number; order: number }> {
    const rows = this.#db
      .prepare('SELECT id, seen, applied, rowid AS arrival FROM idempotency WHERE scope = ? ORDER BY rowid')
      .all(scope) as { id: string; seen: number; applied: number; arrival: number }[];
    return Object.fromEntries(
      rows.map((r, k) => [r.id, { seen: Number(r.seen), applied: Number(r.applied), order: k + 1 }]),
    );
  }
}
