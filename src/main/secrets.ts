/**
 * Wraps and unwraps secrets (the user's cache key) with the operating system's protection through
 * Electron's safeStorage. On Linux without a keyring safeStorage falls back to a hard-coded key;
 * that is reported as unavailable so the renderer relies on the password-derived wrap alone.
 */
import { IpcError } from '../shared/ipc/envelope.ts';
import { base64ToBytes, bytesToBase64 } from '../shared/util/base64.ts';

export type SafeStoragePort = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?: () => string;
};

export function createSecrets(safeStorage: SafeStoragePort) {
  const isAvailable = (): boolean =>
    safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  const requireAvailable = (): void => {
    if (!isAvailable())
      throw new IpcError('unavailable', 'Der sichere Schlüsselspeicher des Betriebssystems ist nicht verfügbar.');
  };
  return {
    isAvailable,
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
        throw new IpcError(
          'unavailable',
          'Der gespeicherte Schlüssel kann auf diesem Gerät nicht entschlüsselt werden.',
        );
      }
    },
  };
}
export type Secrets = ReturnType<typeof createSecrets>;
