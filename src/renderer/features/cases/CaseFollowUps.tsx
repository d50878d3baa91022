/**
 * The follow-ups (Wiedervorlagen) of a case by due date: add one with a due date and what it is
 * about, complete it, reopen it. Overdue ones say so.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import type { CaseId } from '../../../shared/domain/ids.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Session } from '../../session/session.ts';
import { describeError } from '../errors/error-message.ts';
import { DeliveryTag } from './DeliveryTag.tsx';
import { localToday } from './use-cases.ts';

type Props = { session: Session; caseId: CaseId; announce: (message: string) => void };

export function CaseFollowUps({ session, caseId, announce }: Props) {
  const { t, language } = useI18n();
  const followUps = useLiveQuery(() => session.followUps.listForCase(caseId), [session, caseId]);
  const [adding, setAdding] = useState(false);
  const [dueOn, setDueOn] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const today = localToday();

  const run = (action: () => Promise<unknown>, done: string): void => {
    void action().then(
      () => {
        setError('');
        announce(done);
      },
      (failure: unknown) => setError(describeError(t, language, failure)),
    );
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!dueOn || !text.trim()) return;
    run(async () => {
      await session.followUps.create(caseId, { dueOn, text: text.trim() });
      setAdding(false);
      setDueOn('');
      setText('');
    }, t('cases.followUps.saved'));
  };

  return (
    <section className="case-section" aria-labelledby="case-followups-heading">
      <h3 id="case-followups-heading">{t('cases.followUps', { count: followUps?.length ?? 0 })}</h3>
      {adding ? (
        <form className="followup-form" onSubmit={submit}>
          <label>
            {t('cases.followUps.dueOn')}
            <input type="date" value={dueOn} required onChange={(e) => setDueOn(e.target.value)} />
          </label>
          <label>
            {t('cases.followUps.text')}
            <input
              type="text"
              value={text}
              required
              maxLength={2000}
              autoComplete="off"
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <div className="form-row">
            <button type="submit" className="primary">
              {t('cases.followUps.save')}
            </button>
            <button type="button" onClick={() => setAdding(false)}>
              {t('cases.notes.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('cases.followUps.add')}
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {followUps && followUps.length === 0 && <p className="hint">{t('cases.followUps.none')}</p>}
      <ul className="followup-list">
        {followUps?.map((f) => (
          <li key={f.id} className={f.done ? 'done' : f.dueOn < today ? 'overdue' : undefined} data-follow-up-id={f.id}>
            <span className="followup-due">
              {f.done
                ? t('cases.followUps.done')
                : f.dueOn < today
                  ? t('cases.followUps.overdue', { date: formatDate(f.dueOn, language) })
                  : t('cases.followUps.due', { date: formatDate(f.dueOn, language) })}
            </span>
            <span className="followup-text">{f.text}</span>
            <DeliveryTag delivery={f.delivery} />
            {f.done ? (
              <button
                type="button"
                className="small"
                onClick={() => run(() => session.followUps.reopen(f.id), t('cases.followUps.reopened'))}
              >
                {t('cases.followUps.reopen')}
              </button>
            ) : (
              <button
                type="button"
                className="small"
                onClick={() => run(() => session.followUps.complete(f.id), t('cases.followUps.completed'))}
              >
                {t('cases.followUps.complete')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
