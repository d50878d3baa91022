/**
 * The cache key and its wraps. The key is 256 random bits, used as a non-extractable AES-GCM key.
 * At rest it exists only wrapped: first under a key derived from the user's password (PBKDF2-
 * SHA-256, 600,000 iterations), then — where the desktop offers it — that blob again under the
 * operating system's protection. So unlocking offline needs the user's password *and* this
 * machine's account; a copied profile is useless.
 */
import { z } from 'zod';
import { base64Pattern, base64ToBytes, bytesToBase64 } from '../../../shared/util/base64.ts';
import { importCacheKeys, type CacheKeys } from './cache-keys.ts';

export const PBKDF2_ITERATIONS = 600_000;
const encoder = new TextEncoder();

const b64 = z.string().regex(base64Pattern);

export const passwordWrapSchema = z.strictObject({
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(PBKDF2_ITERATIONS),
  salt: b64,
  iv: b64,
  wrapped: b64,
});
export type PasswordWrap = z.infer<typeof passwordWrapSchema>;

export class WrongPasswordError extends Error {
  readonly code = 'wrong-password';
  constructor() {
    super('wrong password');
    this.name = 'WrongPasswordError';
  }
}

async function deriveWrappingKey(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(password.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A fresh cache key: the usable keys and its raw bytes (only to wrap them, then to be wiped). */
export async function createCacheKey(): Promise<{ keys: CacheKeys; raw: Uint8Array<ArrayBuffer> }> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  return { keys: await importCacheKeys(raw.slice()), raw };
}

export async function wrapWithPassword(
  raw: Uint8Array<ArrayBuffer>,
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<PasswordWrap> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrappingKey = await deriveWrappingKey(password, salt, iterations);
  const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, wrappingKey, raw));
  return {
    kdf: 'PBKDF2-SHA-256',
    iterations,
    salt: bytesToBase64(salt),
    iv: bytesToBase64(iv),
    wrapped: bytesToBase64(wrapped),
  };
}

/** The raw cache key from its password wrap; a wrong password fails the AES-GCM tag check. */
export async function unwrapRawWithPassword(wrap: PasswordWrap, password: string): Promise<Uint8Array<ArrayBuffer>> {
  const wrappingKey = await deriveWrappingKey(password, base64ToBytes(wrap.salt), wrap.iterations);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: base64ToBytes(wrap.iv) },
        wrappingKey,
        base64ToBytes(wrap.wrapped),
      ),
    );
  } catch {
    throw new WrongPasswordError();
  }
}

/** Unwraps the cache key with the password. */
export async function unwrapWithPassword(wrap: PasswordWrap, password: string): Promise<CacheKeys> {
  return importCacheKeys(await unwrapRawWithPassword(wrap, password));
}

/** The password wrap as text, for the desktop's second wrap. */
export function encodeWrap(wrap: PasswordWrap): string {
  return bytesToBase64(encoder.encode(JSON.stringify(wrap)));
}

export function decodeWrap(text: string): PasswordWrap {
  return passwordWrapSchema.parse(JSON.parse(new TextDecoder().decode(base64ToBytes(text))));
}
