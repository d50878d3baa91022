/**
 * The workspace window: sign-in, then the case worker's desk — navigation (Akten, Posteingang,
 * Wiedervorlagen, Einstellungen), the case list beside the open case, the status line. Ctrl+K
 * opens the quick jump from anywhere in the window. One polite live region announces what a
 * button did, so that the screen reader hears it wherever the focus is.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseId } from '../../../shared/domain/ids.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useDesktopApi } from '../../platform/desktop-context.tsx';
import { whenIdle } from '../../platform/when-idle.ts';
import { CaseList } from '../../features/cases/CaseList.tsx';
import { CaseView, CaseViewWarmUp } from '../../features/cases/CaseView.tsx';
import { QuickJump } from '../../features/cases/QuickJump.tsx';
import { useCaseRows, useCaseSearch } from '../../features/cases/use-cases.ts';
import { DueFollowUps } from '../../features/follow-ups/DueFollowUps.tsx';
import { InboxView } from '../../features/inbox/InboxView.tsx';
import { PolicyWarningBanner } from '../../features/settings/PolicyWarnings.tsx';
import { SettingsView } from '../../features/settings/SettingsView.tsx';
import { SignInNotice } from '../../features/signin/SignInNotice.tsx';
import { SignInScreen } from '../../features/signin/SignInScreen.tsx';
import { SyncStatusLine } from '../../features/sync/SyncStatusLine.tsx';
import type { Session } from '../../session/session.ts';
import { SessionRoot, useSessionController } from '../../session/session-root.tsx';
import { AppShell } from '../shell/AppShell.tsx';
import { WorkspaceNav, type Area } from './WorkspaceNav.tsx';
import './workspace.css';

export function WorkspaceApp() {
  return (
    <SessionRoot>
      <Workspace />
    </SessionRoot>
  );
}

function Workspace() {
  const { t } = useI18n();
  const { state } = useSessionController();
  if (state.kind !== 'signed-in') {
    return (
      <AppShell title={t('workspace.title')}>
        <SignInScreen />
      </AppShell>
    );
  }
  return <Desk session={state.session} offline={state.offline} />;
}

function Desk({ session, offline }: { session: Session; offline: boolean }) {
  const { t } = useI18n();
  const api = useDesktopApi();
  const { controller } = useSessionController();
  const [area, setArea] = useState<Area>('cases');
  const [caseId, setCaseId] = useState<CaseId | null>(null);
  const [jumping, setJumping] = useState(false);
  const [focusCase, setFocusCase] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [viewerVisible, setViewerVisible] = useState(false);
  const rows = useCaseRows(session);
  const search = useCaseSearch(rows);
  const recent = useLiveQuery(() => session.cases.recent(), [session]) ?? [];
  const idle = useFirstIdle(rows !== undefined);
  // The hidden warm-up of the case view is needed until the first case is opened.
  const [anyOpened, setAnyOpened] = useState(false);

  // Audit events still waiting for an idle moment are written when the window is hidden or closed.
  useEffect(() => {
    const flush = (): void => void session.audit.flush().catch(() => undefined);
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [session]);

  useEffect(() => api.on('windows:viewerVisibility', ({ visible }) => setViewerVisible(visible)), [api]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setJumping(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The same text twice in a row is still announced: the region is emptied first.
  const announce = useCallback((message: string) => {
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(message));
  }, []);

  // Opened by keyboard (search, quick jump, Enter in the list), the case view takes the focus, so
  // that a screen reader reads the case; opened by a click, the focus stays where the user put it.
  const openCase = useCallback((id: CaseId, how: 'keyboard' | 'pointer' = 'keyboard') => {
    setArea('cases');
    setCaseId(id);
    setAnyOpened(true);
    setFocusCase(how === 'keyboard');
  }, []);

  const caseLabels = useMemo(
    () =>
      new Map(
        (rows ?? []).map((r) => [
          r.case.id as string,
          r.applicant ? `${r.case.bgNumber} · ${r.applicant.lastName}, ${r.applicant.firstName}` : r.case.bgNumber,
        ]),
      ),
    [rows],
  );
  const rowOf = useMemo(() => new Map((rows ?? []).map((r) => [r.case.id as string, r])), [rows]);
  const unread = rows?.reduce((sum, r) => sum + r.unread, 0) ?? 0;
  const due = rows?.reduce((sum, r) => sum + r.followUpsDue, 0) ?? 0;

  return (
    <AppShell title={t('workspace.title')} status={<SyncStatusLine />} fill>
      <div className="desk">
        <WorkspaceNav
          area={area}
          onArea={setArea}
          unread={unread}
          due={due}
          userName={session.user.displayName}
          offline={offline}
          viewerVisible={viewerVisible}
          onOpenViewer={() => void api.windows.openViewer({})}
          onQuickJump={() => setJumping(true)}
          onSignOut={() => controller.signOut()}
        />
        <div className="desk-area">
          <PolicyWarningBanner onOpenSettings={() => setArea('settings')} />
          <SignInNotice />
          {area === 'cases' &&
            (rows ? (
              <div className="desk-cases">
                <CaseList rows={rows} search={search} selectedId={caseId} onOpen={openCase} />
                <div className="desk-case">
                  {caseId ? (
                    <CaseView
                      key={caseId}
                      session={session}
                      caseId={caseId}
                      row={rowOf.get(caseId)}
                      takeFocus={focusCase}
                      announce={announce}
                    />
                  ) : (
                    <>
                      <p className="case-view-empty">{t('cases.view.none')}</p>
                      {idle && !anyOpened && rows[0] && <CaseViewWarmUp session={session} row={rows[0]} />}
                    </>
                  )}
                </div>
              </div>
            ) : (
              <p>{t('app.loading')}</p>
            ))}
          {area === 'inbox' && (
            <InboxView session={session} caseLabels={caseLabels} onOpenCase={openCase} announce={announce} />
          )}
          {area === 'followUps' && (
            <DueFollowUps session={session} caseLabels={caseLabels} onOpenCase={openCase} announce={announce} />
          )}
          {area === 'settings' && <SettingsView announce={announce} />}
        </div>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {jumping && rows && (
        <QuickJump rows={rows} search={search} recent={recent} onOpen={openCase} onClose={() => setJumping(false)} />
      )}
    </AppShell>
  );
}

/** Whether the window has had an idle moment since `ready` first became true. */
function useFirstIdle(ready: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready || idle) return;
    return whenIdle(() => setIdle(true), 300);
  }, [ready, idle]);
  return idle;
}
