/** The viewer window on the second monitor: follows the document selected in the workspace. */
import { useEffect, useState } from 'react';
import { documentIdSchema, type DocumentId } from '../../../shared/domain/ids.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useDesktopApi } from '../../platform/desktop-context.tsx';
import { openSelectionChannel } from '../../platform/selection-channel.ts';
import { AppShell } from '../shell/AppShell.tsx';

function documentFromUrl(): DocumentId | null {
  const parsed = documentIdSchema.safeParse(new URLSearchParams(location.search).get('documentId'));
  return parsed.success ? parsed.data : null;
}

export function ViewerApp() {
  const { t } = useI18n();
  const api = useDesktopApi();
  const [documentId, setDocumentId] = useState<DocumentId | null>(documentFromUrl);

  useEffect(() => {
    const channel = openSelectionChannel();
    const stop = channel.onIntent((intent) => setDocumentId(intent.documentId));
    return () => {
      stop();
      channel.close();
    };
  }, []);

  return (
    <AppShell title={t('viewer.title')}>
      <h1>{documentId ? t('viewer.document', { id: documentId }) : t('viewer.heading')}</h1>
      {!documentId && <p>{t('viewer.noDocument')}</p>}
      <button type="button" onClick={() => void api.windows.focusWorkspace()}>
        {t('viewer.backToWorkspace')}
      </button>
    </AppShell>
  );
}
