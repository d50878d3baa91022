/**
 * A cached document in the viewer window: its header, its pages with our annotation layer over
 * them, and the annotations panel; or a clear message when it cannot be shown.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import type { CaseId, DocumentId } from '../../../shared/domain/ids.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Session } from '../../session/session.ts';
import { AnnotationLayer } from '../annotations/AnnotationLayer.tsx';
import { AnnotationPanel } from '../annotations/AnnotationPanel.tsx';
import { AnnotationsProvider } from '../annotations/annotations-context.tsx';
import { DocumentBytesGate } from '../sync/DocumentBytesGate.tsx';
import { bgNumberOf } from './case-label.ts';
import { DocumentHeader } from './DocumentHeader.tsx';
import { DocumentViewer, type BackgroundTask } from './DocumentViewer.tsx';
import { documentsToPrepare, prepareFirstView, reportOpeningView } from './prepare-view.ts';
import type { PaintedPage } from './PageSlot.tsx';
import { PasswordPrompt } from './PasswordPrompt.tsx';
import { useOpenDocument } from './use-open-document.ts';

type Props = {
  session: Session;
  documentId: DocumentId;
  pageRequest: { page: number } | null;
  headerActions?: ReactNode;
  announce: (message: string) => void;
};

export function ViewerDocument({ session, documentId, pageRequest, headerActions, announce }: Props) {
  const { t } = useI18n();
  const meta = useLiveQuery(async () => (await session.documents.get(documentId)) ?? null, [session, documentId]);
  const bgNumber = useLiveQuery(async () => (meta ? bgNumberOf(session, meta.caseId) : null), [session, meta?.caseId]);

  if (meta === undefined) return <p className="viewer-message">{t('viewer.loading')}</p>;
  if (meta === null) {
    return (
      <>
        <h1 className="viewer-message">{t('viewer.document', { id: documentId })}</h1>
        <p className="viewer-message error" role="alert">
          {t('viewer.notFound')}
        </p>
      </>
    );
  }
  return (
    <>
      <DocumentHeader doc={meta} bgNumber={bgNumber ?? null} pageCount={null} actions={headerActions} />
      {/* Bytes not on this device yet are fetched first of all, with progress, before the pages open. */}
      <DocumentBytesGate documentId={documentId}>
        <DocumentPages
          session={session}
          documentId={documentId}
          caseId={meta.caseId}
          pageRequest={pageRequest}
          announce={announce}
        />
      </DocumentBytesGate>
    </>
  );
}

function DocumentPages({
  session,
  documentId,
  caseId,
  pageRequest,
  announce,
}: Omit<Props, 'headerActions'> & { caseId: CaseId }) {
  const { t } = useI18n();
  const state = useOpenDocument(session, documentId);

  useEffect(() => {
    if (state.status === 'ready') announce(t('viewer.loaded', { pages: state.doc.pageCount }));
    else if (state.status === 'loading') announce(t('viewer.loading'));
    else if (state.status === 'password') announce(t('viewer.password.title'));
  }, [state, announce, t]);

  const rememberForNextTime = state.status === 'ready' ? state.rememberForNextTime : null;
  const prepareNext = useCallback(
    async (pane: { width: number; height: number }): Promise<readonly BackgroundTask[]> => {
      // The sync worker prepares documents as they arrive for the layout documents open in.
      void reportOpeningView(session, pane).catch(() => undefined);
      return (await documentsToPrepare(session, caseId, documentId)).map((id) => ({
        key: id,
        start: () => prepareFirstView(session, id, pane),
      }));
    },
    [session, caseId, documentId],
  );
  // Data protection: every time a document is shown to the user, the view is recorded (offline too);
  // preparing it in the background is not a view.
  const audited = useRef(false);
  const onFirstPagePainted = useCallback(
    (painted: PaintedPage) => {
      if (!audited.current) {
        audited.current = true;
        void session.audit.record({ action: 'document.view', caseId, documentId }).catch(() => {
          audited.current = false;
        });
      }
      document.dispatchEvent(
        new CustomEvent('viewer:first-page-painted', { detail: { fromPreview: painted.fromPreview } }),
      );
      rememberForNextTime?.(painted);
    },
    [rememberForNextTime, session, caseId, documentId],
  );

  switch (state.status) {
    case 'loading':
      return <p className="viewer-message">{t('viewer.loading')}</p>;
    case 'password':
      return <PasswordPrompt wrongAttempts={state.wrongAttempts} onSubmit={state.submit} />;
    case 'error':
      return (
        <div className="viewer-message error" role="alert" data-error-code={state.code}>
          <h2>{t('viewer.error.title')}</h2>
          <p>{t(`viewer.error.${state.code}`)}</p>
        </div>
      );
    case 'ready':
      return (
        <AnnotationsProvider session={session} documentId={documentId} caseId={caseId} announce={announce}>
          <DocumentViewer
            key={documentId}
            doc={state.doc}
            firstPage={state.firstPage}
            preview={state.preview}
            initialPage={pageRequest?.page}
            pageRequest={pageRequest}
            onFirstPagePainted={onFirstPagePainted}
            prepareNext={prepareNext}
            renderOverlay={(ctx) => <AnnotationLayer {...ctx} />}
            renderAside={({ currentPage, goToPage }) => (
              <AnnotationPanel currentPage={currentPage} pageSize={state.firstPage} goToPage={goToPage} />
            )}
          />
        </AnnotationsProvider>
      );
  }
}
