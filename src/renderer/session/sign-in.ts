/**
 * Sign-in and unlock. Online: the central service checks the password, then the cache key is
 * unwrapped (or created on the first sign-in on this device) and wrapped again under the current
 * password. Offline (service unreachable): the password unwraps the key, allowed only within the
 * policy's maximum offline days since the last online sign-in. A wrong password changes nothing.
 */
import type { LoginResponse } from '../../shared/api/auth.ts';
import type { User } from '../../shared/domain/user.ts';
import {
  createCacheKey,
  decodeWrap,
  encodeWrap,
  importCacheKey,
  unwrapRawWithPassword,
  WrongPasswordError,
  wrapWithPassword,
} from '../data/crypto/key-wrap.ts';
import type { KeyringDb, KeyringEntry } from '../data/keyring.ts';
import { NetworkError, ServerError, UnauthorizedError } from '../api/api-errors.ts';
import { SignInError, signInErrors } from './sign-in-errors.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The desktop's key protection (safeStorage in Electron), as the DesktopApi offers it. */
export type DeviceProtection = {
  isAvailable(): Promise<boolean>;
  protect(plaintext: string): Promise<string>;
  unprotect(sealed: string): Promise<string>;
};

export type SignInDeps = {
  login(username: string, password: string): Promise<LoginResponse>;
  device: DeviceProtection;
  keyring: KeyringDb;
  maxOfflineDays: number;
  /** Undelivered outbox entries in the user's cache (readable without the key). */
  pendingOutbox(userId: string): Promise<number>;
  deleteCache(userId: string): Promise<void>;
  /**
   * The wrapped key kept beside the outbox journal: when IndexedDB (with the keyring) was lost, it
   * opens the journal again with the user's password.
   */
  keyWrapBackup?: {
    read(userId: string): Promise<Pick<KeyringEntry, 'keyWrap' | 'deviceSealed'> | null>;
    /** `passwordOnly` is the wrap before the desktop sealed it, for where the desktop's key would be lost too. */
    save(userId: string, wrap: Pick<KeyringEntry, 'keyWrap' | 'deviceSealed'>, passwordOnly: string): Promise<void>;
  };
  now?: () => Date;
  iterations?: number;
};

export type SignInInput = { username: string; password: string; previousPassword?: string };

export type SignedIn = {
  user: User;
  cacheKey: CryptoKey;
  token: { accessToken: string; expiresAt: string } | null;
  offline: boolean;
};

class DeviceKeyError extends Error {}

/**
 * The raw cache key from a keyring entry: the desktop's wrap first (DeviceKeyError when the
 * device no longer opens it), then the password's (WrongPasswordError).
 */
async function unwrapRaw(
  entry: KeyringEntry,
  password: string,
  device: DeviceProtection,
): Promise<Uint8Array<ArrayBuffer>> {
  let encoded = entry.keyWrap;
  if (entry.deviceSealed) {
    try {
      encoded = await device.unprotect(entry.keyWrap);
    } catch {
      throw new DeviceKeyError();
    }
  }
  return unwrapRawWithPassword(decodeWrap(encoded), password);
}

/** The keyring's wrap (sealed by the desktop where it can) and the password's wrap alone. */
async function wrapFor(
  raw: Uint8Array<ArrayBuffer>,
  password: string,
  deps: SignInDeps,
): Promise<{ wrapped: Pick<KeyringEntry, 'keyWrap' | 'deviceSealed'>; passwordOnly: string }> {
  const encoded = encodeWrap(await wrapWithPassword(raw, password, deps.iterations));
  if (await deps.device.isAvailable())
    return { wrapped: { keyWrap: await deps.device.protect(encoded), deviceSealed: true }, passwordOnly: encoded };
  return { wrapped: { keyWrap: encoded, deviceSealed: false }, passwordOnly: encoded };
}

