/** German texts: the product's first language and the source of every message key. */
import { casesDe } from '../features/cases/messages-de.ts';
import { inboxDe } from '../features/inbox/messages-de.ts';
import { errorsDe } from '../features/errors/messages-de.ts';
import { lettersUiDe } from '../features/letters/messages-de.ts';
import { outboxDe } from '../features/outbox/messages-de.ts';
import { settingsDe } from '../features/settings/messages-de.ts';
import { signinDe } from '../features/signin/messages-de.ts';
import { syncDe } from '../features/sync/messages-de.ts';
import { viewerDe } from '../features/viewer/messages-de.ts';
import { lettersDe } from '../letters/messages-de.ts';

export const de = {
  'app.name': 'E-Akte Desktop',
  'app.skipToContent': 'Zum Inhalt springen',
  'app.language': 'Sprache',
  'app.shell.electron': 'Desktop-Anwendung',
  'app.shell.browser': 'Browsermodus',
  'app.version': 'Version {version}',
  'app.loading': 'Wird geladen …',
  'app.error.title': 'Etwas ist schiefgelaufen',
  'app.error.reload': 'Fenster neu laden',
  'workspace.title': 'Arbeitsbereich',
  'workspace.heading': 'Meine Akten',
  'workspace.intro': 'Hier erscheinen die Ihnen zugewiesenen Akten, sobald sie abgeglichen sind.',
  'workspace.viewerOpen': 'Die Dokumentenansicht ist geöffnet.',
  'workspace.server': 'Zentraler Dienst: {url}',
  'viewer.title': 'Dokumentenansicht',
  'viewer.heading': 'Dokument',
  'viewer.noDocument': 'Kein Dokument ausgewählt. Wählen Sie im Arbeitsbereich ein Dokument aus.',
  'viewer.document': 'Dokument {id}',
  'viewer.backToWorkspace': 'Zum Arbeitsbereich',
  ...viewerDe,
  ...signinDe,
  ...syncDe,
  ...outboxDe,
  ...lettersDe,
  ...lettersUiDe,
  ...casesDe,
  ...inboxDe,
  ...errorsDe,
  ...settingsDe,
} as const;

export type MessageKey = keyof typeof de;
