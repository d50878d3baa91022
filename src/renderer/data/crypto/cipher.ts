/**
 * Seals and opens what the cache stores: personal fields and document bytes, with AES-GCM under
 * the user's cache key. Each sealed value is bound to where it lives (table and id) as additional
 * data, so a record copied under another id does not open.
 */
import type { z } from 'zod';

const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class CacheSealError extends Error {
  readonly code = 'cache-seal';
  constructor(message: string) {
    super(message);
    this.name = 'CacheSealError';
  }
}

export class CacheCipher {
  readonly key: CryptoKey;

  constructor(key: CryptoKey) {
    this.key = key;
  }

  async sealBytes(plain: Uint8Array<ArrayBuffer>, binding: string): Promise<Uint8Array<ArrayBuffer>> {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
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
        { name: 'AES-GCM', iv: sealed.slice(0, IV_BYTES), additionalData: encoder.encode(binding) },
        this.key,
        sealed.slice(IV_BYTES),
      );
      return new Uint8Array(plain);
    } catch {
      throw new CacheSealError(`cached data (${binding}) does not decrypt`);
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
    if (!parsed.success) throw new CacheSealError(`cached data (${binding}) is damaged`);
    return parsed.data;
  }
}
