/**
 * Opening a document from the workspace: the viewer window follows the selection (over the
 * selection channel), and is opened — or brought to the front — through DesktopApi (in Electron on
 * the second display; in browser mode as the named viewer page).
 */
import { useCallback, useEffect, useRef } from 'react';
import type { DocumentId } from '../../shared/domain/ids.ts';
import { useDesktopApi } from './desktop-context.tsx';
import { openSelectionChannel, type SelectionChannel } from './selection-channel.ts';

export function useViewerLink(): (documentId: DocumentId, page?: number) => void {
  const api = useDesktopApi();
  const channel = useRef<SelectionChannel | null>(null);
  useEffect(() => {
    channel.current = openSelectionChannel();
    return () => {
      channel.current?.close();
      channel.current = null;
    };
  }, []);
  return useCallback(
    (documentId, page) => {
      channel.current?.selectDocument(documentId, page);
      void api.windows.openViewer({ documentId });
    },
    [api],
  );
}
