/**
 * The inbox (Posteingang): newly scanned documents across all the user's cases, unread first,
 * newest first, with received date, type and case. Open one in the viewer (which marks it read),
 * mark it read or processed — through the outbox, so offline too.
 */
import { describeError } from '../errors/error-message.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseId, DocumentId } from '../../../shared/domain/ids.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Session } from '../../session/session.ts';
import { useViewerLink } from '../../platform/use-viewer-link.ts';

type Props = {
  session: Session;
  /** How each case is named in the list: its BG number and applicant. */
  caseLabels: ReadonlyMap<string, string>;
  onOpenCase: (caseId: CaseId) => void;
  announce: (message: string) => void;
};

export function InboxView({ session, caseLabels, onOpenCase, announce }: Props) {
  const { t, language } = useI18n();
  const openInViewer = useViewerLink();
  const items = useLiveQuery(() => session.documents.inbox(), [session]);
  if (!items) return null;
  const mark = (id: DocumentId, status: 'read' | 'processed'): void => {
    void session.documents.setStatus(id, status).then(
      () => announce(t(status === 'read' ? 'inbox.markedRead' : 'inbox.markedProcessed')),
      (failure: unknown) => announce(describeError(t, language, failure)),
    );
  };
  const unread = items.filter((d) => d.status === 'new').length;
  return (
    <section className="inbox" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">{t('inbox.heading', { unread, count: items.length })}</h2>
      {items.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <table className="inbox-table">
          <thead>
            <tr>
              <th scope="col">{t('inbox.col.document')}</th>
              <th scope="col">{t('inbox.col.received')}</th>
              <th scope="col">{t('inbox.col.case')}</th>
              <th scope="col">{t('inbox.col.state')}</th>
              <th scope="col">{t('inbox.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id} data-document-id={d.id} className={d.status === 'new' ? 'unread' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      openInViewer(d.id);
                      session.documents
                        .opened(d.id)
                        .catch((failure: unknown) => announce(describeError(t, language, failure)));
                    }}
                  >
                    {t(`viewer.docType.${d.type}`)}: {d.title}
                  </button>
                </th>
                <td>{formatDate(d.receivedOn, language)}</td>
                <td>
                  <button type="button" className="link" onClick={() => onOpenCase(d.caseId)}>
                    {caseLabels.get(d.caseId) ?? d.caseId}
                  </button>
                </td>
                <td>{t(d.status === 'new' ? 'inbox.state.new' : 'inbox.state.read')}</td>
                <td>
                  {/* The buttons' flex box inside the cell: a cell that is itself one stops being a table cell. */}
                  <div className="inbox-actions">
                    {d.status === 'new' && (
                      <button type="button" className="small" onClick={() => mark(d.id, 'read')}>
                        {t('inbox.markRead')}
                      </button>
                    )}
                    <button type="button" className="small" onClick={() => mark(d.id, 'processed')}>
                      {t('inbox.markProcessed')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
