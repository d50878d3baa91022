/**
 * Opens the SQLite database of a data folder through Node's built-in `node:sqlite`. All access is
 * synchronous on one connection, so a transaction never interleaves with another request: that
 * is what serialises concurrent batches for one case.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.ts';

export type Database = DatabaseSync;

export class IncompatibleDataError extends Error {
  readonly code = 'INCOMPATIBLE_DATA';
}

export function openDatabase(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, 'e-akte.sqlite'));
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
  );
  db.exec(SCHEMA_SQL);
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").get() as { value: string } | undefined;
  if (!row) {
    db.prepare("INSERT INTO meta (key, value) VALUES ('schemaVersion', ?)").run(String(SCHEMA_VERSION));
  } else if (Number(row.value) > SCHEMA_VERSION) {
    db.close();
    throw new IncompatibleDataError(`Data folder has schema ${row.value}, this server knows ${SCHEMA_VERSION}`);
  } else if (Number(row.value) < SCHEMA_VERSION) {
    // Every older version is brought up to date by SCHEMA_SQL above (it only adds tables and indexes).
    writeMeta(db, 'schemaVersion', String(SCHEMA_VERSION));
  }
  return db;
}

/** Runs `fn` in one write transaction; rolls back when it throws. */
export function inTransaction<T>(db: Database, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

export function readMeta(db: Database, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function writeMeta(db: Database, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}
