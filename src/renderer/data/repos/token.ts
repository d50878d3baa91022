/**
 * The access token, kept sealed in the user's cache so that after an offline sign-in (or in the
 * other window's worker) sync can resume with it once the service is reachable again.
 */
import { z } from 'zod';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import { readState, writeState } from './sync-state.ts';

const BINDING = 'syncState/auth';
const tokenSchema = z.strictObject({ accessToken: z.string(), expiresAt: z.string() });
export type StoredToken = z.infer<typeof tokenSchema>;

export async function saveToken(db: CacheDb, cipher: CacheCipher, token: StoredToken): Promise<void> {
  await writeState(db, 'auth', await cipher.sealJson(token, BINDING));
}

/** The stored token when it is still valid, else null. */
export async function loadToken(db: CacheDb, cipher: CacheCipher, now = new Date()): Promise<StoredToken | null> {
  const sealed = await readState(db, 'auth');
  if (!sealed) return null;
  try {
    const token = await cipher.openJson(sealed, BINDING, tokenSchema);
    return Date.parse(token.expiresAt) > now.getTime() ? token : null;
  } catch {
    return null;
  }
}