export async function signIn(input: SignInInput, deps: SignInDeps): Promise<SignedIn> {
  const now = deps.now?.() ?? new Date();
  let login: LoginResponse;
  try {
    login = await deps.login(input.username, input.password);
  } catch (error) {
    if (error instanceof UnauthorizedError || (error instanceof ServerError && error.status === 401))
      throw signInErrors.wrongCredentials();
    if (error instanceof ServerError && error.status === 429)
      throw signInErrors.rateLimited(Math.ceil((error.retryAfterMs ?? 60_000) / 1000));
    if (error instanceof NetworkError || (error instanceof ServerError && error.status >= 500))
      return signInOffline(input, deps, now);
    throw new SignInError('server', error instanceof Error ? error.message : String(error));
  }
  return signInOnline(input, login, deps, now);
}

async function signInOnline(input: SignInInput, login: LoginResponse, deps: SignInDeps, now: Date): Promise<SignedIn> {
  const { user } = login;
  const backup = async (): Promise<KeyringEntry | undefined> => {
    const wrap = await deps.keyWrapBackup?.read(user.id).catch(() => null);
    if (!wrap) return undefined;
    return {
      userId: user.id,
      username: user.username.toLowerCase(),
      displayName: user.displayName,
      roles: user.roles,
      ...wrap,
      lastOnlineSignInAt: now.toISOString(),
    };
  };
  const entry = (await deps.keyring.users.get(user.id)) ?? (await backup());
  let raw: Uint8Array<ArrayBuffer> | null = null;
  if (entry) {
    for (const password of [input.password, input.previousPassword]) {
      if (!password || raw) continue;
      try {
        raw = await unwrapRaw(entry, password, deps.device);
      } catch {
        // Wrong (old) password or the device no longer opens the wrap: decided below.
      }
    }
    if (!raw) {
      if ((await deps.pendingOutbox(user.id)) > 0) throw signInErrors.passwordChanged();
      // Nothing unsent: the cache is only a cache; start it afresh under the new password.
      await deps.deleteCache(user.id);
    }
  }
  let key: CryptoKey;
  if (raw) {
    key = await importCacheKey(raw.slice());
  } else {
    const fresh = await createCacheKey();
    key = fresh.key;
    raw = fresh.raw;
  }
  try {
    const { wrapped, passwordOnly } = await wrapFor(raw, input.password, deps);
    await deps.keyring.users.put({
      userId: user.id,
      username: user.username.toLowerCase(),
      displayName: user.displayName,
      roles: user.roles,
      ...wrapped,
      lastOnlineSignInAt: now.toISOString(),
    });
    await deps.keyWrapBackup?.save(user.id, wrapped, passwordOnly).catch(() => undefined);
  } finally {
    raw.fill(0);
  }
  return { user, cacheKey: key, token: { accessToken: login.accessToken, expiresAt: login.expiresAt }, offline: false };
}

async function signInOffline(input: SignInInput, deps: SignInDeps, now: Date): Promise<SignedIn> {
  const entry = await deps.keyring.users.where('username').equals(input.username.trim().toLowerCase()).first();
  if (!entry) throw signInErrors.offlineUnknownUser();
  if (now.getTime() - Date.parse(entry.lastOnlineSignInAt) > deps.maxOfflineDays * DAY_MS) {
    throw signInErrors.offlineExpired(deps.maxOfflineDays);
  }
  let key: CryptoKey;
  try {
    key = await importCacheKey(await unwrapRaw(entry, input.password, deps.device));
  } catch (error) {
    if (error instanceof WrongPasswordError) throw signInErrors.wrongCredentials();
    if (error instanceof DeviceKeyError) throw signInErrors.deviceKeyUnavailable();
    throw error;
  }
  const user = {
    id: entry.userId,
    username: entry.username,
    displayName: entry.displayName,
    roles: entry.roles,
  } as User;
  return { user, cacheKey: key, token: null, offline: true };
}
