/** The cached cases: BG number, applicant and document count (the full workspace comes later). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useRequiredSession } from '../../session/session-context.tsx';

export function CaseList() {
  const { t } = useI18n();
  const session = useRequiredSession();
  const cases = useLiveQuery(() => session.cases.list(), [session]);
  if (!cases) return null;
  return (
    <section aria-labelledby="cases-heading">
      <h2 id="cases-heading">{t('sync.cases.heading', { count: cases.length })}</h2>
      {cases.length === 0 ? (
        <p>{t('sync.cases.empty')}</p>
      ) : (
        <table className="case-table">
          <thead>
            <tr>
              <th scope="col">{t('sync.cases.bg')}</th>
              <th scope="col">{t('sync.cases.name')}</th>
              <th scope="col">{t('sync.cases.documents')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map(({ case: c, applicant, documentCount }) => (
              <tr key={c.id} data-case-id={c.id}>
                <td>{c.bgNumber}</td>
                <td>{applicant ? `${applicant.lastName}, ${applicant.firstName}` : '–'}</td>
                <td>{documentCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
