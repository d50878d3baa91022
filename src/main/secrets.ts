/**
 * Wraps and unwraps secrets (the user's cache key) with the operating system's protection through
 * Electron's safeStorage. On Linux without a keyring safeStorage falls back to a key that is the
 * same on every machine (`basic_text`); that is reported as no keyring (`keyring: 'none'`,
 * `secrets:isAvailable` false), so the renderer relies on the password-derived wrap alone and can
 * tell the user so.
 */
import { IpcError } from '../shared/ipc/envelope.ts';
import type { Keyring } from '../shared/settings/settings.ts';
import { base64ToBytes, bytesToBase64 } from '../shared/util/base64.ts';

export type SafeStoragePort = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; absent elsewhere. */
  getSelectedStorageBackend?: () => string;
};

export function createSecrets(safeStorage: SafeStoragePort) {
  const backend = (): string => safeStorage.getSelectedStorageBackend?.() ?? 'os';
  const isAvailable = (): boolean => safeStorage.isEncryptionAvailable() && backend() !== 'basic_text';
  const requireAvailable = (): void => {
    if (!isAvailable()) throw new IpcError('keyring-unavailable', 'keyring-unavailable');
  };
  return {
    isAvailable,
    keyring: (): Keyring => (isAvailable() ? 'os' : 'none'),
    /** The safeStorage backend's name for the log (Linux: basic_text, gnome_libsecret, kwallet…). */
    backend,
    protect(plaintextBase64: string): string {
      requireAvailable();
      // encryptString takes text; the base64 form of the bytes is what is sealed.
      return bytesToBase64(new Uint8Array(safeStorage.encryptString(plaintextBase64)));
    },
    unprotect(sealedBase64: string): string {
      requireAvailable();
      try {
        return safeStorage.decryptString(Buffer.from(base64ToBytes(sealedBase64)));
      } catch {
        throw new IpcError('unprotect-failed', 'unprotect-failed');
      }
    },
  };
}
export type Secrets = ReturnType<typeof createSecrets>;
