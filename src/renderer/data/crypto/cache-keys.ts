/**
 * The keys a session works with, both from the one random cache key: the cache key itself
 * (AES-GCM) seals what the cache stores; the index key (HMAC-SHA-256, derived from it by HKDF)
 * turns values that must be found or compared but never read — BG numbers, sha256 values — into
 * keyed hashes for the indexes. Both are non-extractable; they travel between the windows and to
 * the sync worker as CryptoKeys, never as bytes.
 */
const encoder = new TextEncoder();
const INDEX_SALT = encoder.encode('e-akte cache');
const INDEX_INFO = encoder.encode('index-mac/v1');

export type CacheKeys = { readonly cacheKey: CryptoKey; readonly indexKey: CryptoKey };

/** The usable keys from the raw cache key, which is wiped afterwards. */
export async function importCacheKeys(raw: Uint8Array<ArrayBuffer>): Promise<CacheKeys> {
  try {
    // Both imports copy the bytes when they are called, so the wipe below cannot race them.
    const [cacheKey, base] = await Promise.all([
      crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
      crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey']),
    ]);
    const indexKey = await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: INDEX_SALT, info: INDEX_INFO },
      base,
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign'],
    );
    return { cacheKey, indexKey };
  } finally {
    raw.fill(0);
  }
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const b of view) out += HEX[b]!;
  return out;
}

/**
 * A keyed hash (hex, 64 characters) of `value` under `key`; `label` keeps the kinds apart, so a
 * BG number and a checksum never hash alike.
 */
export async function keyedHash(key: CryptoKey, label: string, value: string): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(`${label}\u0000${value}`)));
}
