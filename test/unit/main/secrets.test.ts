import { describe, expect, it } from 'vitest';
import { createSecrets, type SafeStoragePort } from '../../../src/main/secrets.ts';
import { IpcError } from '../../../src/shared/ipc/envelope.ts';

function port(backend: string, available = true): SafeStoragePort {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (t) => Buffer.from([...Buffer.from(t)].reverse()),
    decryptString: (b) => Buffer.from([...b].reverse()).toString(),
  };
}

describe('secrets', () => {
  it('round-trips through safeStorage', () => {
    const secrets = createSecrets(port('gnome_libsecret'));
    expect(secrets.isAvailable()).toBe(true);
    expect(secrets.unprotect(secrets.protect('AQID'))).toBe('AQID');
  });
  it('reports the plain-text fallback on Linux as unavailable and refuses to use it', () => {
    const secrets = createSecrets(port('basic_text'));
    expect(secrets.isAvailable()).toBe(false);
    expect(() => secrets.protect('AQID')).toThrow(IpcError);
  });
  it('reports no encryption as unavailable', () => {
    expect(createSecrets(port('kwallet', false)).isAvailable()).toBe(false);
  });
});
