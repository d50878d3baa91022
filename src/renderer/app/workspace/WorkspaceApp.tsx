/** The workspace window: sign-in, then the cached cases and the sync state. */
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useDesktopApi } from '../../platform/desktop-context.tsx';
import { CaseList } from '../../features/sync/CaseList.tsx';
import { SignInNotice } from '../../features/signin/SignInNotice.tsx';
import { SignInScreen } from '../../features/signin/SignInScreen.tsx';
import { SyncStatusLine } from '../../features/sync/SyncStatusLine.tsx';
import { SessionRoot, useSessionController } from '../../session/session-root.tsx';
import { AppShell } from '../shell/AppShell.tsx';

export function WorkspaceApp() {
  return (
    <SessionRoot>
      <Workspace />
    </SessionRoot>
  );
}

function Workspace() {
  const { t } = useI18n();
  const api = useDesktopApi();
  const { controller, state } = useSessionController();
  const [viewerVisible, setViewerVisible] = useState(false);
  useEffect(() => api.on('windows:viewerVisibility', ({ visible }) => setViewerVisible(visible)), [api]);

  if (state.kind !== 'signed-in') {
    return (
      <AppShell title={t('workspace.title')}>
        <SignInScreen />
      </AppShell>
    );
  }
  return (
    <AppShell title={t('workspace.title')} status={<SyncStatusLine />}>
      <div className="workspace-bar">
        <span>{t('signin.signedInAs', { name: state.session.user.displayName })}</span>
        {state.offline && <span className="badge">{t('signin.offlineBadge')}</span>}
        <button type="button" className="primary" onClick={() => void api.windows.openViewer({})}>
          {t('workspace.openViewer')}
        </button>
        <button type="button" onClick={() => controller.signOut()}>
          {t('signin.signOut')}
        </button>
      </div>
      <SignInNotice />
      {viewerVisible && <p>{t('workspace.viewerOpen')}</p>}
      <CaseList />
    </AppShell>
  );
}
