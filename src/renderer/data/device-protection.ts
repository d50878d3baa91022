/** The desktop's key protection (safeStorage in Electron, a profile key in browser mode), as the DesktopApi offers it. */
export type DeviceProtection = {
  isAvailable(): Promise<boolean>;
  /** Base64 in, sealed text out. */
  protect(plaintext: string): Promise<string>;
  /** Throws when the key store no longer opens it (entry lost, other machine or account). */
  unprotect(sealed: string): Promise<string>;
};
