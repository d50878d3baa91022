/**
 * What a failed action tells the user: every error the workspace can meet carries a `code` (and
 * parameters); this maps it to a catalogue key with its values, so the message is in the UI's
 * language. An error without a known code reads as unexpected — the details go to the log, not
 * on the screen.
 */
import { formatDate } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages-de.ts';
import type { Language, Translate } from '../../i18n/translate.ts';

export type ErrorText = { key: MessageKey; values?: Record<string, string | number> };

const KNOWN = new Set([
  'entity-changed',
  'original-destroyed',
  'no-paper-original',
  'document-not-a-scan',
  'document-reported-misfiled',
  'misfiled-reason-empty',
  'misfiled-reason-too-long',
  'content-not-cached',
  'cache-seal',
  'letter-too-large',
  'letter-already-queued',
  'storage-full',
  'closed',
  'handler-failed',
  'invalid-argument',
  'invalid-result',
  'untrusted-sender',
  'keyring-unavailable',
  'unprotect-failed',
]);

function codeOf(error: unknown): string | undefined {
  if (error instanceof DOMException || (error instanceof Error && error.name.endsWith('Error'))) {
    // IndexedDB full (directly or wrapped by Dexie), and a database closed under the action.
    const inner = (error as { inner?: unknown }).inner;
    const names = [error.name, inner instanceof Error ? inner.name : ''];
    if (names.includes('QuotaExceededError')) return 'storage-full';
    if (names.includes('DatabaseClosedError')) return 'closed';
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function errorText(error: unknown): ErrorText {
  const code = codeOf(error);
  if (!code || !KNOWN.has(code)) return { key: 'error.unexpected' };
  const params = (error as { params?: Record<string, string | number> }).params;
  return { key: `error.${code}` as MessageKey, ...(params ? { values: { ...params } } : {}) };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The error as one sentence in the UI's language; dates among its parameters as the language writes them. */
export function describeError(t: Translate, language: Language, error: unknown): string {
  const { key, values } = errorText(error);
  const shown = values
    ? Object.fromEntries(
        Object.entries(values).map(([k, v]) => [
          k,
          typeof v === 'string' && ISO_DAY.test(v) ? formatDate(v, language) : v,
        ]),
      )
    : undefined;
  return t(key, shown);
}
