/** Mounts the viewer window's root, with the providers of a real window, into the test page. */
import { createRoot, type Root } from 'react-dom/client';
import { ViewerApp } from '../../../src/renderer/app/viewer/ViewerApp.tsx';
import { I18nProvider } from '../../../src/renderer/i18n/i18n-context.tsx';
import { setPdfResourceBase } from '../../../src/renderer/pdf/index.ts';
import { createBrowserDesktopApi } from '../../../src/renderer/platform/browser-desktop-api.ts';
import { DesktopApiProvider } from '../../../src/renderer/platform/desktop-context.tsx';
import { SessionProvider } from '../../../src/renderer/session/session-context.tsx';
import type { OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import type { DocumentId } from '../../../src/shared/domain/ids.ts';
import '../../../src/renderer/styles/app.css';

export type MountedViewer = { container: HTMLElement; unmount(): void };

export function mountViewer(
  session: Session | null,
  documentId?: string,
  pdfResources = '/node_modules/pdfjs-dist/',
): MountedViewer {
  setPdfResourceBase(pdfResources);
  const container = document.createElement('div');
  document.body.append(container);
  const root: Root = createRoot(container);
  const browserApi = createBrowserDesktopApi();
  // The app version is defined by the product build only; tests answer for it.
  const api = {
    ...browserApi,
    app: {
      ...browserApi.app,
      getInfo: async () => ({ name: 'E-Akte Desktop', version: 'test', platform: 'test', shell: 'browser' as const }),
    },
  };
  root.render(
    <DesktopApiProvider api={api}>
      <I18nProvider initial="de">
        <SessionProvider session={session}>
          <ViewerApp {...(documentId ? { initialDocumentId: documentId as DocumentId } : {})} />
        </SessionProvider>
      </I18nProvider>
    </DesktopApiProvider>,
  );
  return {
    container,
    unmount: () => {
      root.unmount();
      container.remove();
    },
  };
}
