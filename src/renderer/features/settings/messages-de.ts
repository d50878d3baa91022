/** German texts of the settings screen and the policy warning banner (keys start with `settings.`). */
export const settingsDe = {
  'settings.title': 'Einstellungen',
  'settings.loading': 'Einstellungen werden geladen …',
  'settings.loadFailed':
    'Die Einstellungen konnten nicht gelesen werden. Schließen Sie das Fenster und öffnen Sie es erneut; besteht das Problem fort, wenden Sie sich an Ihre IT.',
  'settings.locked': 'Von Ihrer IT festgelegt (Richtlinie).',
  'settings.saved': '„{field}“ gespeichert.',
  'settings.saveFailed':
    '„{field}“ wurde nicht gespeichert: Die Anwendung hat nicht geantwortet. Versuchen Sie es erneut.',
  'settings.refused.locked': '„{field}“ wurde nicht gespeichert: Ihre IT hat diese Einstellung festgelegt.',
  'settings.refused.not-user-settable':
    '„{field}“ wurde nicht gespeichert: Diese Einstellung kann nur Ihre IT festlegen.',
  'settings.refused.unknown-field': '„{field}“ wurde nicht gespeichert: Diese Version kennt die Einstellung nicht.',
  'settings.refused.invalid-value': '„{field}“ wurde nicht gespeichert: Dieser Wert ist nicht zulässig.',

  'settings.field.language': 'Sprache',
  'settings.field.cacheBudgetBytes': 'Speicherplatz für Dokumente',
  'settings.field.windowLayout': 'Anordnung der Dokumentenansicht',
  'settings.field.viewerDisplay': 'Bildschirm der Dokumentenansicht',
  'settings.field.serverUrl': 'Zentraler Dienst',
  'settings.field.updateUrl': 'Aktualisierungsserver',
  'settings.field.updateChannel': 'Aktualisierungskanal',
  'settings.field.updateMode': 'Aktualisierungen',
  'settings.field.cacheBudgetCeilingBytes': 'Höchster wählbarer Speicherplatz für Dokumente',
  'settings.field.maxOfflineDays': 'Anmeldung ohne Verbindung zum zentralen Dienst',
  'settings.field.outboxRetentionDays': 'Aufbewahrung nicht zustellbarer Änderungen',

  'settings.value.updateChannel.stable': 'Stabile Versionen',
  'settings.value.updateChannel.beta': 'Vorabversionen (Beta)',
  'settings.value.updateMode.auto': 'Automatisch herunterladen, beim Beenden installieren',
  'settings.value.updateMode.notify': 'Anzeigen und erst auf Wunsch herunterladen',
  'settings.value.updateMode.off': 'Aus',
  'settings.value.days': '{count, plural, one {# Tag} other {# Tage}}',
  'settings.value.none': 'Nicht eingerichtet',

  'settings.language.de': 'Deutsch',
  'settings.language.en': 'English',

  'settings.cache.intro':
    'Die Dokumente Ihrer Akten werden verschlüsselt auf diesem Gerät gespeichert, damit Sie sie auch ohne Verbindung öffnen können. Ist der Platz belegt, werden die am längsten nicht geöffneten Dokumente entfernt und bei Bedarf wieder geladen.',
  'settings.cache.label': 'Dokumente auf diesem Gerät bis zu',
  'settings.cache.ceiling': 'Höchstens {ceiling} wählbar.',
  'settings.cache.ceilingByIt': 'Höchstens {ceiling} wählbar (Vorgabe Ihrer IT).',
  'settings.cache.usage': 'Derzeit belegt: {used} von {budget}.',
  'settings.cache.usageSignedOut': 'Wie viel belegt ist, sehen Sie hier, sobald Sie angemeldet sind.',
  'settings.cache.nextStart': 'Eine Änderung gilt ab dem nächsten Start der Anwendung.',

  'settings.viewer.heading': 'Dokumentenansicht',
  'settings.viewer.layout': 'Anordnung',
  'settings.viewer.layout.separate': 'In einem eigenen Fenster, auf einem eigenen Bildschirm, wenn einer da ist',
  'settings.viewer.layout.docked': 'Neben dem Arbeitsbereich: beide teilen sich einen Bildschirm',
  'settings.viewer.display.label': 'Bildschirm für die Dokumentenansicht',
  'settings.viewer.display.auto':
    'Automatisch: der größte Bildschirm außer dem des Arbeitsbereichs (derzeit Bildschirm {number})',
  'settings.viewer.display.option': 'Bildschirm {number} ({width} × {height})',
  'settings.viewer.display.primary': 'Hauptbildschirm',
  'settings.viewer.display.workspaceHere': 'mit dem Arbeitsbereich',
  'settings.viewer.display.viewerHere': 'zeigt die Dokumentenansicht',
  'settings.viewer.display.missing': 'Früher gewählter Bildschirm ({width} × {height}), nicht angeschlossen',
  'settings.viewer.display.missingNote':
    'Der gewählte Bildschirm ist nicht angeschlossen. Bis er wieder da ist, gilt „Automatisch“.',
  'settings.viewer.display.dockedNote': 'Gilt nur, wenn die Dokumentenansicht ein eigenes Fenster hat.',
  'settings.viewer.display.failed': 'Die Bildschirme konnten nicht ermittelt werden.',
  'settings.viewer.browser':
    'Im Browsermodus ist die Dokumentenansicht ein Tab oder Fenster Ihres Browsers. Sie platzieren es selbst, zum Beispiel indem Sie es auf den zweiten Bildschirm ziehen; die Anwendung kann es nicht verschieben.',
  'settings.viewer.browserScreen': 'Dieser Bildschirm: {width} × {height}.',

  'settings.keyring.heading': 'Schlüsselspeicher',
  'settings.keyring.os':
    'Der Schlüssel zu Ihren gespeicherten Dokumenten ist durch Ihr Kennwort und zusätzlich durch den Schlüsselspeicher des Betriebssystems geschützt.',
  'settings.keyring.browser':
    'Der Schlüssel zu Ihren gespeicherten Dokumenten ist durch Ihr Kennwort und zusätzlich durch einen Schlüssel dieses Browserprofils geschützt.',
  'settings.keyring.none':
    'Auf diesem Gerät gibt es keinen Schlüsselspeicher des Betriebssystems (etwa GNOME-Schlüsselbund oder KWallet). Der Schlüssel zu Ihren gespeicherten Dokumenten ist daher nur durch Ihr Kennwort geschützt.',
  'settings.keyring.noneMeaning':
    'Das heißt: Wer eine Kopie der Daten dieses Geräts hat, braucht zum Entschlüsseln nur noch Ihr Kennwort, nicht auch Ihre Anmeldung am Gerät. Wählen Sie ein starkes Kennwort und geben Sie es niemandem weiter.',
  'settings.keyring.noneIt': 'Ihre IT kann einen Schlüsselspeicher einrichten.',

  'settings.updates.heading': 'Aktualisierungen',
  'settings.updates.disabled.policy-off':
    'Ihre IT hat die Suche nach Aktualisierungen abgeschaltet; sie verteilt neue Versionen selbst.',
  'settings.updates.disabled.no-feed':
    'Es ist kein Aktualisierungsserver eingerichtet; neue Versionen verteilt Ihre IT.',
  'settings.updates.disabled.unpackaged': 'Diese Entwicklungsfassung aktualisiert sich nicht selbst.',
  'settings.updates.disabled.browser':
    'Im Browsermodus gibt es keine Aktualisierungen: Die Seiten kommen immer in der Version des Servers.',
  'settings.updates.idle': 'Noch nicht nach Aktualisierungen gesucht.',
  'settings.updates.checking': 'Es wird nach Aktualisierungen gesucht …',
  'settings.updates.up-to-date': 'Diese Version ist aktuell (geprüft: {time}).',
  'settings.updates.staged-out':
    'Version {version} wird schrittweise verteilt; dieser Rechner ist noch nicht an der Reihe (geprüft: {time}).',
  'settings.updates.available': 'Version {version} ist verfügbar.',
  'settings.updates.downloading': 'Version {version} wird heruntergeladen: {percent} %.',
  'settings.updates.progress': 'Herunterladen von Version {version}',
  'settings.updates.ready': 'Version {version} ist heruntergeladen. Wird beim Beenden installiert.',
  'settings.updates.installing': 'Version {version} wird installiert …',
  'settings.updates.error.check': 'Die Suche nach Aktualisierungen ist fehlgeschlagen. {reason}',
  'settings.updates.error.download': 'Das Herunterladen der Aktualisierung ist fehlgeschlagen. {reason}',
  'settings.updates.error.install': 'Die Installation der Aktualisierung ist fehlgeschlagen. {reason}',
  'settings.updates.reason.network': 'Der Aktualisierungsserver ist nicht erreichbar.',
  'settings.updates.reason.feed-invalid':
    'Der Aktualisierungsserver bietet für dieses System keine gültige Version an.',
  'settings.updates.reason.signature-invalid':
    'Die Signatur der neuen Version stimmt nicht; sie wird nicht installiert. Bitte informieren Sie Ihre IT.',
  'settings.updates.reason.checksum-mismatch':
    'Die heruntergeladene Datei ist beschädigt (die Prüfsumme stimmt nicht).',
  'settings.updates.reason.disk-full': 'Auf dem Datenträger ist nicht genug Platz.',
  'settings.updates.reason.unknown': 'Die Ursache steht im Protokoll (Hilfe → Protokollordner öffnen).',
  'settings.updates.mode.auto': 'Neue Versionen werden im Hintergrund heruntergeladen und beim Beenden installiert.',
  'settings.updates.mode.notify': 'Neue Versionen werden angezeigt und erst auf Ihren Wunsch heruntergeladen.',
  'settings.updates.check': 'Nach Aktualisierungen suchen',
  'settings.updates.download': 'Herunterladen',
  'settings.updates.retry': 'Erneut versuchen',
  'settings.updates.callFailed': 'Die Anfrage wurde nicht beantwortet. Versuchen Sie es erneut.',

  'settings.policy.heading': 'Vorgaben Ihrer IT',
  'settings.policy.none': 'Ihre IT hat auf diesem Gerät keine Einstellungen festgelegt.',
  'settings.policy.intro': 'Diese Einstellungen hat Ihre IT für dieses Gerät festgelegt; Sie können sie nicht ändern.',

  'settings.about.heading': 'Über E-Akte Desktop',

  'settings.warnings.heading': 'Hinweise der IT',
  'settings.warning.policy-unreadable':
    'Die Richtlinie Ihrer IT konnte nicht gelesen werden (Fehler {errorCode}); es gelten die Voreinstellungen. Bitte informieren Sie Ihre IT.',
  'settings.warning.policy-not-json':
    'Die Richtlinie Ihrer IT ist keine gültige JSON-Datei; es gelten die Voreinstellungen. Bitte informieren Sie Ihre IT.',
  'settings.warning.policy-not-object':
    'Die Richtlinie Ihrer IT enthält kein JSON-Objekt; es gelten die Voreinstellungen. Bitte informieren Sie Ihre IT.',
  'settings.warning.policy-unknown-field':
    'Die Richtlinie enthält den unbekannten Eintrag „{field}“; er wird nicht beachtet.',
  'settings.warning.policy-invalid-value':
    'Der Wert für „{field}“ in der Richtlinie ist ungültig; es gilt die Voreinstellung, und Sie können sie nicht ändern.',
  'settings.warning.policy-insecure-url':
    'Die Adresse für „{field}“ in der Richtlinie ist nicht sicher (nur https ist erlaubt) und wird nicht verwendet.',
  'settings.warning.policy-insecure-url.environment':
    'Die in der Entwicklungsumgebung angegebene Adresse des zentralen Dienstes ist nicht sicher und wird nicht verwendet.',
  'settings.warning.server-not-configured':
    'Ihre IT hat noch keinen zentralen Dienst eingerichtet; eine Anmeldung ist deshalb nicht möglich. Bitte wenden Sie sich an Ihre IT.',
  'settings.warning.settings-unreadable':
    'Ihre gespeicherten Einstellungen konnten nicht gelesen werden; es gelten die Voreinstellungen, bis Sie wieder etwas ändern.',
  'settings.warning.settings-invalid-value':
    'Ihre gespeicherte Einstellung „{field}“ war ungültig; es gilt die Voreinstellung.',
  'settings.warning.settings-cache-budget-above-ceiling':
    'Ihr gewählter Speicherplatz für Dokumente ({stored}) ist größer, als Ihre IT inzwischen erlaubt; es gilt die Obergrenze von {ceiling}.',
  'settings.banner.title': 'Hinweise Ihrer IT zu dieser Installation',
  'settings.banner.open': 'Zu den Einstellungen',
  'settings.banner.dismiss': 'Hinweise ausblenden',
} as const;
