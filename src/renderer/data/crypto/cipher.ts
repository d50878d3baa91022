/**
 * Seals and opens what the cache stores: personal fields and document bytes, with AES-GCM under
 * the user's cache key. Each sealed value is bound to where it lives (table and id) as additional
 * data, so a record copied under another id does not open. Values that indexes must find or
 * compare but nobody may read (BG numbers, sha256 values) become keyed hashes under the index key.
 */
import type { z } from 'zod';
import { keyedHash, type CacheKeys } from './cache-keys.ts';

const IV_BYTES = 12;
/** IVs drawn from the random source at once: a snapshot seals thousands of values in a row. */
const IVS_PER_DRAW = 256;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** `unreadable`: the tag does not check (other key, other place, damaged); `invalid`: it opened but does not fit. */
export class CacheSealError extends Error {
  readonly code = 'cache-seal';
  readonly reason: 'unreadable' | 'invalid';
  constructor(reason: 'unreadable' | 'invalid', binding: string) {
    super(`sealed value ${binding} is ${reason}`);
    this.name = 'CacheSealError';
    this.reason = reason;
  }
}

/** What a keyed hash stands for; part of the hashed text, so equal values of two kinds differ. */
export type IndexLabel = 'bgNumber' | 'sha256';

export class CacheCipher {
  readonly key: CryptoKey;
  readonly indexKey: CryptoKey;
  private ivs = new Uint8Array(0);
  private ivAt = 0;

  constructor(keys: CacheKeys) {
    this.key = keys.cacheKey;
    this.indexKey = keys.indexKey;
  }

  /** A fresh random IV; each is handed out once (`encrypt` copies it when called). */
  private nextIv(): Uint8Array<ArrayBuffer> {
    if (this.ivAt + IV_BYTES > this.ivs.length) {
      this.ivs = crypto.getRandomValues(new Uint8Array(IV_BYTES * IVS_PER_DRAW));
      this.ivAt = 0;
    }
    const iv = this.ivs.subarray(this.ivAt, this.ivAt + IV_BYTES);
    this.ivAt += IV_BYTES;
    return iv;
  }

  async sealBytes(plain: Uint8Array<ArrayBuffer>, binding: string): Promise<Uint8Array<ArrayBuffer>> {
    const iv = this.nextIv();
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(binding) },
      this.key,
      plain,
    );
    const out = new Uint8Array(IV_BYTES + sealed.byteLength);
    out.set(iv);
    out.set(new Uint8Array(sealed), IV_BYTES);
    return out;
  }

  async openBytes(sealed: Uint8Array<ArrayBuffer>, binding: string): Promise<Uint8Array<ArrayBuffer>> {
    try {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: sealed.subarray(0, IV_BYTES), additionalData: encoder.encode(binding) },
        this.key,
        sealed.subarray(IV_BYTES),
      );
      return new Uint8Array(plain);
    } catch {
      throw new CacheSealError('unreadable', binding);
    }
  }

  async sealJson(value: unknown, binding: string): Promise<Uint8Array<ArrayBuffer>> {
    return this.sealBytes(encoder.encode(JSON.stringify(value)), binding);
  }

  async openJson<S extends z.ZodType>(
    sealed: Uint8Array<ArrayBuffer>,
    binding: string,
    schema: S,
  ): Promise<z.output<S>> {
    const text = decoder.decode(await this.openBytes(sealed, binding));
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new CacheSealError('invalid', binding);
    return parsed.data;
  }

  /** The keyed hash an index holds instead of `value` (64 hex characters). */
  indexHash(label: IndexLabel, value: string): Promise<string> {
    return keyedHash(this.indexKey, label, value);
  }
}
