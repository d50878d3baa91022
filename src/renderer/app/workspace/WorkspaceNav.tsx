/**
 * The workspace's navigation: the four areas with the unread and due counts, who is signed in
 * (and whether offline), the viewer window, the quick jump and signing out. The current area is
 * marked with aria-current, so a screen reader says where the user is.
 */
import { useI18n } from '../../i18n/i18n-context.tsx';

export type Area = 'cases' | 'inbox' | 'followUps' | 'settings';

type Props = {
  area: Area;
  onArea: (area: Area) => void;
  unread: number;
  due: number;
  userName: string;
  offline: boolean;
  viewerVisible: boolean;
  onOpenViewer: () => void;
  onQuickJump: () => void;
  onSignOut: () => void;
};

export function WorkspaceNav(props: Props) {
  const { t } = useI18n();
  const { area, onArea, unread, due } = props;
  const item = (id: Area, label: string, count?: string) => (
    <li>
      <button
        type="button"
        className={`nav-item${area === id ? ' current' : ''}`}
        aria-current={area === id ? 'page' : undefined}
        onClick={() => onArea(id)}
      >
        <span className="nav-label">{label}</span>
        {count && <span className="nav-count">{count}</span>}
      </button>
    </li>
  );
  return (
    <nav className="desk-nav" aria-label={t('ws.nav.label')}>
      <ul className="nav-list">
        {item('cases', t('ws.nav.cases'))}
        {item('inbox', t('ws.nav.inbox'), unread ? t('ws.nav.inboxCount', { count: unread }) : undefined)}
        {item('followUps', t('ws.nav.followUps'), due ? t('ws.nav.followUpsCount', { count: due }) : undefined)}
        {item('settings', t('ws.nav.settings'))}
      </ul>
      <div className="nav-tools">
        <button type="button" onClick={props.onQuickJump} aria-keyshortcuts="Control+K">
          {t('ws.quickJumpHint')}
        </button>
        <button type="button" onClick={props.onOpenViewer}>
          {t('ws.openViewer')}
        </button>
        {props.viewerVisible && <p className="hint">{t('workspace.viewerOpen')}</p>}
      </div>
      <div className="nav-user">
        <p>{t('ws.signedInAs', { name: props.userName })}</p>
        {props.offline && <p className="badge">{t('ws.offline')}</p>}
        <button type="button" onClick={props.onSignOut}>
          {t('ws.signOut')}
        </button>
      </div>
    </nav>
  );
}
