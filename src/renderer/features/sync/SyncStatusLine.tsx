/** One line on the sync state: phase, progress, last success, errors, outbox; and "sync now". */
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatBytes, formatTime } from '../../i18n/format.ts';
import { useSessionController } from '../../session/session-root.tsx';
import { useSyncStatus } from './use-sync-status.ts';

export function SyncStatusLine() {
  const { t, language } = useI18n();
  const { state, controller } = useSessionController();
  const status = useSyncStatus();
  if (state.kind !== 'signed-in' || !status) return null;
  const { phase, counts, progress, lastError, lastSuccessAt, storage } = status;
  const problem = phase === 'error' || phase === 'offline' || phase === 'needs-sign-in';
  return (
    <div className="sync-status" data-phase={phase}>
      <strong>{t(`sync.phase.${phase}`)}</strong>
      {phase === 'fetching' && progress.bytesTotal > 0 && (
        <>
          <progress value={progress.bytes} max={progress.bytesTotal} aria-label={t('sync.phase.fetching')} />
          <span>
            {t('sync.progressBytes', {
              done: formatBytes(progress.bytes, language),
              total: formatBytes(progress.bytesTotal, language),
            })}
          </span>
        </>
      )}
      <span>
        {lastSuccessAt ? t('sync.lastSuccess', { time: formatTime(lastSuccessAt, language) }) : t('sync.never')}
      </span>
      <span>
        {t('sync.counts', { cases: counts.cases, documents: counts.documents, offline: counts.contentsComplete })}
      </span>
      {storage && (
        <span>
          {t('sync.storage', {
            used: formatBytes(counts.cachedBytes, language),
            budget: formatBytes(storage.budget, language),
          })}
        </span>
      )}
      {counts.outboxPending > 0 && <span>{t('sync.outbox', { count: counts.outboxPending })}</span>}
      {counts.outboxUndeliverable > 0 && (
        <span className="sync-warning">{t('sync.undeliverable', { count: counts.outboxUndeliverable })}</span>
      )}
      {problem && lastError && <span className="sync-error">{lastError.message}</span>}
      {phase === 'needs-sign-in' ? (
        // Signing in again keeps the cache and everything queued; it only renews the token.
        <button type="button" onClick={() => controller.signOut()}>
          {t('sync.signInAgain')}
        </button>
      ) : (
        <button type="button" onClick={() => state.sync.syncNow()}>
          {t('sync.now')}
        </button>
      )}
    </div>
  );
}
