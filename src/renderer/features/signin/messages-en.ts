/** English texts of sign-in and the session. */
import type { signinDe } from './messages-de.ts';

export const signinEn: Record<keyof typeof signinDe, string> = {
  'signin.heading': 'Sign in',
  'signin.intro': 'Sign in with your E-Akte account.',
  'signin.username': 'User name',
  'signin.password': 'Password',
  'signin.previousPassword': 'Previous password',
  'signin.submit': 'Sign in',
  'signin.busy': 'Signing in …',
  'signin.signOut': 'Sign out',
  'signin.signedInAs': 'Signed in: {name}',
  'signin.offlineBadge': 'Signed in without connection',
  'signin.required': 'Please enter user name and password.',
  'signin.setAside': 'Continue without the previous password',
  'signin.setAside.hint':
    'You no longer know the previous password? Then the changes not yet sent are set aside for IT (not sent), and your case files are loaded again.',
  'signin.error.wrong-credentials': 'User name or password is wrong. Please check your entry.',
  'signin.error.rate-limited':
    'Too many failed attempts. Please wait {seconds, plural, one {# second} other {# seconds}} and try again.',
  'signin.error.offline-unknown-user':
    'The central service cannot be reached, and this user has not yet signed in online on this device (or not since the last update). Signing in without a connection needs an online sign-in first.',
  'signin.error.offline-expired':
    'The central service cannot be reached, and your last online sign-in was more than {days, plural, one {# day} other {# days}} ago. Please sign in as soon as the connection is back.',
  'signin.error.offline-clock-back':
    "This device's clock has been set back, before a time this device has already seen, so signing in without a connection is not possible. Please sign in once the central service can be reached; if the time is wrong, contact IT.",
  'signin.error.password-changed':
    'Your password has been changed. This device still holds {pending, plural, one {# change not yet sent that is} other {# changes not yet sent that are}} protected by the previous password. Please enter your previous password as well.',
  'signin.error.previous-password-wrong':
    'The previous password does not open {pending, plural, one {the change not yet sent} other {the # changes not yet sent}} either. Please try again, or continue without the previous password.',
  'signin.error.device-key-unavailable':
    "This device's key store no longer releases the key of your case files, so signing in without a connection is not possible. Sign in online and your case files are loaded again; if the error persists, contact IT.",
  'signin.error.server': 'Signing in failed. Please try again.',
  'signin.notice.device-key-lost':
    "This device's key store no longer released the key of your case files. They are therefore loaded again; nothing is lost, everything is held by the central service.",
  'signin.notice.pending-set-aside.device-key-lost':
    "This device's key store no longer released the key of your case files. {count, plural, one {# change not yet sent could therefore not be opened; it was} other {# changes not yet sent could therefore not be opened; they were}} not sent but set aside for IT. Please enter them again and inform IT. Your case files are loaded again.",
  'signin.notice.pending-set-aside.password-unknown':
    '{count, plural, one {# change not yet sent was} other {# changes not yet sent were}} not sent without the previous password but set aside for IT. Please enter them again and inform IT. Your case files are loaded again.',
  'signin.notice.dismiss': 'Understood',
};
