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
};
