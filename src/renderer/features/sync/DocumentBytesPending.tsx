/** Shown while a document that is not yet on this device is being fetched: progress, or why not. */
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatBytes } from '../../i18n/format.ts';
import { useSyncStatus } from './use-sync-status.ts';
import type { DocumentBytesStatus } from './use-document-bytes-status.ts';

export function DocumentBytesPending({ status }: { status: DocumentBytesStatus }) {
  const { t, language } = useI18n();
  const sync = useSyncStatus();
  const offline = sync?.phase === 'offline';
  if (status.kind !== 'fetching') return null;
  return (
    <div className="document-pending" role="status" aria-live="polite">
      {offline ? (
        <p>{t('sync.document.offline')}</p>
      ) : (
        <>
          <p>{t('sync.document.fetching')}</p>
          <progress value={status.storedBytes} max={status.byteSize} aria-label={t('sync.document.fetching')} />
          <p>
            {t('sync.progressBytes', {
              done: formatBytes(status.storedBytes, language),
              total: formatBytes(status.byteSize, language),
            })}
          </p>
        </>
      )}
    </div>
  );
}
