/**
 * Sign-in and unlock. Online: the central service checks the password, then the cache key is
 * unwrapped (or created on the first sign-in on this device) and wrapped again under the current
 * password. Offline (service unreachable): the password unwraps the key, allowed only within the
 * policy's maximum offline days since the last online sign-in, by a clock that has not been set
 * back (sign-in-clock.ts). A wrong password changes nothing.
 *
 * Every path ends with the user able to work or told what to do, and none loses an undelivered
 * entry silently: after a password change the previous password is asked for; if it is not
 * known, or if the operating system's key store no longer opens the key at all, the entries are
 * set aside for IT (set-aside.ts) and the cache starts afresh.
 */
import type { LoginResponse } from '../../shared/api/auth.ts';
import type { User } from '../../shared/domain/user.ts';
import { importCacheKeys, type CacheKeys } from '../data/crypto/cache-keys.ts';
import { CacheCipher } from '../data/crypto/cipher.ts';
import {
  createCacheKey,
  decodeWrap,
  encodeWrap,
  type PasswordWrap,
  unwrapRawWithPassword,
  WrongPasswordError,
  wrapWithPassword,
} from '../data/crypto/key-wrap.ts';
import type { DeviceProtection } from '../data/device-protection.ts';
import type { KeyringDb, KeyringEntry, SetAsideReason } from '../data/keyring.ts';
import { deviceLookupKey, ensureDeviceLookupKey, usernameMac } from '../data/keyring-lookup.ts';
import { NetworkError, ServerError, UnauthorizedError } from '../api/api-errors.ts';
import { openClock, openProfile, sealClock, sealProfile } from './keyring-entry.ts';
import { afterOnlineSignIn, observed, offlineVerdict } from './sign-in-clock.ts';
import { signInErrors, type SignInNotice } from './sign-in-errors.ts';

export type { DeviceProtection } from '../data/device-protection.ts';

/** The service's answer to a sign-in; `serverTime` (epoch ms) from its `Date` header, where readable. */
export type LoginAnswer = LoginResponse & { readonly serverTime?: number };

type Wrap = Pick<KeyringEntry, 'keyWrap' | 'deviceSealed'>;

export type SignInDeps = {
  login(username: string, password: string): Promise<LoginAnswer>;
  device: DeviceProtection;
  keyring: KeyringDb;
  maxOfflineDays: number;
  /** Undelivered entries of the user on this device (readable without the key), less those set aside. */
  pendingOutbox(userId: string): Promise<number>;
  /** Sets the user's undelivered entries aside with the wrap that protects them, then deletes the cache. */
  setAside(userId: string, reason: SetAsideReason, wrap: Wrap): Promise<number>;
  deleteCache(userId: string): Promise<void>;
  /**
   * The wrapped key kept beside the outbox journal: when IndexedDB (with the keyring) was lost, it
   * opens the journal again with the user's password.
   */
  keyWrapBackup?: {
    read(userId: string): Promise<Wrap | null>;
    /** `passwordOnly` is the wrap before the desktop sealed it, for where the desktop's key would be lost too. */
    save(userId: string, wrap: Wrap, passwordOnly: string): Promise<void>;
  };
  now?: () => Date;
  iterations?: number;
};

/**
 * `setAsidePending`: after `password-changed`, the user does not know the previous password and
 * goes on without it (the undelivered entries are set aside).
 */
export type SignInInput = { username: string; password: string; previousPassword?: string; setAsidePending?: boolean };

export type SignedIn = {
  user: User;
  keys: CacheKeys;
  token: { accessToken: string; expiresAt: string } | null;
  offline: boolean;
  notice: SignInNotice | null;
};

class DeviceKeyError extends Error {}

/** The password wrap of an entry: the desktop's seal opened first (DeviceKeyError when it no longer opens). */
async function passwordWrapOf(entry: Wrap, device: DeviceProtection): Promise<string> {
  if (!entry.deviceSealed) return entry.keyWrap;
  try {
    return await device.unprotect(entry.keyWrap);
  } catch {
    throw new DeviceKeyError();
  }
}

