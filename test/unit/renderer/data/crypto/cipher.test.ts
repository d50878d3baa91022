/** Sealing of cache values: each seal under its own IV, bound to its place, opened only there. */
import { describe, expect, it } from 'vitest';
import { importCacheKeys } from '../../../../../src/renderer/data/crypto/cache-keys.ts';
import { CacheCipher, CacheSealError } from '../../../../../src/renderer/data/crypto/cipher.ts';

const cipher = async () => new CacheCipher(await importCacheKeys(crypto.getRandomValues(new Uint8Array(32))));

describe('cache cipher', () => {
  it('gives every seal its own IV, also past one draw of IVs from the random source', async () => {
    const c = await cipher();
    const plain = new TextEncoder().encode('Frau Beispiel, BG 12345');
    const sealed = await Promise.all(Array.from({ length: 700 }, () => c.sealBytes(plain, 'notes/n1')));
    const ivs = new Set(sealed.map((s) => Buffer.from(s.subarray(0, 12)).toString('hex')));
    expect(ivs.size).toBe(700);
    for (const s of [sealed[0]!, sealed[300]!, sealed[699]!])
      expect(new TextDecoder().decode(await c.openBytes(s, 'notes/n1'))).toBe('Frau Beispiel, BG 12345');
  });

  it('opens a value only where it was sealed', async () => {
    const c = await cipher();
    const sealed = await c.sealJson({ text: 'Termin' }, 'notes/n1');
    await expect(c.openBytes(sealed, 'notes/n2')).rejects.toBeInstanceOf(CacheSealError);
  });
});
