/**
 * The eight-week rule of the scan service, for one incoming document: until when the paper
 * original exists ("Original vorhanden bis …", counted in German calendar days as the service
 * does), and while it does, "Original anfordern"; afterwards that it has been destroyed. And
 * "Falsch zugeordnet melden" with a reason: the service takes the document out of the case, so
 * it leaves every cache at the next sync; until then it shows as reported. What is typed as the
 * reason stays in the field when sending fails.
 */
import { useState, type FormEvent } from 'react';
import { daysUntilDestroyed, originalStillExists } from '../../../shared/domain/original-retention.ts';
import type { CachedDocument } from '../../data/repos/documents.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Session } from '../../session/session.ts';
import { describeError } from '../errors/error-message.ts';

type Props = { session: Session; document: CachedDocument };

/** Days left from which the notice says how few remain. */
const SOON_DAYS = 7;

export function OriginalNotice({ session, document: d }: Props) {
  const { t, language } = useI18n();
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const now = session.clock();
  const until = d.originalRetainedUntil;
  const exists = until !== undefined && originalStillExists(until, now);
  const daysLeft = until !== undefined ? daysUntilDestroyed(until, now) : 0;
  const fail = (failure: unknown) => setError(describeError(t, language, failure));

  const report = (event: FormEvent): void => {
    event.preventDefault();
    setError('');
    session.documents.reportMisfiled(d.id, reason).then(() => {
      setReporting(false);
      setMessage(t('cases.misfiled.reported'));
    }, fail);
  };

  if (d.misfiledReport)
    return (
      <div className="original">
        <span className="original-reported">{t('cases.misfiled.pending', { reason: d.misfiledReport.reason })}</span>
      </div>
    );

  return (
    <div className="original">
      {until !== undefined && (
        <span className={exists ? (daysLeft < SOON_DAYS ? 'original-soon' : 'original-exists') : 'original-gone'}>
          {exists
            ? t(daysLeft < SOON_DAYS ? 'cases.original.untilSoon' : 'cases.original.until', {
                date: formatDate(until, language),
                days: daysLeft,
              })
            : t('cases.original.destroyed', { date: formatDate(until, language) })}
        </span>
      )}
      {d.originalRequestedAt ? (
        <span>{t('cases.original.requested', { date: formatDate(d.originalRequestedAt.slice(0, 10), language) })}</span>
      ) : (
        exists && (
          <button
            type="button"
            className="small"
            onClick={() => {
              setError('');
              session.documents.requestOriginal(d.id).then(() => setMessage(t('cases.original.requestedNow')), fail);
            }}
          >
            {t('cases.original.request')}
          </button>
        )
      )}
      {!reporting ? (
        <button type="button" className="small" onClick={() => setReporting(true)}>
          {t('cases.misfiled.report')}
        </button>
      ) : (
        <form className="misfiled-form" onSubmit={report}>
          <label>
            {t('cases.misfiled.reason')}
            <input
              type="text"
              value={reason}
              required
              maxLength={1000}
              autoComplete="off"
              autoFocus
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setReporting(false);
              }}
            />
          </label>
          <button type="submit" className="small primary">
            {t('cases.misfiled.send')}
          </button>
          <button type="button" className="small" onClick={() => setReporting(false)}>
            {t('cases.notes.cancel')}
          </button>
        </form>
      )}
      {message && (
        <span className="original-message" role="status">
          {message}
        </span>
      )}
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