/** The keyring's wrap (sealed by the desktop where it can) and the password's wrap alone. */
async function wrapFor(
  raw: Uint8Array<ArrayBuffer>,
  password: string,
  deps: SignInDeps,
): Promise<{ wrapped: Wrap; passwordOnly: string }> {
  const encoded = encodeWrap(await wrapWithPassword(raw, password, deps.iterations));
  try {
    if (await deps.device.isAvailable())
      return { wrapped: { keyWrap: await deps.device.protect(encoded), deviceSealed: true }, passwordOnly: encoded };
  } catch {
    // The key store refused to seal: as on a machine without one, the password alone protects it.
  }
  return { wrapped: { keyWrap: encoded, deviceSealed: false }, passwordOnly: encoded };
}

export async function signIn(input: SignInInput, deps: SignInDeps): Promise<SignedIn> {
  const now = deps.now?.() ?? new Date();
  let login: LoginAnswer;
  try {
    login = await deps.login(input.username, input.password);
  } catch (error) {
    if (error instanceof UnauthorizedError || (error instanceof ServerError && error.status === 401))
      throw signInErrors.wrongCredentials();
    if (error instanceof ServerError && error.status === 429)
      throw signInErrors.rateLimited(Math.ceil((error.retryAfterMs ?? 60_000) / 1000));
    if (error instanceof NetworkError || (error instanceof ServerError && error.status >= 500))
      return signInOffline(input, deps, now);
    throw signInErrors.server();
  }
  return signInOnline(input, login, deps, now);
}

type Unlocked = { raw: Uint8Array<ArrayBuffer> | null; notice: SignInNotice | null };

/**
 * The raw cache key of a known user whose password the service has just confirmed, or null when
 * the cache starts afresh — after setting aside what no key opens any more.
 */
async function unlockKnown(
  entry: Wrap & { readonly userId: string },
  input: SignInInput,
  deps: SignInDeps,
): Promise<Unlocked> {
  let wrap: PasswordWrap;
  try {
    wrap = decodeWrap(await passwordWrapOf(entry, deps.device));
  } catch {
    // The key store lost the key: no password opens this cache any more.
    return startAfresh(entry.userId, entry, deps, { code: 'device-key-lost' });
  }
  for (const password of [input.password, input.previousPassword]) {
    if (!password) continue;
    try {
      return { raw: await unwrapRawWithPassword(wrap, password), notice: null };
    } catch {
      // Not this one: the password changed (decided below).
    }
  }
  const pending = await deps.pendingOutbox(entry.userId);
  if (!pending) {
    // Nothing unsent: the cache is only a cache; start it afresh under the new password.
    await deps.deleteCache(entry.userId);
    return { raw: null, notice: null };
  }
  if (input.setAsidePending) {
    const count = await deps.setAside(entry.userId, 'password-unknown', entry);
    return { raw: null, notice: { code: 'pending-set-aside', params: { count, reason: 'password-unknown' } } };
  }
  throw input.previousPassword ? signInErrors.previousPasswordWrong(pending) : signInErrors.passwordChanged(pending);
}

/**
 * A cache no key on this device opens any more (the key store lost it, or the keyring is gone
 * while the cache is still there): what is undelivered is set aside, the rest goes.
 */
async function startAfresh(
  userId: string,
  wrap: Wrap,
  deps: SignInDeps,
  notice: SignInNotice | null,
): Promise<Unlocked> {
  const pending = await deps.pendingOutbox(userId);
  if (!pending) {
    await deps.deleteCache(userId);
    return { raw: null, notice };
  }
  const count = await deps.setAside(userId, 'device-key-lost', wrap);
  return { raw: null, notice: { code: 'pending-set-aside', params: { count, reason: 'device-key-lost' } } };
}

