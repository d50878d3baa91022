/**
 * The access token, kept sealed in the user's cache so that after an offline sign-in (or in the
 * other window's worker) sync can resume with it once the service is reachable again.
 */
import { z } from 'zod';
import type { CacheCipher } from '../data/crypto/cipher.ts';
import type { CacheDb } from '../data/db.ts';

const KEY = 'auth';
const tokenSchema = z.strictObject({ accessToken: z.string(), expiresAt: z.string() });
export type StoredToken = z.infer<typeof tokenSchema>;

export async function saveToken(db: CacheDb, cipher: CacheCipher, token: StoredToken): Promise<void> {
  await db.syncState.put({ key: KEY, value: await cipher.sealJson(token, `syncState/${KEY}`) });
}

/** The stored token when it is still valid, else null. */
export async function loadToken(db: CacheDb, cipher: CacheCipher, now = new Date()): Promise<StoredToken | null> {
  const sealed = (await db.syncState.get(KEY))?.value;
  if (!(sealed instanceof Uint8Array)) return null;
  try {
    const token = await cipher.openJson(sealed as Uint8Array<ArrayBuffer>, `syncState/${KEY}`, tokenSchema);
    return Date.parse(token.expiresAt) > now.getTime() ? token : null;
  } catch {
    return null;
  }
}
