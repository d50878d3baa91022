/** The catalogue key for an error code of the sync status; a code this window does not know reads as unexpected. */
import type { MessageKey } from '../../i18n/messages-de.ts';

const ERROR_CODES = ['network', 'server', 'unauthorized', 'cursor-gone', 'contract', 'checksum', 'storage-full'];

export function errorKey(code: string): MessageKey {
  return (ERROR_CODES.includes(code) ? `sync.error.${code}` : 'sync.error.unexpected') as MessageKey;
}
