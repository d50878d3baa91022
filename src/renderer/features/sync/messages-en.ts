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
  'sync.outbox.pending': '{count, plural, one {# change waiting} other {# changes waiting}}',
  'sync.outbox.rejected': '{count, plural, one {# refused} other {# refused}}',
  'sync.outbox.conflict': '{count, plural, one {# conflict} other {# conflicts}}',
  'sync.outbox.undeliverable': '{count, plural, one {# undeliverable} other {# undeliverable}}',
  'sync.outbox.open': 'Show pending changes',
  'sync.outbox.retry': 'Delivery: next attempt at {time}',
  'sync.outbox.purgeSoon':
    '{count, plural, one {# undeliverable change will be} other {# undeliverable changes will be}} deleted for good on {date}',
  'sync.journal.failing':
    'The backup copy of your pending changes cannot be written right now; your entries are saved in the database. If this notice stays, contact IT.',
  'sync.journal.restored':
    '{count, plural, one {# pending change was} other {# pending changes were}} restored from the backup copy.',
  'sync.signInAgain': 'Sign in again',
  'sync.now': 'Synchronise now',
  'sync.nextAttempt': 'Next attempt: {time}',
  'sync.error.network':
    'The central service cannot be reached. You keep working with the stored case files; sync resumes by itself.',
  'sync.error.server': 'The central service reported an error ({status}). Sync will be retried later.',
  'sync.error.unauthorized': 'Your sign-in has expired. Please sign in again; your entries are kept.',
  'sync.error.cursor-gone': 'The sync position expired at the central service; the case files are synchronised afresh.',
  'sync.error.contract':
    'The central service sent an invalid answer ({what}). Nothing of it was taken over; sync will be retried later. If the error persists, contact IT.',
  'sync.error.checksum': 'A document arrived damaged and is loaded again.',
  'sync.error.storage-full':
    'The storage on this device is full. Older documents were removed from the cache; your unsent entries are kept. Free some space so that more documents become available offline.',
  'sync.error.unexpected': 'An unexpected error occurred during sync. Sync will be retried.',
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
