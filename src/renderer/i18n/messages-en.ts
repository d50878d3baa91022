/** English texts, the second language. Every German key must have one (checked by the compiler). */
import { casesEn } from '../features/cases/messages-en.ts';
import { inboxEn } from '../features/inbox/messages-en.ts';
import { errorsEn } from '../features/errors/messages-en.ts';
import { lettersUiEn } from '../features/letters/messages-en.ts';
import { outboxEn } from '../features/outbox/messages-en.ts';
import { settingsEn } from '../features/settings/messages-en.ts';
import { signinEn } from '../features/signin/messages-en.ts';
import { syncEn } from '../features/sync/messages-en.ts';
import { viewerEn } from '../features/viewer/messages-en.ts';
import { lettersEn } from '../letters/messages-en.ts';
import type { MessageKey } from './messages-de.ts';

export const en: Record<MessageKey, string> = {
  'app.name': 'E-Akte Desktop',
  'app.skipToContent': 'Skip to content',
  'app.language': 'Language',
  'app.shell.electron': 'Desktop application',
  'app.shell.browser': 'Browser mode',
  'app.version': 'Version {version}',
  'app.loading': 'Loading …',
  'app.error.title': 'Something went wrong',
  'app.error.reload': 'Reload window',
  'workspace.title': 'Workspace',
  'workspace.heading': 'My case files',
  'workspace.intro': 'The case files assigned to you appear here once they are synchronised.',
  'workspace.viewerOpen': 'The document viewer is open.',
  'workspace.server': 'Central service: {url}',
  'viewer.title': 'Document viewer',
  'viewer.heading': 'Document',
  'viewer.noDocument': 'No document selected. Select a document in the workspace.',
  'viewer.document': 'Document {id}',
  'viewer.backToWorkspace': 'Back to workspace',
  ...viewerEn,
  ...signinEn,
  ...syncEn,
  ...outboxEn,
  ...lettersEn,
  ...lettersUiEn,
  ...casesEn,
  ...inboxEn,
  ...errorsEn,
  ...settingsEn,
};
