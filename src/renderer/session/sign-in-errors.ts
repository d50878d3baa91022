/**
 * Why a sign-in did not succeed, as a code with parameters; the sign-in screen says it in the
 * user's language (`signin.error.<code>`, features/signin/messages-*.ts) with what to do next.
 */
export const SIGN_IN_ERROR_CODES = [
  /** The service refused user name or password, or offline the password does not open the cache. */
  'wrong-credentials',
  'rate-limited',
  /** Offline, and this user never signed in online on this device (or not since an update). */
  'offline-unknown-user',
  /** Offline, and the last online sign-in is longer ago than the policy allows. */
  'offline-expired',
  /** Offline, and the clock is set back before a time this device has already seen. */
  'offline-clock-back',
  /** The password changed and undelivered entries are protected by the previous one. */
  'password-changed',
  /** The previous password given does not open them either. */
  'previous-password-wrong',
  /** Offline, and the operating system's key store no longer opens the key (online sign-in works). */
  'device-key-unavailable',
  'server',
] as const;
export type SignInErrorCode = (typeof SIGN_IN_ERROR_CODES)[number];

export type SignInErrorParams = Readonly<Record<string, string | number>>;

export class SignInError extends Error {
  readonly code: SignInErrorCode;
  readonly params: SignInErrorParams;
  constructor(code: SignInErrorCode, params: SignInErrorParams = {}) {
    super(`sign-in failed: ${code}`);
    this.name = 'SignInError';
    this.code = code;
    this.params = params;
  }
}

export const signInErrors = {
  wrongCredentials: () => new SignInError('wrong-credentials'),
  rateLimited: (seconds: number) => new SignInError('rate-limited', { seconds }),
  offlineUnknownUser: () => new SignInError('offline-unknown-user'),
  offlineExpired: (days: number) => new SignInError('offline-expired', { days }),
  offlineClockBack: () => new SignInError('offline-clock-back'),
  passwordChanged: (pending: number) => new SignInError('password-changed', { pending }),
  previousPasswordWrong: (pending: number) => new SignInError('previous-password-wrong', { pending }),
  deviceKeyUnavailable: () => new SignInError('device-key-unavailable'),
  server: () => new SignInError('server'),
};

/**
 * What a successful sign-in has to tell the user: the operating system's key store no longer
 * opened the cache key (the cache is fetched again), or undelivered entries that no key opens any
 * more were set aside for IT.
 */
export type SignInNotice =
  | { readonly code: 'device-key-lost' }
  | {
      readonly code: 'pending-set-aside';
      readonly params: { readonly count: number; readonly reason: 'password-unknown' | 'device-key-lost' };
    };
