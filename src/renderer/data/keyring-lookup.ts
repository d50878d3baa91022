/**
 * Finding a keyring entry by user name without keeping the name: the entry holds a keyed hash
 * (HMAC-SHA-256) of the lower-cased user name under this device's lookup key — 256 random bits
 * created on the first sign-in, kept protected by the operating system's key store where there
 * is one. Offline sign-in hashes the typed name the same way and looks the hash up. A copied
 * profile shows no user names, and without this machine's key store not even a guessed name can
 * be checked against it. If the key store loses the lookup key, offline sign-in finds no one
 * until the next online sign-in, which makes a new lookup key and re-keys that user's entry.
 */
import { base64ToBytes, bytesToBase64 } from '../../shared/util/base64.ts';
import { keyedHash } from './crypto/cache-keys.ts';
import type { DeviceProtection } from './device-protection.ts';
import type { DeviceLookupRecord, KeyringDb } from './keyring.ts';

const ID = 'lookup';

function importLookupKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
}

async function openLookupKey(record: DeviceLookupRecord, device: DeviceProtection): Promise<CryptoKey | null> {
  try {
    const encoded = record.deviceSealed ? await device.unprotect(record.key) : record.key;
    const raw = base64ToBytes(encoded);
    try {
      return await importLookupKey(raw);
    } finally {
      raw.fill(0);
    }
  } catch {
    return null;
  }
}

async function protectedRecord(raw: Uint8Array<ArrayBuffer>, device: DeviceProtection): Promise<DeviceLookupRecord> {
  const encoded = bytesToBase64(raw);
  try {
    if (await device.isAvailable()) return { id: ID, key: await device.protect(encoded), deviceSealed: true };
  } catch {
    // The key store refused: the lookup key is then kept like the rest without one.
  }
  return { id: ID, key: encoded, deviceSealed: false };
}

/** The device's lookup key; `lost` when there is one but the key store no longer opens it. */
export type LookupKey =
  { readonly status: 'none' } | { readonly status: 'lost' } | { readonly status: 'ok'; readonly key: CryptoKey };

export async function deviceLookupKey(keyring: KeyringDb, device: DeviceProtection): Promise<LookupKey> {
  const record = await keyring.device.get(ID);
  if (!record) return { status: 'none' };
  const key = await openLookupKey(record, device);
  return key ? { status: 'ok', key } : { status: 'lost' };
}

/** The device's lookup key, made afresh when there is none that opens (only an online sign-in does this). */
export async function ensureDeviceLookupKey(keyring: KeyringDb, device: DeviceProtection): Promise<CryptoKey> {
  const existing = await deviceLookupKey(keyring, device);
  if (existing.status === 'ok') return existing.key;
  const raw = crypto.getRandomValues(new Uint8Array(32));
  try {
    const record = await protectedRecord(raw, device);
    const key = await importLookupKey(raw);
    await keyring.device.put(record);
    return key;
  } finally {
    raw.fill(0);
  }
}

export function normalUsername(username: string): string {
  return username.trim().normalize('NFC').toLowerCase();
}

export function usernameMac(lookupKey: CryptoKey, username: string): Promise<string> {
  return keyedHash(lookupKey, 'username', normalUsername(username));
}
