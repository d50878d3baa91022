/**
 * One line on the sync state: phase, progress, last success, errors, the outbox with its counts
 * (a click opens "Ausstehende Änderungen"), the journal's health; and "sync now".
 */
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatBytes, formatDate, formatTime } from '../../i18n/format.ts';
import { useSessionController } from '../../session/session-root.tsx';
import { OutboxPanel } from '../outbox/OutboxPanel.tsx';
import { errorKey } from './error-message.ts';
import { useSyncStatus } from './use-sync-status.ts';

export function SyncStatusLine() {
  const { t, language } = useI18n();
  const { state, controller } = useSessionController();
  const status = useSyncStatus();
  const [panelOpen, setPanelOpen] = useState(false);
  if (state.kind !== 'signed-in' || !status) return null;
  const { phase, counts, progress, lastError, lastSuccessAt, storage, push, purgeNotice } = status;
  const problem = phase === 'error' || phase === 'offline' || phase === 'needs-sign-in';
  const outboxParts = [
    counts.outboxPending > 0 && t('sync.outbox.pending', { count: counts.outboxPending }),
    counts.outboxConflict > 0 && t('sync.outbox.conflict', { count: counts.outboxConflict }),
    counts.outboxRejected > 0 && t('sync.outbox.rejected', { count: counts.outboxRejected }),
    counts.outboxUndeliverable > 0 && t('sync.outbox.undeliverable', { count: counts.outboxUndeliverable }),
  ].filter((part): part is string => Boolean(part));
  const needsAttention = counts.outboxConflict + counts.outboxRejected + counts.outboxUndeliverable > 0;
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
      {(outboxParts.length > 0 || counts.auditPending > 0) && (
        <button
          type="button"
          className={needsAttention ? 'outbox-button attention' : 'outbox-button'}
          aria-haspopup="dialog"
          title={t('sync.outbox.open')}
          onClick={() => setPanelOpen(true)}
        >
          {outboxParts.length ? outboxParts.join(' · ') : t('sync.outbox.open')}
        </button>
      )}
      {push.state === 'waiting' && push.nextAttemptAt && (counts.outboxPending > 0 || counts.auditPending > 0) && (
        <span>{t('sync.outbox.retry', { time: formatTime(push.nextAttemptAt, language) })}</span>
      )}
      {purgeNotice && (
        <span className="sync-warning">
          {t('sync.outbox.purgeSoon', {
            count: purgeNotice.count,
            date: formatDate(purgeNotice.at.slice(0, 10), language),
          })}
        </span>
      )}
      {state.journal === 'failing' && <span className="sync-warning">{t('sync.journal.failing')}</span>}
      {state.restored > 0 && <span>{t('sync.journal.restored', { count: state.restored })}</span>}
      {problem && lastError && <span className="sync-error">{t(errorKey(lastError.code), lastError.params)}</span>}
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
      {panelOpen && (
        <OutboxPanel
          session={state.session}
          retentionDays={controller.policy.outboxRetentionDays}
          onClose={() => setPanelOpen(false)}
        />
      )}
    </div>
  );
}
