/**
 * The viewer window on the second monitor: follows the document selected in the workspace, or
 * stays pinned to the one it shows. `?documentId=` opens a document directly (tests, benchmarks).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { documentIdSchema, type DocumentId } from '../../../shared/domain/ids.ts';
import { ViewerDocument } from '../../features/viewer/ViewerDocument.tsx';
import { warmUpPdfWorker } from '../../pdf/index.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useDesktopApi } from '../../platform/desktop-context.tsx';
import { openSelectionChannel } from '../../platform/selection-channel.ts';
import { useSession } from '../../session/session-context.tsx';
import { AppShell } from '../shell/AppShell.tsx';

function documentFromUrl(): DocumentId | null {
  const parsed = documentIdSchema.safeParse(new URLSearchParams(location.search).get('documentId'));
  return parsed.success ? parsed.data : null;
}

export function ViewerApp({ initialDocumentId }: { initialDocumentId?: DocumentId } = {}) {
  const { t } = useI18n();
  const api = useDesktopApi();
  const session = useSession();
  const [documentId, setDocumentId] = useState<DocumentId | null>(() => initialDocumentId ?? documentFromUrl());
  const [pageRequest, setPageRequest] = useState<{ page: number } | null>(null);
  const [pinned, setPinned] = useState(false);
  const [status, setStatus] = useState('');
  const pinnedRef = useRef(pinned);
  pinnedRef.current = pinned;

  useEffect(() => {
    const channel = openSelectionChannel();
    const stop = channel.onIntent((intent) => {
      if (pinnedRef.current) return;
      setDocumentId(intent.documentId);
      setPageRequest(intent.page ? { page: intent.page } : null);
    });
    return () => {
      stop();
      channel.close();
    };
  }, []);

  // The PDF worker starts with the window, so the first document does not wait for it.
  useEffect(() => void warmUpPdfWorker().catch(() => undefined), []);

  const announce = useCallback((message: string) => setStatus(message), []);
  const back = (
    <button type="button" onClick={() => void api.windows.focusWorkspace()}>
      {t('viewer.backToWorkspace')}
    </button>
  );

  return (
    <AppShell title={t('viewer.title')} status={<span>{status}</span>}>
      <div className="viewer-app">
        {!documentId && (
          <div className="viewer-message">
            <h1>{t('viewer.heading')}</h1>
            <p>{t('viewer.noDocument')}</p>
            {back}
          </div>
        )}
        {documentId && !session && (
          <div className="viewer-message">
            <h1>{t('viewer.document', { id: documentId })}</h1>
            <p>{t('viewer.signedOut')}</p>
            {back}
          </div>
        )}
        {documentId && session && (
          <ViewerDocument
            key={documentId}
            session={session}
            documentId={documentId}
            pageRequest={pageRequest}
            announce={announce}
            headerActions={
              <>
                <button type="button" aria-pressed={pinned} onClick={() => setPinned((p) => !p)}>
                  {pinned ? t('viewer.pinned') : t('viewer.pin')}
                </button>
                {back}
              </>
            }
          />
        )}
      </div>
    </AppShell>
  );
}
