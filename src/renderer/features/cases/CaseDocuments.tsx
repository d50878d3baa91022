/**
 * The documents of a case, grouped by register (Aktenregister), newest first: type, title,
 * received date, page count, whether it is on the device, whether it is unread. Enter or a click
 * opens it in the viewer window, which follows the selection.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseDocument, Register } from '../../../shared/domain/document.ts';
import type { DocumentId } from '../../../shared/domain/ids.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Session } from '../../session/session.ts';
import { OriginalNotice } from './OriginalNotice.tsx';

const REGISTERS: readonly Register[] = [
  'application',
  'income',
  'housing',
  'decisions',
  'correspondence',
  'identity',
  'other',
];

type Props = {
  session: Session;
  caseId: string;
  selectedId: string | null;
  onOpen: (documentId: DocumentId) => void;
};

export function CaseDocuments({ session, caseId, selectedId, onOpen }: Props) {
  const { t, language } = useI18n();
  // Two queries: the list shows as soon as the documents are read; what is on the device (the
  // content table, which downloads write to all the time) fills in when it comes.
  const documents = useLiveQuery(() => session.documents.listForCase(caseId), [session, caseId]);
  const stored = useLiveQuery(() => session.documents.storedStates(caseId), [session, caseId]);
  if (!documents) return null;
  const byRegister = new Map<Register, CaseDocument[]>();
  for (const d of documents) byRegister.set(d.register, [...(byRegister.get(d.register) ?? []), d]);
  return (
    <section className="case-section" aria-labelledby="case-documents-heading">
      <h3 id="case-documents-heading">{t('cases.documents', { count: documents.length })}</h3>
      {REGISTERS.filter((r) => byRegister.has(r)).map((register) => (
        <div key={register} className="register">
          <h4 id={`register-${register}`}>{t(`cases.register.${register}`)}</h4>
          <ul className="document-list" aria-labelledby={`register-${register}`}>
            {byRegister.get(register)!.map((d) => {
              const onDevice = stored?.get(d.id) === 'complete';
              return (
                <li key={d.id} className={d.id === selectedId ? 'selected' : undefined}>
                  <button
                    type="button"
                    className="document-open"
                    data-document-id={d.id}
                    aria-current={d.id === selectedId ? 'true' : undefined}
                    onClick={() => onOpen(d.id)}
                  >
                    <span className="document-type">{t(`viewer.docType.${d.type}`)}</span>
                    <span className="document-title">{d.title}</span>
                    <span className="document-meta">
                      {formatDate(d.receivedOn, language)} · {t('cases.doc.pages', { pages: d.pageCount })}
                    </span>
                  </button>
                  <span className="document-tags">
                    {d.status === 'new' && <span className="tag tag-new">{t('cases.doc.new')}</span>}
                    {d.direction === 'outgoing' && <span className="tag">{t('cases.doc.outgoing')}</span>}
                    {stored && (
                      <span className={onDevice ? 'tag' : 'tag tag-muted'}>
                        {t(onDevice ? 'cases.doc.onDevice' : 'cases.doc.notOnDevice')}
                      </span>
                    )}
                    {d.id === selectedId && <span className="tag tag-selected">{t('cases.doc.selected')}</span>}
                  </span>
                  {d.direction === 'incoming' && <OriginalNotice session={session} document={d} />}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
