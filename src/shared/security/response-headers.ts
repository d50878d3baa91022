/**
 * The headers of every response that serves the renderer (app:// in Electron, the browser-mode
 * host, the test harness): the content type, the Content-Security-Policy for that file, and the
 * hardening headers. Not-found answers carry them too, so no response of the origin is without.
 */
import { policyFor, type AppPolicies } from './csp.ts';

export function rendererResponseHeaders(
  pathname: string,
  contentType: string,
  policies: AppPolicies,
): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': policyFor(pathname, policies),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
