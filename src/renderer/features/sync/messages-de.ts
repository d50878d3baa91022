/** German texts of the sync status (keys start with `sync.`). */
export const syncDe = {
  'sync.phase.starting': 'Abgleich startet …',
  'sync.phase.standby': 'Abgleich läuft im anderen Fenster',
  'sync.phase.idle': 'Abgeglichen',
  'sync.phase.pulling': 'Akten werden abgeglichen …',
  'sync.phase.fetching': 'Dokumente werden geladen …',
  'sync.phase.offline': 'Keine Verbindung – Sie arbeiten mit den gespeicherten Akten',
  'sync.phase.error': 'Abgleich gestört',
  'sync.phase.needs-sign-in': 'Anmeldung abgelaufen – bitte erneut anmelden',
  'sync.lastSuccess': 'Zuletzt abgeglichen: {time}',
  'sync.never': 'Noch nicht abgeglichen',
  'sync.counts': '{cases} Akten · {documents} Dokumente · {offline} offline verfügbar',
  'sync.progressBytes': '{done} von {total} geladen',
  'sync.outbox.pending': '{count, plural, one {# Änderung wartet} other {# Änderungen warten}}',
  'sync.outbox.rejected': '{count, plural, one {# abgelehnt} other {# abgelehnt}}',
  'sync.outbox.conflict': '{count, plural, one {# Konflikt} other {# Konflikte}}',
  'sync.outbox.undeliverable': '{count, plural, one {# nicht zustellbar} other {# nicht zustellbar}}',
  'sync.outbox.open': 'Ausstehende Änderungen anzeigen',
  'sync.outbox.retry': 'Übermittlung: neuer Versuch um {time}',
  'sync.outbox.purgeSoon':
    '{count, plural, one {# nicht zustellbare Änderung wird} other {# nicht zustellbare Änderungen werden}} am {date} endgültig gelöscht',
  'sync.journal.failing':
    'Die Sicherungskopie der ausstehenden Änderungen kann gerade nicht geschrieben werden; Ihre Eingaben sind in der Datenbank gespeichert. Bleibt dieser Hinweis, wenden Sie sich an die IT.',
  'sync.journal.restored':
    '{count, plural, one {# ausstehende Änderung wurde} other {# ausstehende Änderungen wurden}} aus der Sicherungskopie wiederhergestellt.',
  'sync.signInAgain': 'Erneut anmelden',
  'sync.now': 'Jetzt abgleichen',
  'sync.nextAttempt': 'Nächster Versuch: {time}',
  'sync.error.network':
    'Der zentrale Dienst ist nicht erreichbar. Sie arbeiten mit den gespeicherten Akten weiter; der Abgleich folgt von selbst.',
  'sync.error.server': 'Der zentrale Dienst hat einen Fehler gemeldet ({status}). Der Abgleich wird später wiederholt.',
  'sync.error.unauthorized':
    'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an; Ihre Eingaben bleiben erhalten.',
  'sync.error.cursor-gone':
    'Der Abgleichstand ist beim zentralen Dienst abgelaufen; die Akten werden vollständig neu abgeglichen.',
  'sync.error.contract':
    'Der zentrale Dienst hat eine ungültige Antwort geschickt ({what}). Es wurde nichts übernommen; der Abgleich wird später wiederholt. Bleibt der Fehler, wenden Sie sich an die IT.',
  'sync.error.checksum': 'Ein Dokument kam beschädigt an und wird erneut geladen.',
  'sync.error.storage-full':
    'Der Speicher auf diesem Gerät ist voll. Ältere Dokumente wurden aus dem Zwischenspeicher entfernt; Ihre ungesendeten Eingaben bleiben erhalten. Geben Sie Speicherplatz frei, damit weitere Dokumente offline verfügbar werden.',
  'sync.error.unexpected': 'Beim Abgleich ist ein unerwarteter Fehler aufgetreten. Der Abgleich wird wiederholt.',
  'sync.cases.heading': 'Meine Akten ({count})',
  'sync.cases.empty': 'Noch keine Akten auf diesem Gerät. Sie erscheinen nach dem ersten Abgleich.',
  'sync.cases.bg': 'BG-Nummer',
  'sync.cases.name': 'Antragsteller/in',
  'sync.cases.documents': 'Dokumente',
  'sync.storage': 'Speicher: {used} von {budget}',
  'sync.document.fetching': 'Das Dokument ist noch nicht auf diesem Gerät und wird jetzt geladen …',
  'sync.document.offline':
    'Das Dokument ist noch nicht auf diesem Gerät, und der zentrale Dienst ist nicht erreichbar. Es wird geladen, sobald die Verbindung wieder besteht.',
} as const;
