/** The annotations of the document selected in the case view (the one the viewer shows), read-only here. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { DocumentId } from '../../../shared/domain/ids.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Session } from '../../session/session.ts';
import { KIND_LABEL, STAMP_LABEL } from '../annotations/annotation-kinds.ts';

type Props = { session: Session; documentId: DocumentId | null; onGoTo: (page: number) => void };

export function DocumentAnnotations({ session, documentId, onGoTo }: Props) {
  const { t } = useI18n();
  const annotations = useLiveQuery(
    async () => (documentId ? session.annotations.listForDocument(documentId) : []),
    [session, documentId],
  );
  return (
    <section className="case-section" aria-labelledby="case-annotations-heading">
      <h3 id="case-annotations-heading">{t('cases.annotations')}</h3>
      {!documentId ? (
        <p className="hint">{t('cases.annotations.noDocument')}</p>
      ) : annotations && annotations.length === 0 ? (
        <p className="hint">{t('cases.annotations.none')}</p>
      ) : (
        <ul className="annotation-summary">
          {annotations?.map((a) => (
            <li key={a.id}>
              <button type="button" className="link" onClick={() => onGoTo(a.page)}>
                {t('cases.annotation.item', {
                  page: a.page,
                  kind: t(KIND_LABEL[a.kind]),
                  text: a.kind === 'stamp' && a.stamp ? `: ${t(STAMP_LABEL[a.stamp])}` : a.text ? `: ${a.text}` : '',
                })}
              </button>{' '}
              <span className="hint">{a.authorName}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
