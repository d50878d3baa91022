/** Why a sign-in did not succeed, each with a German sentence that says what to do. */
export type SignInErrorCode =
  | 'wrong-credentials'
  | 'rate-limited'
  | 'offline-unknown-user'
  | 'offline-expired'
  | 'password-changed'
  | 'device-key-unavailable'
  | 'server';

export class SignInError extends Error {
  readonly code: SignInErrorCode;
  constructor(code: SignInErrorCode, message: string) {
    super(message);
    this.name = 'SignInError';
    this.code = code;
  }
}

export const signInErrors = {
  wrongCredentials: () =>
    new SignInError('wrong-credentials', 'Benutzername oder Passwort ist falsch. Bitte prüfen Sie Ihre Eingabe.'),
  rateLimited: (seconds: number) =>
    new SignInError(
      'rate-limited',
      `Zu viele Fehlversuche. Bitte warten Sie ${seconds} Sekunden und versuchen Sie es dann erneut.`,
    ),
  offlineUnknownUser: () =>
    new SignInError(
      'offline-unknown-user',
      'Der zentrale Dienst ist nicht erreichbar, und auf diesem Gerät hat sich dieser Benutzer noch nie angemeldet. Eine Anmeldung ohne Verbindung ist erst nach einer Online-Anmeldung möglich.',
    ),
  offlineExpired: (days: number) =>
    new SignInError(
      'offline-expired',
      `Der zentrale Dienst ist nicht erreichbar, und Ihre letzte Online-Anmeldung liegt mehr als ${days} Tage zurück. Bitte melden Sie sich an, sobald die Verbindung wieder besteht.`,
    ),
  passwordChanged: () =>
    new SignInError(
      'password-changed',
      'Ihr Passwort wurde geändert. Auf diesem Gerät liegen noch nicht übermittelte Eingaben, die mit dem bisherigen Passwort geschützt sind. Bitte geben Sie zusätzlich Ihr bisheriges Passwort ein.',
    ),
  deviceKeyUnavailable: () =>
    new SignInError(
      'device-key-unavailable',
      'Der Schlüsselspeicher dieses Geräts gibt den Schlüssel Ihrer Akten nicht frei. Melden Sie sich online an, dann werden Ihre Akten neu geladen; bleibt der Fehler, wenden Sie sich an die IT.',
    ),
};
