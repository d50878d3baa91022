/** English texts of the errors an action can meet (keys `error.`). */
import type { errorsDe } from './messages-de.ts';

export const errorsEn: Record<keyof typeof errorsDe, string> = {
  'error.unexpected': 'That did not work. What you typed is kept; please try again. If it keeps failing, contact IT.',
  'error.entity-changed':
    'The entry was changed meanwhile (for instance in the other window). What you typed is kept; please save again.',
  'error.original-destroyed':
    'The paper original was kept only until {retainedUntil} and has been destroyed since. The scan is the record.',
  'error.no-paper-original': 'This document has no paper original.',
  'error.document-not-a-scan': 'Only scanned incoming mail can be reported as misfiled.',
  'error.document-reported-misfiled':
    'This document has been reported as misfiled already; it leaves the case at the next sync.',
  'error.misfiled-reason-empty': 'Please give a reason for the report.',
  'error.misfiled-reason-too-long': 'The reason may be at most {max} characters long.',
  'error.content-not-cached': 'The document is not stored on this device yet. It is loaded at the next sync.',
  'error.cache-seal':
    'Stored data of this case cannot be read. Sign out and in again; if it keeps failing, contact IT.',
  'error.letter-too-large': 'The letter is too large to be sent. Please shorten it.',
  'error.letter-already-queued': 'This letter is already waiting to be sent.',
  'error.storage-full': 'This device has no space left. What you typed is kept; free some space and save again.',
  'error.closed': 'The session has ended. Please sign in again; what you typed is kept.',
  'error.handler-failed':
    'The application could not carry out the action. Please try again; if it keeps failing, contact IT.',
  'error.invalid-argument': 'The application refused an invalid request. Please contact IT.',
  'error.invalid-result': 'The application received an unexpected answer. Please contact IT.',
  'error.untrusted-sender': 'The request did not come from a window of the application and was refused.',
  'error.keyring-unavailable':
    "The operating system's keyring cannot be reached. Sign in with your password; if it keeps failing, contact IT.",
  'error.unprotect-failed': 'The keyring does not release the key. Sign in online; if it keeps failing, contact IT.',
};
