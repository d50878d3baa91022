/** Mounts a window's root component with the providers every window needs. */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../i18n/i18n-context.tsx';
import { translator, storedLanguage } from '../../i18n/translate.ts';
import { DesktopApiProvider, detectDesktopApi } from '../../platform/desktop-context.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import '../../styles/app.css';

export function mountWindow(root: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root fehlt');
  const t = translator(storedLanguage());
  createRoot(container).render(
    <StrictMode>
      <ErrorBoundary title={t('app.error.title')} reloadLabel={t('app.error.reload')}>
        <DesktopApiProvider api={detectDesktopApi()}>
          <I18nProvider>{root}</I18nProvider>
        </DesktopApiProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}
