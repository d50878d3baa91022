/**
 * German texts of the letter screens (keys `letters.composer.*`, `letters.list.*`, …): the
 * composer "Schreiben erstellen", the case's list of letters and the outbox panel's line for a
 * letter. The engine's own texts (problems, template errors) are in src/renderer/letters/.
 */
export const lettersUiDe = {
  'letters.composer.title': 'Schreiben erstellen',
  'letters.composer.loading': 'Vorlagen und Schriften werden geladen …',
  'letters.composer.failed.load':
    'Die Vorlagen oder Schriften für Schreiben konnten nicht geladen werden. Schließen Sie den Dialog und versuchen Sie es erneut.',
  'letters.composer.failed.machine':
    'Die Briefvorlagen Ihrer Dienststelle konnten nicht gelesen werden. Schließen Sie den Dialog und versuchen Sie es erneut; bleibt es dabei, wenden Sie sich an die IT.',
  'letters.composer.noCase': 'Die Akte ist nicht auf diesem Gerät. Gleichen Sie zuerst ab.',
  'letters.composer.noMembers': 'Für diese Akte sind keine Mitglieder der Bedarfsgemeinschaft gespeichert.',
  'letters.composer.noTemplates': 'Es gibt keine verwendbare Briefvorlage.',
  'letters.composer.template': 'Vorlage',
  'letters.composer.recipient': 'Empfänger',
  'letters.composer.recipient.option': '{name} ({role})',
  'letters.composer.recipient.noAddress': '{name} ({role}) – keine Postanschrift gespeichert',
  'letters.composer.fields': 'Angaben für dieses Schreiben',
  'letters.composer.noFields': 'Diese Vorlage braucht keine weiteren Angaben.',
  'letters.composer.required': 'Pflichtfeld',
  'letters.composer.germanNote':
    'Schreiben an Bürgerinnen und Bürger sind deutsch; die Feldbezeichnungen stammen aus der Vorlage.',
  'letters.composer.preview': 'Vorschau',
  'letters.composer.preview.page': 'Vorschau, Seite {page} von {pages}',
  'letters.composer.preview.updating': 'Vorschau wird aktualisiert …',
  'letters.composer.preview.failed': 'Die Vorschau kann nicht gezeigt werden: {reason}',
  'letters.composer.preview.broken':
    'Die Vorschau kann nicht gezeigt werden. Schließen Sie den Dialog und versuchen Sie es erneut.',
  'letters.composer.problems':
    '{count, plural, one {Ein Punkt verhindert das Senden:} other {# Punkte verhindern das Senden:}}',
  'letters.composer.ready': 'Das Schreiben kann gesendet werden.',
  'letters.composer.refused': 'Nicht gesendet: Bitte beheben Sie zuerst die aufgeführten Punkte.',
  'letters.composer.refusedTemplates': 'Nicht verwendbare Vorlagen',
  'letters.composer.unreadable': 'Die Datei „{file}“ kann nicht gelesen werden ({code}).',
  'letters.composer.officeRefused': 'Ohne gültige Angaben der Dienststelle kann kein Schreiben gesendet werden.',
  'letters.composer.send': 'Senden',
  'letters.composer.sending': 'Wird in den Postausgang gestellt …',
  'letters.composer.cancel': 'Abbrechen',
  'letters.composer.failed.queue':
    'Das Schreiben konnte nicht in den Postausgang gestellt werden. Bitte versuchen Sie es erneut.',
  'letters.composer.discard.title': 'Schreiben verwerfen?',
  'letters.composer.discard.body': 'Ihre Eingaben gehen verloren; es wird nichts gesendet.',
  'letters.composer.discard.confirm': 'Verwerfen',
  'letters.composer.discard.keep': 'Weiter bearbeiten',
  'letters.role.applicant': 'antragstellende Person',
  'letters.role.partner': 'Partner oder Partnerin',
  'letters.role.child': 'Kind',
  'letters.role.other': 'weitere Person',

  'letters.list.title': 'Schreiben',
  'letters.list.empty': 'Zu dieser Akte gibt es noch keine Schreiben.',
  'letters.list.subject': 'Betreff',
  'letters.list.recipient': 'Empfänger',
  'letters.list.template': 'Vorlage',
  'letters.list.created': 'Erstellt',
  'letters.list.status': 'Stand',
  'letters.list.unknownRecipient': 'nicht mehr in der Akte',
  'letters.list.notified':
    'Gilt als bekannt gegeben am {date} (§ 37 Abs. 2 SGB X: vierter Tag nach Versand am {posted})',
  'letters.status.draft': 'Entwurf',
  'letters.status.queued': 'In der Warteschlange',
  'letters.status.accepted': 'Angenommen',
  'letters.status.printed': 'Gedruckt',
  'letters.status.dispatched': 'Versandt',
  'letters.status.failed': 'Fehlgeschlagen: {reason}',
  'letters.status.failed.unknown': 'Fehlgeschlagen',
  'letters.delivery.rejected': 'Vom zentralen Dienst abgelehnt – siehe „Ausstehende Änderungen“',
  'letters.delivery.undeliverable': 'Nicht zustellbar – siehe „Ausstehende Änderungen“',

  'letters.outbox.what': 'Schreiben „{subject}“ an {recipient}',
} as const;
