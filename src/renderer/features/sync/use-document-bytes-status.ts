/**
 * Whether a document's bytes are on this device, and if not, asks the sync engine to fetch them
 * first of all; the progress comes live from the cache's bookkeeping.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useOptionalSessionController } from '../../session/session-root.tsx';

export type DocumentBytesStatus =
  { kind: 'unknown' } | { kind: 'complete' } | { kind: 'fetching'; storedBytes: number; byteSize: number };

export function useDocumentBytesStatus(documentId: string): DocumentBytesStatus {
  const state = useOptionalSessionController()?.state;
  const session = state?.kind === 'signed-in' ? state.session : null;
  const record = useLiveQuery(async () => session?.contents.get(documentId), [session, documentId]);
  const complete = record?.state === 'complete';
  useEffect(() => {
    if (state?.kind === 'signed-in' && record && !complete) state.sync.fetchContent(documentId);
  }, [state, record, complete, documentId]);
  if (!record) return { kind: 'unknown' };
  if (complete) return { kind: 'complete' };
  return { kind: 'fetching', storedBytes: record.storedBytes, byteSize: record.byteSize };
}
