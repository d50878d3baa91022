/**
 * One case: its household, its documents by register (opening one shows it in the viewer window),
 * the annotations of the selected document, notes, follow-ups and letters. Opening a case is
 * recorded in the audit trail and puts it first among the recently opened cases, whose documents
 * are fetched first.
 */
import { describeError } from '../errors/error-message.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { Activity, memo, useEffect, useRef, useState } from 'react';
import type { CaseId, DocumentId } from '../../../shared/domain/ids.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { CaseRow } from '../../data/repos/cases.ts';
import type { Session } from '../../session/session.ts';
import { useViewerLink } from '../../platform/use-viewer-link.ts';
import { whenIdle } from '../../platform/when-idle.ts';
import { CaseLetters } from '../letters/CaseLetters.tsx';
import { LetterComposer } from '../letters/LetterComposer.tsx';
import { CaseDocuments } from './CaseDocuments.tsx';
import { CaseFollowUps } from './CaseFollowUps.tsx';
import { CaseNotes } from './CaseNotes.tsx';
import { DocumentAnnotations } from './DocumentAnnotations.tsx';

type Props = {
  session: Session;
  caseId: CaseId;
  /** The case as the list has it: shown at once, while the case's own query is still reading. */
  row?: CaseRow | undefined;
  /** Move the focus to the case's heading once it is shown (opened by keyboard). */
  takeFocus?: boolean;
  announce: (message: string) => void;
};

export function CaseView({ session, caseId, row, takeFocus = false, announce }: Props) {
  const { t, language } = useI18n();
  const live = useLiveQuery(() => session.cases.detail(caseId), [session, caseId]);
  const detail = live === undefined && row ? { case: row.case, members: [...row.members] } : live;
  const [selected, setSelected] = useState<DocumentId | null>(null);
  const [writing, setWriting] = useState(false);
  const openInViewer = useViewerLink();

  // Recorded from the first frame that shows the view, with that moment's time, and written once
  // the window is idle (the audit repository's `recordSoon`): the writes — the audit event goes
  // through the outbox and its journal — do not compete with the reads that build the view. A
  // view taken down before any frame (React's development double mount) records nothing.
  useEffect(() => {
    setSelected(null);
    const frame = requestAnimationFrame(() => {
      session.audit.recordSoon({ action: 'case.open', caseId });
      whenIdle(() => void session.cases.opened(caseId).catch(() => undefined), 1000);
    });
    return () => cancelAnimationFrame(frame);
  }, [session, caseId]);

  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = detail !== undefined && detail !== null;
  useEffect(() => {
    if (loaded && takeFocus) heading.current?.focus();
  }, [loaded, takeFocus]);

  if (detail === undefined) return null;
  if (detail === null) return <p className="case-view-empty">{t('cases.view.gone')}</p>;
  const { case: theCase, members } = detail;
  const open = (documentId: DocumentId, page?: number): void => {
    setSelected(documentId);
    openInViewer(documentId, page);
    session.documents.opened(documentId).catch((failure: unknown) => announce(describeError(t, language, failure)));
  };
  return (
    <article className="case-view" aria-labelledby="case-view-heading">
      <header className="case-view-head">
        <h2 id="case-view-heading" ref={heading} tabIndex={-1}>
          {t('cases.view.heading', { bg: theCase.bgNumber })}
        </h2>
        <p>
          {members[0] ? `${members[0].firstName} ${members[0].lastName}` : ''} ·{' '}
          {t('cases.view.openedOn', { date: formatDate(theCase.openedOn, language) })}
          {theCase.status === 'closed' && <span className="tag">{t('cases.closed')}</span>}
        </p>
      </header>
      <section className="case-section" aria-labelledby="case-members-heading">
        <h3 id="case-members-heading">{t('cases.members')}</h3>
        <table className="members">
          <thead>
            <tr>
              <th scope="col">{t('cases.member.name')}</th>
              <th scope="col">{t('cases.member.role')}</th>
              <th scope="col">{t('cases.member.birthDate')}</th>
              <th scope="col">{t('cases.member.address')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.lastName}, {m.firstName}
                </th>
                <td>{t(`cases.role.${m.role}`)}</td>
                <td>{formatDate(m.birthDate, language)}</td>
                <td>
                  {m.address.street}, {m.address.postalCode} {m.address.city}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="case-columns">
        <div>
          <CaseDocuments session={session} caseId={caseId} selectedId={selected} onOpen={open} />
          <DocumentAnnotations
            session={session}
            documentId={selected}
            onGoTo={(page) => selected && open(selected, page)}
          />
        </div>
        <div>
          <CaseNotes session={session} caseId={caseId} announce={announce} />
          <CaseFollowUps session={session} caseId={caseId} announce={announce} />
          <CaseLetters
            session={session}
            caseId={caseId}
            actions={
              <button type="button" onClick={() => setWriting(true)}>
                {t('cases.letters.write')}
              </button>
            }
          />
        </div>
      </div>
      {writing && <LetterComposer session={session} caseId={caseId} onClose={() => setWriting(false)} />}
    </article>
  );
}

/**
 * The case view of `row`, rendered hidden while no case is open, from the window's first idle
 * moment after the case list is shown: the first click on a case then finds the view's code
 * compiled — as far as it runs before the case's data has been read — and the repositories' reads
 * and the connection they use warmed by one read of the same data. Cold, that click took 150–170 ms
 * where later ones take 40–50. Nothing of the case is shown and nothing is recorded: a hidden
 * Activity mounts none of the view's effects (no audit event, no "recently opened", no live query),
 * and the reads' results are dropped.
 */
export const CaseViewWarmUp = memo(
  function CaseViewWarmUp({ session, row }: { session: Session; row: CaseRow }) {
    const id = row.case.id;
    useEffect(() => {
      void Promise.allSettled([
        session.cases.detail(id),
        session.documents.listForCase(id),
        session.documents.storedStates(id),
        session.notes.listForCase(id),
        session.followUps.listForCase(id),
        session.letters.listForCase(id),
        session.persons.membersOf(id),
      ]);
    }, [session, id]);
    return (
      <Activity mode="hidden">
        <CaseView session={session} caseId={id} row={row} announce={() => undefined} />
      </Activity>
    );
  },
  // Rendered again only for another case: the rows are rebuilt with every download's figures.
  (before, after) => before.session === after.session && before.row.case.id === after.row.case.id,
);
