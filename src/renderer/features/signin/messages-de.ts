/** German texts of sign-in and the session (keys start with `signin.`). */
export const signinDe = {
  'signin.heading': 'Anmeldung',
  'signin.intro': 'Melden Sie sich mit Ihrer Kennung für die E-Akte an.',
  'signin.username': 'Benutzername',
  'signin.password': 'Passwort',
  'signin.previousPassword': 'Bisheriges Passwort',
  'signin.submit': 'Anmelden',
  'signin.busy': 'Anmeldung läuft …',
  'signin.signOut': 'Abmelden',
  'signin.signedInAs': 'Angemeldet: {name}',
  'signin.offlineBadge': 'Ohne Verbindung angemeldet',
  'signin.required': 'Bitte geben Sie Benutzername und Passwort ein.',
} as const;
