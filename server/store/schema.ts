/**
 * The database schema. One statement list, applied idempotently at start; `schemaVersion` in
 * `meta` guards against opening a data folder written by an incompatible future version.
 *
 * Versions: 1 the first; 2 adds `case_activity` (what the service applied to a case, for the
 * data protection officer); 3 adds `original_requests` (paper originals asked of the scan
 * service) and `clarifications` (misfiled scans taken out of their case). Each version only adds
 * tables and indexes, which the statements below create in an older folder, after which it is
 * marked with the current version: an older server then refuses the folder instead of changing
 * cases without recording who did it, or showing a misfiled scan again.
 */
export const SCHEMA_VERSION = 3;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  roles TEXT NOT NULL,
  password_hash TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS assignments (
  user_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  role TEXT NOT NULL,
  valid_from INTEGER,
  valid_until INTEGER,
  PRIMARY KEY (user_id, case_id)
) STRICT;

-- Every entity of every case, with the server sequence of its last change. Deleted entities stay
-- as tombstones so that the change feed can tell clients about the deletion.
CREATE TABLE IF NOT EXISTS entities (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  deleted INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) STRICT;
CREATE INDEX IF NOT EXISTS entities_case_seq ON entities (case_id, seq);

CREATE TABLE IF NOT EXISTS cursors (
  token TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  state TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS cursors_user_created ON cursors (user_id, created_at);

-- Idempotency logs: the first result per key, and how often the key arrived and took effect.
CREATE TABLE IF NOT EXISTS idempotency (
  scope TEXT NOT NULL,
  id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  payload_hash TEXT NOT NULL,
  result TEXT NOT NULL,
  seen INTEGER NOT NULL,
  applied INTEGER NOT NULL,
  PRIMARY KEY (scope, id)
) STRICT;

-- Audit events the clients reported (views, prints, exports), as sent.
CREATE TABLE IF NOT EXISTS audit_events (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  at TEXT NOT NULL,
  data TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS audit_events_case ON audit_events (case_id);

-- What the service itself did to a case on a user's behalf (applied mutations, accepted letters)
-- and who read the case's audit trail; written in the transaction of the change it records.
CREATE TABLE IF NOT EXISTS case_activity (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT,
  entity_id TEXT,
  document_id TEXT,
  version INTEGER
) STRICT;
CREATE INDEX IF NOT EXISTS case_activity_case ON case_activity (case_id, seq);

-- Paper originals requested from the scan service, one row per document (the first request).
CREATE TABLE IF NOT EXISTS original_requests (
  document_id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  mutation_id TEXT NOT NULL
) STRICT;

-- Scans reported as filed under the wrong case: taken out of the case, kept here (with the
-- document as it was, its bytes stay in the blob store) until the clarification office files it.
CREATE TABLE IF NOT EXISTS clarifications (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  user_id TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  mutation_id TEXT NOT NULL,
  document TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS letter_dispatch (
  letter_id TEXT PRIMARY KEY,
  accepted_at INTEGER NOT NULL,
  status TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS letter_dispatch_status ON letter_dispatch (status, accepted_at);
`;
