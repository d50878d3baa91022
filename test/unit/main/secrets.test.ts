/**
 * Cache-key protection over a fake safeStorage: a real keyring wraps and unwraps; Linux's
 * plain-text fallback and missing encryption count as no keyring, are refused for wrapping, and
 * are what the renderer reads as `keyring: 'none'`.
 */
import { describe, expect, it } from 'vitest';
import { createSecrets, type SafeStoragePort } from '../../../src/main/secrets.ts';
import { IpcError } from '../../../src/shared/ipc/envelope.ts';

function port(backend: string | undefined, available = true): SafeStoragePort & { sealed: number } {
  const fake = {
    sealed: 0,
    isEncryptionAvailable: () => available,
    encryptString: (t: string) => {
      fake.sealed += 1;
      return Buffer.from([...Buffer.from(t)].reverse());
    },
    decryptString: (b: Buffer) => {
      if (b.length === 0) throw new Error('bad');
      return Buffer.from([...b].reverse()).toString();
    },
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
  return fake;
}

describe('secrets', () => {
  it('round-trips through a real keyring (Linux libsecret, or Windows/macOS without a backend name)', () => {
    for (const backend of ['gnome_libsecret', 'kwallet5', undefined]) {
      const secrets = createSecrets(port(backend));
      expect(secrets.isAvailable()).toBe(true);
      expect(secrets.keyring()).toBe('os');
      expect(secrets.unprotect(secrets.protect('AQID'))).toBe('AQID');
    }
  });

  it('treats the plain-text fallback on Linux as no keyring and never wraps with it', () => {
    const fake = port('basic_text');
    const secrets = createSecrets(fake);
    expect(secrets.isAvailable()).toBe(false);
    expect(secrets.keyring()).toBe('none');
    expect(secrets.backend()).toBe('basic_text');
    expect(() => secrets.protect('AQID')).toThrow(IpcError);
    expect(fake.sealed).toBe(0);
  });

  it('treats missing encryption as no keyring', () => {
    const secrets = createSecrets(port('kwallet', false));
    expect(secrets.isAvailable()).toBe(false);
    expect(secrets.keyring()).toBe('none');
  });

  it('answers a wrap it cannot open with a code', () => {
    const secrets = createSecrets(port('gnome_libsecret'));
    try {
      secrets.unprotect('');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IpcError);
      expect((error as IpcError).code).toBe('unprotect-failed');
    }
  });
});
