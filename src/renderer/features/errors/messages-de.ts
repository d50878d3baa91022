/** German texts of the errors an action can meet (keys `error.`): what happened and what to do. */
export const errorsDe = {
  'error.unexpected':
    'Das hat nicht geklappt. Ihre Eingabe ist erhalten; bitte versuchen Sie es erneut. Bleibt der Fehler, wenden Sie sich an die IT.',
  'error.entity-changed':
    'Der Eintrag wurde inzwischen geändert (etwa im anderen Fenster). Ihre Eingabe ist erhalten; bitte speichern Sie erneut.',
  'error.original-destroyed':
    'Das Papieroriginal wurde nur bis {retainedUntil} aufbewahrt und ist inzwischen vernichtet. Maßgeblich ist der Scan.',
  'error.no-paper-original': 'Zu diesem Dokument gibt es kein Papieroriginal.',
  'error.document-not-a-scan': 'Nur eingescannte Eingänge lassen sich als falsch zugeordnet melden.',
  'error.document-reported-misfiled':
    'Dieses Dokument ist bereits als falsch zugeordnet gemeldet; es verlässt die Akte beim nächsten Abgleich.',
  'error.misfiled-reason-empty': 'Bitte geben Sie einen Grund für die Meldung an.',
  'error.misfiled-reason-too-long': 'Der Grund darf höchstens {max} Zeichen lang sein.',
  'error.content-not-cached':
    'Das Dokument ist noch nicht auf diesem Gerät gespeichert. Es wird beim nächsten Abgleich geladen.',
  'error.cache-seal':
    'Gespeicherte Daten dieser Akte lassen sich nicht lesen. Melden Sie sich ab und wieder an; bleibt der Fehler, wenden Sie sich an die IT.',
  'error.letter-too-large': 'Das Schreiben ist zu groß für den Versand. Bitte kürzen Sie es.',
  'error.letter-already-queued': 'Dieses Schreiben wartet bereits auf den Versand.',
  'error.storage-full':
    'Auf diesem Gerät ist kein Platz mehr. Ihre Eingabe ist erhalten; geben Sie Speicherplatz frei und speichern Sie erneut.',
  'error.closed': 'Die Sitzung wurde beendet. Bitte melden Sie sich erneut an; Ihre Eingabe ist erhalten.',
  'error.handler-failed':
    'Die Anwendung konnte die Aktion nicht ausführen. Bitte versuchen Sie es erneut; bleibt der Fehler, wenden Sie sich an die IT.',
  'error.invalid-argument': 'Die Anwendung hat eine ungültige Anfrage abgewiesen. Bitte wenden Sie sich an die IT.',
  'error.invalid-result': 'Die Anwendung hat eine unerwartete Antwort erhalten. Bitte wenden Sie sich an die IT.',
  'error.untrusted-sender': 'Die Anfrage kam nicht aus einem Fenster der Anwendung und wurde abgewiesen.',
  'error.keyring-unavailable':
    'Der Schlüsselspeicher des Betriebssystems ist nicht erreichbar. Melden Sie sich mit Ihrem Passwort an; bleibt der Fehler, wenden Sie sich an die IT.',
  'error.unprotect-failed':
    'Der Schlüsselspeicher gibt den Schlüssel nicht frei. Melden Sie sich online an; bleibt der Fehler, wenden Sie sich an die IT.',
} as const;
