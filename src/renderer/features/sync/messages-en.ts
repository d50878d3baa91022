/** English texts of the sync status. */
import type { syncDe } from './messages-de.ts';

export const syncEn: Record<keyof typeof syncDe, string> = {
  'sync.phase.starting': 'Sync starting …',
  'sync.phase.standby': 'Sync runs in the other window',
  'sync.phase.idle': 'Up to date',
  'sync.phase.pulling': 'Synchronising case files …',
  'sync.phase.fetching': 'Loading documents …',
  'sync.phase.offline': 'No connection – you are working with the stored case files',
  'sync.phase.error': 'Sync disturbed',
  'sync.phase.needs-sign-in': 'Sign-in expired – please sign in again',
  'sync.lastSuccess': 'Last synchronised: {time}',
  'sync.never': 'Not yet synchronised',
  'sync.counts': '{cases} case files · {documents} documents · {offline} available offline',
  'sync.progressBytes': '{done} of {total} loaded',
  'sync.outbox': '{count} changes waiting to be sent',
  'sync.undeliverable': '{count} changes can no longer be sent',
  'sync.signInAgain': 'Sign in again',
  'sync.now': 'Synchronise now',
  'sync.nextAttempt': 'Next attempt: {time}',
  'sync.cases.heading': 'My case files ({count})',
  'sync.cases.empty': 'No case files on this device yet. They appear after the first sync.',
  'sync.cases.bg': 'BG number',
  'sync.cases.name': 'Applicant',
  'sync.cases.documents': 'Documents',
  'sync.storage': 'Storage: {used} of {budget}',
  'sync.document.fetching': 'The document is not on this device yet and is being loaded now …',
  'sync.document.offline':
    'The document is not on this device yet, and the central service cannot be reached. It will be loaded as soon as the connection is back.',
};
