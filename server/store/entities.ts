/**
 * All entities of all cases in one table, each with its version and the server sequence of its
 * last change. The sequence is global and strictly increasing, which is what makes the change
 * feed a simple "everything after n" per case.
 */
import type { FeedEntity } from '../../src/shared/api/changes.ts';
import type { Database } from './database.ts';

export type EntityRow = {
  readonly kind: FeedEntity;
  readonly id: string;
  readonly caseId: string;
  readonly version: number;
  readonly seq: number;
  readonly deleted: boolean;
  readonly data: Record<string, unknown>;
};

type RawRow = {
  kind: string;
  id: string;
  case_id: string;
  version: number;
  seq: number;
  deleted: number;
  data: string;
};

function toRow(raw: RawRow): EntityRow {
  return {
    kind: raw.kind as FeedEntity,
    id: raw.id,
    caseId: raw.case_id,
    version: Number(raw.version),
    seq: Number(raw.seq),
    deleted: raw.deleted === 1,
    data: JSON.parse(raw.data) as Record<string, unknown>,
  };
}

const COLUMNS = 'kind, id, case_id, version, seq, deleted, data';

export class EntityStore {
  readonly #db: Database;
  #seq: number;

  constructor(db: Database) {
    this.#db = db;
    const row = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM entities').get() as { seq: number };
    this.#seq = Number(row.seq);
  }

  /** The sequence of the newest change. */
  get currentSeq(): number {
    return this.#seq;
  }

  get(kind: FeedEntity, id: string): EntityRow | undefined {
    const raw = this.#db.prepare(`SELECT ${COLUMNS} FROM entities WHERE kind = ? AND id = ?`).get(kind, id) as
      RawRow | undefined;
    return raw ? toRow(raw) : undefined;
  }

  /** Live (not deleted) entities of one kind in one case, oldest change first. */
  listInCase(kind: FeedEntity, caseId: string): EntityRow[] {
    const rows = this.#db
      .prepare(`SELECT ${COLUMNS} FROM entities WHERE case_id = ? AND kind = ? AND deleted = 0 ORDER BY seq`)
      .all(caseId, kind) as RawRow[];
    return rows.map(toRow);
  }

  /**
   * Creates or replaces an entity. `build` gets the new version and returns the full entity as
   * the feed hands it out. Call inside a transaction when several writes belong together.
   */
  put(kind: FeedEntity, id: string, caseId: string, build: (version: number) => Record<string, unknown>): EntityRow {
    const previous = this.get(kind, id);
    const version = previous ? previous.version + 1 : 1;
    const data = build(version);
    const seq = ++this.#seq;
    this.#db
      .prepare(
        `INSERT INTO entities (${COLUMNS}) VALUES (?, ?, ?, ?, ?, 0, ?)
         ON CONFLICT (kind, id) DO UPDATE SET case_id = excluded.case_id, version = excluded.version,
           seq = excluded.seq, deleted = 0, data = excluded.data`,
      )
      .run(kind, id, caseId, version, seq, JSON.stringify(data));
    return { kind, id, caseId, version, seq, deleted: false, data };
  }

  /** Turns a live entity into a tombstone with a new version; returns it. */
  remove(kind: FeedEntity, id: string): EntityRow | undefined {
    const previous = this.get(kind, id);
    if (!previous || previous.deleted) return undefined;
    const version = previous.version + 1;
    const seq = ++this.#seq;
    this.#db
      .prepare('UPDATE entities SET version = ?, seq = ?, deleted = 1 WHERE kind = ? AND id = ?')
      .run(version, seq, kind, id);
    return { ...previous, version, seq, deleted: true };
  }

  /**
   * Rows for the change feed: for each case, changes after the sequence the client already has
   * for it, in global sequence order. Tombstones are left out for cases the client has nothing of
   * (known sequence 0): there is nothing to delete on its side.
   */
  changesAfter(known: Readonly<Record<string, number>>, limit: number): EntityRow[] {
    const rows = this.#db
      .prepare(
        `SELECT e.kind, e.id, e.case_id, e.version, e.seq, e.deleted, e.data
         FROM json_each(?) AS j JOIN entities AS e ON e.case_id = j.key
         WHERE e.seq > j.value AND (e.deleted = 0 OR j.value > 0)
         ORDER BY e.seq LIMIT ?`,
      )
      .all(JSON.stringify(known), limit) as RawRow[];
    return rows.map(toRow);
  }

  countLive(): number {
    const row = this.#db.prepare('SELECT COUNT(*) AS n FROM entities WHERE deleted = 0').get() as { n: number };
    return Number(row.n);
  }
}
