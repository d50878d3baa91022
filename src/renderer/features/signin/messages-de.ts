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
  'signin.setAside': 'Ohne bisheriges Passwort fortfahren',
  'signin.setAside.hint':
    'Sie wissen das bisherige Passwort nicht mehr? Dann werden die nicht übermittelten Eingaben für die IT beiseitegelegt (nicht gesendet), und Ihre Akten werden neu geladen.',
  'signin.error.wrong-credentials': 'Benutzername oder Passwort ist falsch. Bitte prüfen Sie Ihre Eingabe.',
  'signin.error.rate-limited':
    'Zu viele Fehlversuche. Bitte warten Sie {seconds, plural, one {# Sekunde} other {# Sekunden}} und versuchen Sie es dann erneut.',
  'signin.error.offline-unknown-user':
    'Der zentrale Dienst ist nicht erreichbar, und dieser Benutzer hat sich auf diesem Gerät noch nicht (oder seit der letzten Aktualisierung nicht) online angemeldet. Eine Anmeldung ohne Verbindung ist erst nach einer Online-Anmeldung möglich.',
  'signin.error.offline-expired':
    'Der zentrale Dienst ist nicht erreichbar, und Ihre letzte Online-Anmeldung liegt mehr als {days, plural, one {# Tag} other {# Tage}} zurück. Bitte melden Sie sich an, sobald die Verbindung wieder besteht.',
  'signin.error.offline-clock-back':
    'Die Uhr dieses Geräts wurde zurückgestellt – vor eine Zeit, die dieses Gerät schon gesehen hat. Ohne Verbindung ist deshalb keine Anmeldung möglich. Bitte melden Sie sich an, sobald der zentrale Dienst erreichbar ist; stimmt die Uhrzeit nicht, wenden Sie sich an die IT.',
  'signin.error.password-changed':
    'Ihr Passwort wurde geändert. Auf diesem Gerät {pending, plural, one {liegt noch # nicht übermittelte Eingabe, die mit dem bisherigen Passwort geschützt ist} other {liegen noch # nicht übermittelte Eingaben, die mit dem bisherigen Passwort geschützt sind}}. Bitte geben Sie zusätzlich Ihr bisheriges Passwort ein.',
  'signin.error.previous-password-wrong':
    'Auch das bisherige Passwort öffnet {pending, plural, one {die nicht übermittelte Eingabe} other {die # nicht übermittelten Eingaben}} nicht. Bitte versuchen Sie es erneut, oder fahren Sie ohne das bisherige Passwort fort.',
  'signin.error.device-key-unavailable':
    'Der Schlüsselspeicher dieses Geräts gibt den Schlüssel Ihrer Akten nicht mehr frei, deshalb ist ohne Verbindung keine Anmeldung möglich. Melden Sie sich online an, dann werden Ihre Akten neu geladen; bleibt der Fehler, wenden Sie sich an die IT.',
  'signin.error.server': 'Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
  'signin.notice.device-key-lost':
    'Der Schlüsselspeicher dieses Geräts hat den Schlüssel Ihrer Akten nicht mehr freigegeben. Ihre Akten werden deshalb neu geladen; verloren ist nichts, denn alles liegt beim zentralen Dienst.',
  'signin.notice.pending-set-aside.device-key-lost':
    'Der Schlüsselspeicher dieses Geräts hat den Schlüssel Ihrer Akten nicht mehr freigegeben. {count, plural, one {# nicht übermittelte Eingabe ließ sich deshalb nicht mehr öffnen; sie wurde} other {# nicht übermittelte Eingaben ließen sich deshalb nicht mehr öffnen; sie wurden}} nicht gesendet, sondern für die IT beiseitegelegt. Bitte geben Sie diese Eingaben erneut ein und informieren Sie die IT. Ihre Akten werden neu geladen.',
  'signin.notice.pending-set-aside.password-unknown':
    '{count, plural, one {# nicht übermittelte Eingabe wurde} other {# nicht übermittelte Eingaben wurden}} ohne das bisherige Passwort nicht gesendet, sondern für die IT beiseitegelegt. Bitte geben Sie diese Eingaben erneut ein und informieren Sie die IT. Ihre Akten werden neu geladen.',
  'signin.notice.dismiss': 'Verstanden',
} as const;
