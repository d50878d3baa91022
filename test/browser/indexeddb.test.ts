import { expect, it } from 'vitest';

it('runs in a real browser with IndexedDB and WebCrypto', async () => {
  expect(typeof indexedDB.open).toBe('function');
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  expect(key.type).toBe('secret');
});
