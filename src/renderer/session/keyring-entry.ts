/**
 * What a keyring entry keeps sealed under the user's cache key: who the user is (for an offline
 * sign-in, which has no service to ask) and the sign-in clock (see sign-in-clock.ts). Opening
 * needs the cache key, so the password first; nothing of it is readable before.
 */
import { z } from 'zod';
import { roleSchema, type User } from '../../shared/domain/user.ts';
import type { CacheCipher } from '../data/crypto/cipher.ts';
import type { KeyringDb, KeyringEntry } from '../data/keyring.ts';
import { observed, type SignInClock } from './sign-in-clock.ts';

const profileSchema = z.strictObject({
  username: z.string().min(1).max(64),
  displayName: z.string().min(1).max(200),
  roles: z.array(roleSchema).max(8),
});
const clockSchema = z.strictObject({
  lastOnlineSignInAt: z.number().finite(),
  latestSeenAt: z.number().finite(),
});

const profileBinding = (userId: string) => `keyring/${userId}/profile`;
const clockBinding = (userId: string) => `keyring/${userId}/clock`;

export async function sealProfile(cipher: CacheCipher, user: User): Promise<Uint8Array<ArrayBuffer>> {
  const { username, displayName, roles } = user;
  return cipher.sealJson({ username, displayName, roles }, profileBinding(user.id));
}

/** The user of an entry, or null when it has no readable profile (an entry from before version 2). */
export async function openProfile(cipher: CacheCipher, entry: KeyringEntry): Promise<User | null> {
  if (!entry.profile) return null;
  try {
    const profile = await cipher.openJson(entry.profile, profileBinding(entry.userId), profileSchema);
    return { id: entry.userId, ...profile } as User;
  } catch {
    return null;
  }
}

export function sealClock(cipher: CacheCipher, userId: string, clock: SignInClock): Promise<Uint8Array<ArrayBuffer>> {
  return cipher.sealJson(clock, clockBinding(userId));
}

export async function openClock(cipher: CacheCipher, entry: KeyringEntry): Promise<SignInClock | null> {
  if (!entry.clock) return null;
  try {
    return await cipher.openJson(entry.clock, clockBinding(entry.userId), clockSchema);
  } catch {
    return null;
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}

/**
 * Records that a running session has seen local time `now`, so that a clock set back while the
 * app runs (or between two sign-ins) is caught at the next offline sign-in. Written only when
 * the entry did not change meanwhile (another window writes the same).
 */
export async function observeTime(keyring: KeyringDb, cipher: CacheCipher, userId: string, now: number): Promise<void> {
  const entry = await keyring.users.get(userId);
  if (!entry) return;
  const clock = await openClock(cipher, entry);
  if (!clock || observed(clock, now) === clock) return;
  const sealed = await sealClock(cipher, userId, observed(clock, now));
  await keyring.transaction('rw', keyring.users, async () => {
    const current = await keyring.users.get(userId);
    if (!current?.clock || !equalBytes(current.clock, entry.clock!)) return;
    await keyring.users.update(userId, { clock: sealed });
  });
}
