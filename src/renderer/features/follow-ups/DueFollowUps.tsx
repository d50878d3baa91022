/** Follow-ups due today and overdue, across the user's cases; complete one, or open its case. */
import { describeError } from '../errors/error-message.ts';
import type { CaseId } from '../../../shared/domain/ids.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Session } from '../../session/session.ts';
import { DeliveryTag } from '../cases/DeliveryTag.tsx';
import { localToday } from '../cases/use-cases.ts';

type Props = {
  session: Session;
  /** How each case is named in the list: its BG number and applicant. */
  caseLabels: ReadonlyMap<string, string>;
  onOpenCase: (caseId: CaseId) => void;
  announce: (message: string) => void;
};

export function DueFollowUps({ session, caseLabels, onOpenCase, announce }: Props) {
  const { t, language } = useI18n();
  const today = localToday();
  const due = useLiveQuery(() => session.followUps.dueBy(today), [session, today]);
  if (!due) return null;
  return (
    <section className="due" aria-labelledby="due-heading">
      <h2 id="due-heading">{t('due.heading', { count: due.length })}</h2>
      {due.length === 0 ? (
        <p>{t('due.empty')}</p>
      ) : (
        <table className="due-table">
          <thead>
            <tr>
              <th scope="col">{t('due.col.due')}</th>
              <th scope="col">{t('due.col.what')}</th>
              <th scope="col">{t('due.col.case')}</th>
              <th scope="col">{t('due.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {due.map((f) => (
              <tr key={f.id} className={f.dueOn < today ? 'overdue' : undefined}>
                <td>
                  {f.dueOn < today
                    ? t('cases.followUps.overdue', { date: formatDate(f.dueOn, language) })
                    : t('due.today')}
                </td>
                <th scope="row">
                  {f.text} <DeliveryTag delivery={f.delivery} />
                </th>
                <td>
                  <button type="button" className="link" onClick={() => onOpenCase(f.caseId)}>
                    {caseLabels.get(f.caseId) ?? f.caseId}
                  </button>
                </td>
                <td>
                  <button
                    type="button"
                    className="small"
                    onClick={() =>
                      void session.followUps.complete(f.id).then(
                        () => announce(t('cases.followUps.completed')),
                        (failure: unknown) => announce(describeError(t, language, failure)),
                      )
                    }
                  >
                    {t('cases.followUps.complete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
