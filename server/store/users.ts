/** Staff accounts of the reference server and their bearer-token sessions. */
import { createHash, randomBytes } from 'node:crypto';
import type { Role, User } from '../../src/shared/domain/user.ts';
import type { Database } from './database.ts';

export type UserRecord = User & { readonly passwordHash: string };

type Raw = { id: string; username: string; display_name: string; roles: string; password_hash: string };

const toUser = (raw: Raw): UserRecord =>
  ({
    id: raw.id,
    username: raw.username,
    displayName: raw.display_name,
    roles: JSON.parse(raw.roles) as Role[],
    passwordHash: raw.password_hash,
  }) as UserRecord;

/** Only the hash of a token is stored: a copy of the database does not let anyone sign in. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export class UserStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  insert(user: {
    id: string;
    username: string;
    displayName: string;
    roles: readonly Role[];
    passwordHash: string;
  }): void {
    this.#db
      .prepare('INSERT INTO users (id, username, display_name, roles, password_hash) VALUES (?, ?, ?, ?, ?)')
      .run(user.id, user.username, user.displayName, JSON.stringify(user.roles), user.passwordHash);
  }

  byUsername(username: string): UserRecord | undefined {
    const raw = this.#db.prepare('SELECT * FROM users WHERE username = ?').get(username) as Raw | undefined;
    return raw ? toUser(raw) : undefined;
  }

  byId(id: string): UserRecord | undefined {
    const raw = this.#db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Raw | undefined;
    return raw ? toUser(raw) : undefined;
  }

  /** Replaces a user's password hash, e.g. with one made at stronger scrypt parameters. */
  setPasswordHash(userId: string, passwordHash: string): void {
    this.#db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
  }

  list(): { id: string; username: string }[] {
    return this.#db.prepare('SELECT id, username FROM users ORDER BY username').all() as {
      id: string;
      username: string;
    }[];
  }

  count(): number {
    return Number((this.#db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n);
  }

  createSession(userId: string, now: number, ttlMs: number): { token: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + ttlMs;
    this.#db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
    this.#db
      .prepare('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)')
      .run(tokenHash(token), userId, expiresAt);
    return { token, expiresAt };
  }

  /** Forgets a session: its token answers 401 from now on. True when there was one. */
  revokeSession(token: string): boolean {
    const result = this.#db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
    return Number(result.changes) > 0;
  }

  /** The user behind a bearer token, if the token is known and not expired. */
  bySession(token: string, now: number): UserRecord | undefined {
    const row = this.#db
      .prepare('SELECT user_id, expires_at FROM sessions WHERE token_hash = ?')
      .get(tokenHash(token)) as { user_id: string; expires_at: number } | undefined;
    if (!row || Number(row.expires_at) <= now) return undefined;
    return this.byId(row.user_id);
  }
}
