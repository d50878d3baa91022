/** The frame of each window: skip link, header with language switch, main landmark, status line. */
import { useEffect, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { LANGUAGES, type Language } from '../../i18n/translate.ts';
import { announceUserActivity } from '../../platform/activity-channel.ts';
import { useDesktopApi } from '../../platform/desktop-context.tsx';

type Props = {
  title: string;
  children: ReactNode;
  status?: ReactNode;
  /** The window is one screen: the shell fills it and the areas inside scroll (the workspace). */
  fill?: boolean;
};

export function AppShell({ title, children, status, fill = false }: Props) {
  const { t, language, setLanguage } = useI18n();
  const api = useDesktopApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  // Background work (preparing documents in the sync worker) pauses while the user pages or types.
  useEffect(() => announceUserActivity(), []);
  useEffect(() => {
    let live = true;
    void api.app.getInfo().then((value) => {
      if (live) setInfo(value);
    });
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <div className={fill ? 'shell shell-fill' : 'shell'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <span className="brand">{t('app.name')}</span>
        <span className="shell-title">{title}</span>
        <label className="language">
          {t('app.language')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l === 'de' ? 'Deutsch' : 'English'}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="main" className="shell-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="shell-status" role="status" aria-live="polite">
        {status}
        {info && (
          <span className="shell-info">
            {t(info.shell === 'electron' ? 'app.shell.electron' : 'app.shell.browser')} ·{' '}
            {t('app.version', { version: info.version })}
          </span>
        )}
      </footer>
    </div>
  );
}
