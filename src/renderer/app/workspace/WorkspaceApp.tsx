/** The workspace window: cases, inbox, notes and letters (filled in by the feature issues). */
import { useEffect, useState } from 'react';
import type { Policy } from '../../../shared/policy/policy.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useDesktopApi } from '../../platform/desktop-context.tsx';
import { AppShell } from '../shell/AppShell.tsx';

export function WorkspaceApp() {
  const { t } = useI18n();
  const api = useDesktopApi();
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [viewerVisible, setViewerVisible] = useState(false);

  useEffect(() => {
    void api.app.getPolicy().then(setPolicy);
    return api.on('windows:viewerVisibility', ({ visible }) => setViewerVisible(visible));
  }, [api]);

  return (
    <AppShell
      title={t('workspace.title')}
      status={policy && <span>{t('workspace.server', { url: policy.serverUrl })}</span>}
    >
      <h1>{t('workspace.heading')}</h1>
      <p>{t('workspace.intro')}</p>
      <button type="button" className="primary" onClick={() => void api.windows.openViewer({})}>
        {t('workspace.openViewer')}
      </button>
      {viewerVisible && <p>{t('workspace.viewerOpen')}</p>}
    </AppShell>
  );
}