async function signInOnline(input: SignInInput, login: LoginAnswer, deps: SignInDeps, now: Date): Promise<SignedIn> {
  const { user } = login;
  const entry = await deps.keyring.users.get(user.id);
  // IndexedDB lost with the keyring: the copy of the wrap beside the outbox journal opens it again.
  const backup = entry ? null : await deps.keyWrapBackup?.read(user.id).catch(() => null);
  const known = entry ?? (backup ? { userId: user.id, ...backup } : null);
  const unlocked: Unlocked = known
    ? await unlockKnown(known, input, deps)
    : // First sign-in here, or the keyring was lost: a cache left behind cannot be opened.
      await startAfresh(user.id, { keyWrap: '', deviceSealed: false }, deps, null);
  let raw: Uint8Array<ArrayBuffer>;
  let keys: CacheKeys;
  if (unlocked.raw) {
    raw = unlocked.raw;
    keys = await importCacheKeys(raw.slice());
  } else {
    ({ keys, raw } = await createCacheKey());
  }
  try {
    const cipher = new CacheCipher(keys);
    const previousClock = entry && unlocked.raw ? await openClock(cipher, entry) : null;
    const clock = afterOnlineSignIn(previousClock, now.getTime(), login.serverTime);
    const lookupKey = await ensureDeviceLookupKey(deps.keyring, deps.device);
    const [{ wrapped, passwordOnly }, profile, sealedClock, mac] = await Promise.all([
      wrapFor(raw, input.password, deps),
      sealProfile(cipher, user),
      sealClock(cipher, user.id, clock),
      usernameMac(lookupKey, user.username),
    ]);
    await deps.keyring.transaction('rw', deps.keyring.users, async () => {
      // A user name is unique on a device: an older entry under it (another id) gives way.
      await deps.keyring.users
        .where('usernameMac')
        .equals(mac)
        .and((e) => e.userId !== user.id)
        .delete();
      await deps.keyring.users.put({ userId: user.id, usernameMac: mac, ...wrapped, profile, clock: sealedClock });
    });
    await deps.keyWrapBackup?.save(user.id, wrapped, passwordOnly).catch(() => undefined);
  } finally {
    raw.fill(0);
  }
  return {
    user,
    keys,
    token: { accessToken: login.accessToken, expiresAt: login.expiresAt },
    offline: false,
    notice: unlocked.notice,
  };
}

async function signInOffline(input: SignInInput, deps: SignInDeps, now: Date): Promise<SignedIn> {
  const lookup = await deviceLookupKey(deps.keyring, deps.device);
  // The key store lost what protects the user names: it lost the cache keys with them.
  if (lookup.status === 'lost') throw signInErrors.deviceKeyUnavailable();
  const mac = lookup.status === 'ok' ? await usernameMac(lookup.key, input.username) : null;
  const entry = mac ? await deps.keyring.users.where('usernameMac').equals(mac).first() : undefined;
  if (!entry) throw signInErrors.offlineUnknownUser();
  let keys: CacheKeys;
  try {
    keys = await importCacheKeys(
      await unwrapRawWithPassword(decodeWrap(await passwordWrapOf(entry, deps.device)), input.password),
    );
  } catch (error) {
    if (error instanceof WrongPasswordError) throw signInErrors.wrongCredentials();
    if (error instanceof DeviceKeyError) throw signInErrors.deviceKeyUnavailable();
    throw error;
  }
  const cipher = new CacheCipher(keys);
  const [user, clock] = await Promise.all([openProfile(cipher, entry), openClock(cipher, entry)]);
  if (!user || !clock) throw signInErrors.offlineUnknownUser();
  const verdict = offlineVerdict(clock, now.getTime(), deps.maxOfflineDays);
  if (verdict === 'clock-back') throw signInErrors.offlineClockBack();
  if (verdict === 'expired') throw signInErrors.offlineExpired(deps.maxOfflineDays);
  const seen = await sealClock(cipher, entry.userId, observed(clock, now.getTime()));
  await deps.keyring.users.update(entry.userId, { clock: seen });
  return { user, keys, token: null, offline: true, notice: null };
}
